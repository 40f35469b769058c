package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An EventGroup operation's events, oldest first (sec's alltimes list, L9177): time,
 * pattern index and egtoken of each, in parallel rings. Grows at the end, slides at the front.
 */
final class GroupEvents implements Iterable<Operation.GroupEvent> {

	private long[] times = new long[4];
	private int[] patterns = new int[4];
	private String[] tokens = new String[4];
	private int head;
	private int size;

	void add(long time, int pattern, String token) {
		if (size == times.length) {
			grow();
		}
		int at = (head + size) % times.length;
		times[at] = time;
		patterns[at] = pattern;
		tokens[at] = token;
		size++;
	}

	private void grow() {
		int n = times.length;
		long[] t = new long[n * 2];
		int[] p = new int[n * 2];
		String[] k = new String[n * 2];
		int tail = n - head;
		System.arraycopy(times, head, t, 0, tail);
		System.arraycopy(times, 0, t, tail, head);
		System.arraycopy(patterns, head, p, 0, tail);
		System.arraycopy(patterns, 0, p, tail, head);
		System.arraycopy(tokens, head, k, 0, tail);
		System.arraycopy(tokens, 0, k, tail, head);
		times = t;
		patterns = p;
		tokens = k;
		head = 0;
	}

	int size() {
		return size;
	}

	boolean isEmpty() {
		return size == 0;
	}

	/** The oldest event's time; there must be one. */
	long firstTime() {
		if (size == 0) {
			throw new java.util.NoSuchElementException("no group event");
		}
		return times[head];
	}

	/** Drops the oldest event; returns its pattern index. */
	int removeFirst() {
		firstTime();
		int pattern = patterns[head];
		tokens[head] = null;
		head = (head + 1) % times.length;
		size--;
		return pattern;
	}

	/** The egtokens, oldest first. */
	List<String> tokens() {
		List<String> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(tokens[(head + i) % times.length]);
		}
		return list;
	}

	/** The times, oldest first. */
	List<Long> times() {
		List<Long> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(times[(head + i) % times.length]);
		}
		return list;
	}

	@Override
	public Iterator<Operation.GroupEvent> iterator() {
		return new Iterator<>() {
			private int i;

			@Override
			public boolean hasNext() {
				return i < size;
			}

			@Override
			public Operation.GroupEvent next() {
				if (i >= size) {
					throw new java.util.NoSuchElementException();
				}
				int at = (head + i++) % times.length;
				return new Operation.GroupEvent(times[at], patterns[at], tokens[at]);
			}
		};
	}
}

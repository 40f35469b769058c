package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Times, oldest first, as plain longs in a ring: the event times of an operation's window
 * (L9101 update_times_swt, L9150 update_times_eg), which grow at the end and shrink at the
 * front, and the receive times of a context's event store. A list of Longs cost 20 bytes a
 * time, and a copy of the rest per slide.
 */
final class TimeQueue {

	private long[] ring = new long[4];
	private int head;
	private int size;

	void add(long time) {
		if (size == ring.length) {
			grow();
		}
		ring[(head + size) % ring.length] = time;
		size++;
	}

	/** Puts {@code time} before the oldest. */
	void addFirst(long time) {
		if (size == ring.length) {
			grow();
		}
		head = (head + ring.length - 1) % ring.length;
		ring[head] = time;
		size++;
	}

	private void grow() {
		long[] bigger = new long[ring.length * 2];
		int tail = ring.length - head;
		System.arraycopy(ring, head, bigger, 0, tail);
		System.arraycopy(ring, 0, bigger, tail, head);
		ring = bigger;
		head = 0;
	}

	/** The {@code i}th oldest time. */
	long get(int i) {
		if (i < 0 || i >= size) {
			throw new IndexOutOfBoundsException(i);
		}
		return ring[(head + i) % ring.length];
	}

	long removeLast() {
		long t = get(size - 1);
		size--;
		return t;
	}

	int size() {
		return size;
	}

	boolean isEmpty() {
		return size == 0;
	}

	/** The oldest time; the queue must not be empty. */
	long first() {
		if (size == 0) {
			throw new java.util.NoSuchElementException("no event time");
		}
		return ring[head];
	}

	long removeFirst() {
		long t = first();
		head = (head + 1) % ring.length;
		size--;
		return t;
	}

	/** Drops the times before {@code limit}. */
	void dropBefore(long limit) {
		while (size > 0 && first() < limit) {
			removeFirst();
		}
	}

	void clear() {
		head = 0;
		size = 0;
	}

	/** The times, oldest first, as a new list (for the state file and snapshots). */
	List<Long> toList() {
		List<Long> list = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			list.add(ring[(head + i) % ring.length]);
		}
		return list;
	}
}

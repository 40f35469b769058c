package org.sec.engine.runtime;

import java.util.Arrays;

/**
 * A min-heap of items by a long key, in two parallel arrays: no entry object per item and
 * keys side by side in memory, for the timer queues that take and give back tens of
 * thousands of items a second. Four children per node: half the levels of a binary heap,
 * and a node's children's keys share a cache line. Items of equal keys come out in no
 * particular order.
 */
final class LongHeap<T> {

	private long[] keys = new long[16];
	private Object[] items = new Object[16];
	private int size;

	boolean isEmpty() {
		return size == 0;
	}

	void add(long key, T item) {
		if (size == keys.length) {
			keys = Arrays.copyOf(keys, size * 2);
			items = Arrays.copyOf(items, size * 2);
		}
		int i = size++;
		while (i > 0) { // sift up
			int parent = (i - 1) >>> 2;
			if (keys[parent] <= key) {
				break;
			}
			keys[i] = keys[parent];
			items[i] = items[parent];
			i = parent;
		}
		keys[i] = key;
		items[i] = item;
	}

	/** The smallest key; the heap must not be empty. */
	long peekKey() {
		return keys[0];
	}

	@SuppressWarnings("unchecked")
	T peekItem() {
		return (T) items[0];
	}

	/** Removes the item of the smallest key (read it first with {@link #peekItem}). */
	void remove() {
		int last = --size;
		long key = keys[last];
		Object item = items[last];
		items[last] = null;
		if (last == 0) {
			return;
		}
		int i = 0;
		while (true) { // sift down
			int first = 4 * i + 1;
			if (first >= last) {
				break;
			}
			int child = first;
			for (int c = first + 1, end = Math.min(first + 4, last); c < end; c++) {
				if (keys[c] < keys[child]) {
					child = c;
				}
			}
			if (keys[child] >= key) {
				break;
			}
			keys[i] = keys[child];
			items[i] = items[child];
			i = child;
		}
		keys[i] = key;
		items[i] = item;
	}

	void clear() {
		Arrays.fill(items, 0, size, null);
		size = 0;
	}
}

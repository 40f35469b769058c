package org.sec.engine.runtime;

import java.util.function.Predicate;

/**
 * Contexts or operations by the second they end, for the timer passes of
 * {@link ContextSchedule} and {@link OperationSchedule}. Entries are lower bounds: an item
 * is offered again whenever it may end earlier than it has queued; an entry whose item is
 * gone is dropped, and one below its item's real end is put back at that end, as they come up.
 */
final class DueQueue<T extends DueQueue.Timed> {

	/**
	 * What the queue holds: a start time and a window (a context's lifetime, an operation's
	 * window), over once now - time > window; and the earliest end it has queued.
	 */
	abstract static class Timed {
		private long time;
		private long window;
		long queuedDue = Long.MAX_VALUE;

		Timed(long time, long window) {
			this.time = time;
			this.window = window;
		}

		long time() {
			return time;
		}

		long window() {
			return window;
		}

		void time(long t) {
			time = t;
			rescheduled();
		}

		void window(long w) {
			window = w;
			rescheduled();
		}

		/** The first second it is over, Long.MAX_VALUE when it never is. */
		long due() {
			return endless() ? Long.MAX_VALUE : SecNumbers.saturatedSum(SecNumbers.saturatedSum(time, window), 1);
		}

		/** Whether it has no end (a context of lifetime 0, an untimed Pair). */
		abstract boolean endless();

		/** Its time or window changed: its schedule hears of it. */
		abstract void rescheduled();
	}

	/** Items by the end they were queued at. */
	private final LongHeap<T> queue = new LongHeap<>();

	/** Queues {@code item} at its end when that is earlier than what it has queued. */
	void offer(T item) {
		long due = item.due();
		if (due < item.queuedDue) {
			item.queuedDue = due;
			queue.add(due, item);
		}
	}

	/** Whether an item that is still {@code live} may be over at {@code time}. */
	boolean anyDueAt(long time, Predicate<T> live) {
		dropGone(live);
		return !queue.isEmpty() && queue.peekKey() <= time;
	}

	/** The earliest second a live item is over, or Long.MAX_VALUE. */
	long earliest(Predicate<T> live) {
		while (true) {
			dropGone(live);
			if (queue.isEmpty()) {
				return Long.MAX_VALUE;
			}
			if (queue.peekKey() == queue.peekItem().due()) {
				return queue.peekKey();
			}
			offer(take()); // a bound below the real end: put it back at that end
		}
	}

	/** The item of the earliest entry if that is due by {@code time} (it may be gone or not over yet), else null. */
	T pollDue(long time) {
		return !queue.isEmpty() && queue.peekKey() <= time ? take() : null;
	}

	void clear() {
		queue.clear();
	}

	private T take() {
		long due = queue.peekKey();
		T item = queue.peekItem();
		queue.remove();
		if (due == item.queuedDue) {
			item.queuedDue = Long.MAX_VALUE; // its earliest entry is used up
		}
		return item;
	}

	private void dropGone(Predicate<T> live) {
		while (!queue.isEmpty() && !live.test(queue.peekItem())) {
			take();
		}
	}
}

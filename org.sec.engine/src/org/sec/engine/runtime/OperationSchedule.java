package org.sec.engine.runtime;

import java.util.Arrays;
import java.util.Collection;

/**
 * When the operations' windows are over, as a queue by second ({@link DueQueue}). sec's
 * timer pass (process_lists L9990) looks at every operation each second, in the table's
 * order; here a pass looks only at those whose window may be over, in the same order: the
 * table's position of each key is kept as a sequence number (a key put again keeps its
 * place, as in the table), and one whose window comes to an end during the pass, further on
 * than the pass has got, joins it as it would have been reached.
 */
final class OperationSchedule {

	private final DueQueue<Operation> queue = new DueQueue<>();
	private long lastSeq;
	/** Whether a pass is under way. */
	private boolean passing;
	/** The pass's operations that were due at its start, sorted by table position. */
	private Operation[] due = new Operation[16];
	/** Scratch space of the sort by position. */
	private Operation[] merged = new Operation[16];
	private int dueCount;
	private int dueNext;
	/** Those whose window came to an end during the pass, further on than it has got. */
	private final LongHeap<Operation> joiners = new LongHeap<>();
	private long passTime;
	private long passPosition;
	private long passLastSeq;

	/** {@code op} is in the table, in the place of {@code replaced} (null: a new key, at the end). */
	void entered(Operation op, Operation replaced) {
		op.seq = replaced != null ? replaced.seq : ++lastSeq;
		op.schedule = this;
		op.queuedDue = Long.MAX_VALUE;
		changed(op);
	}

	/** The window of {@code op} changed (or the pass looked at it): it may be over earlier than queued. */
	void changed(Operation op) {
		queue.offer(op);
		if (passing && op.due() <= passTime && op.seq > passPosition && op.seq <= passLastSeq) {
			joiners.add(op.seq, op);
		}
	}

	/** Whether a pass at {@code time} has anything to look at. */
	boolean anyDueAt(long time) {
		return queue.anyDueAt(time, op -> op.inTable);
	}

	/** The earliest second an operation's window is over, or Long.MAX_VALUE. */
	long earliest() {
		return queue.earliest(op -> op.inTable);
	}

	/** Starts a pass at {@code time}: the operations whose window is over, in table order. */
	void startPass(long time) {
		passing = true;
		passTime = time;
		passPosition = 0;
		passLastSeq = lastSeq; // operations started during the pass wait for the next, as in sec's walk of the keys
		dueCount = 0;
		dueNext = 0;
		for (Operation op; (op = queue.pollDue(time)) != null;) {
			if (!op.inTable) {
				continue;
			}
			if (op.due() <= time) {
				if (dueCount == due.length) {
					due = Arrays.copyOf(due, dueCount * 2);
				}
				due[dueCount++] = op;
			} else {
				queue.offer(op); // a bound below its end: queued again at that end
			}
		}
		sortByPosition();
	}

	/**
	 * Sorts the due operations by table position: insertion sort of short runs, then merges.
	 * Not Arrays.sort with a comparator: a pass every virtual second in a replay made C2
	 * compile and throw away TimSort's code again and again.
	 */
	private void sortByPosition() {
		final int run = 16;
		for (int from = 0; from < dueCount; from += run) {
			int to = Math.min(from + run, dueCount);
			for (int i = from + 1; i < to; i++) {
				Operation op = due[i];
				int j = i - 1;
				while (j >= from && due[j].seq > op.seq) {
					due[j + 1] = due[j];
					j--;
				}
				due[j + 1] = op;
			}
		}
		if (dueCount <= run) {
			return;
		}
		if (merged.length < dueCount) {
			merged = new Operation[due.length];
		}
		Operation[] src = due;
		Operation[] dst = merged;
		for (int width = run; width < dueCount; width *= 2) {
			for (int lo = 0; lo < dueCount; lo += 2 * width) {
				int mid = Math.min(lo + width, dueCount);
				int hi = Math.min(lo + 2 * width, dueCount);
				int i = lo;
				int j = mid;
				for (int k = lo; k < hi; k++) {
					dst[k] = j >= hi || (i < mid && src[i].seq <= src[j].seq) ? src[i++] : src[j++];
				}
			}
			Operation[] t = src;
			src = dst;
			dst = t;
		}
		if (src != due) {
			System.arraycopy(src, 0, due, 0, dueCount);
		}
		Arrays.fill(merged, 0, Math.min(merged.length, dueCount), null);
	}

	/** The next operation of the pass, or null when it is over. */
	Operation next() {
		while (true) {
			boolean fromDue = dueNext < dueCount;
			boolean fromJoiners = !joiners.isEmpty();
			if (!fromDue && !fromJoiners) {
				passing = false;
				Arrays.fill(due, 0, dueCount, null);
				return null;
			}
			Operation op;
			if (fromDue && (!fromJoiners || due[dueNext].seq <= joiners.peekKey())) {
				op = due[dueNext++];
			} else {
				op = joiners.peekItem();
				joiners.remove();
			}
			if (op.seq > passPosition) { // a position twice is looked at once
				passPosition = op.seq;
				return op;
			}
		}
	}

	/** The table was replaced (a restored state): every operation in its order. */
	void rebuild(Collection<Operation> table) {
		queue.clear();
		lastSeq = 0;
		passing = false;
		for (Operation op : table) {
			op.inTable = true;
			entered(op, null);
		}
	}
}

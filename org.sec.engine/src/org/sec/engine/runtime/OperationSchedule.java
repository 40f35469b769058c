package org.sec.engine.runtime;

import java.util.Map;

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
	/** The pass under way: the operations still to look at, by table position (a position twice: once). */
	private LongHeap<Operation> pass;
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
		if (pass != null && op.due() <= passTime && op.seq > passPosition && op.seq <= passLastSeq) {
			pass.add(op.seq, op);
		}
	}

	/** Whether a pass at {@code time} has anything to look at. */
	boolean anyDueAt(long time, Map<String, Operation> table) {
		return queue.anyDueAt(time, op -> table.get(op.key) == op);
	}

	/** The earliest second an operation's window is over, or Long.MAX_VALUE. */
	long earliest(Map<String, Operation> table) {
		return queue.earliest(op -> table.get(op.key) == op);
	}

	/** Starts a pass at {@code time}: the operations whose window is over, in table order. */
	void startPass(long time, Map<String, Operation> table) {
		pass = new LongHeap<>();
		passTime = time;
		passPosition = 0;
		passLastSeq = lastSeq; // operations started during the pass wait for the next, as in sec's walk of the keys
		for (Operation op; (op = queue.pollDue(time)) != null;) {
			if (table.get(op.key) != op) {
				continue;
			}
			if (op.due() <= time) {
				pass.add(op.seq, op);
			} else {
				changed(op);
			}
		}
	}

	/** The next operation of the pass, or null when it is over. */
	Operation next() {
		while (!pass.isEmpty() && pass.peekKey() <= passPosition) {
			pass.remove(); // this key was looked at already
		}
		if (pass.isEmpty()) {
			pass = null;
			return null;
		}
		passPosition = pass.peekKey();
		Operation op = pass.peekItem();
		pass.remove();
		return op;
	}

	/** The table was replaced (a restored state): every operation in its order. */
	void rebuild(Map<String, Operation> table) {
		queue.clear();
		lastSeq = 0;
		pass = null;
		for (Operation op : table.values()) {
			entered(op, null);
		}
	}
}

package org.sec.engine.runtime;

/**
 * When contexts go stale, as a queue by second ({@link DueQueue}). sec's timer pass
 * (L9851) calls valid_context on every name each second, in the table's order; here a pass
 * visits only the contexts that may be stale, each at the first of its names the walk would
 * reach, in the same order; one that goes stale during the pass joins it at its next name
 * further on.
 */
final class ContextSchedule {

	private final ContextTable table;
	private final DueQueue<Context> queue = new DueQueue<>();
	/** The pass under way: the names still to visit, by place in the table (a place twice: once). */
	private LongHeap<String> pass;
	private long passTime;
	private long passPosition;
	private long passLastPosition;

	ContextSchedule(ContextTable table) {
		this.table = table;
	}

	/** The lifetime of {@code c} changed (or it was made, or the pass visited it): it may be stale earlier than queued. */
	void changed(Context c) {
		queue.offer(c);
		if (pass != null && c.due() <= passTime) {
			String name = nextName(c);
			if (name != null) {
				pass.add(table.position(name), name);
			}
		}
	}

	boolean anyDueAt(long time) {
		return queue.anyDueAt(time, this::inTable);
	}

	/** The earliest second a context may go stale, or Long.MAX_VALUE. */
	long earliest() {
		return queue.earliest(this::inTable);
	}

	/** Starts a pass at {@code time}: the first name of each stale context, in table order. */
	void startPass(long time) {
		pass = new LongHeap<>();
		passTime = time;
		passPosition = 0;
		passLastPosition = table.lastPosition(); // names made during the pass wait for the next, as in sec
		for (Context c; (c = queue.pollDue(time)) != null;) {
			String name = nextName(c);
			if (name == null) {
				continue;
			}
			if (c.due() <= time) {
				pass.add(table.position(name), name);
			} else {
				changed(c);
			}
		}
	}

	/** The next name of the pass, or null when it is over. */
	String next() {
		while (!pass.isEmpty() && pass.peekKey() <= passPosition) {
			pass.remove(); // this name was visited already
		}
		if (pass.isEmpty()) {
			pass = null;
			return null;
		}
		passPosition = pass.peekKey();
		String name = pass.peekItem();
		pass.remove();
		return name;
	}

	/** The table was replaced (a restored state): every context again. */
	void rebuild() {
		queue.clear();
		pass = null;
		for (Context c : table.values()) {
			c.queuedDue = Long.MAX_VALUE;
			changed(c);
		}
	}

	/** The first name of {@code c} after the pass's place (before a pass: its first), or null when it has none. */
	private String nextName(Context c) {
		String first = null;
		long best = Long.MAX_VALUE;
		for (String name : c.aliases) {
			long at = table.position(name);
			if (table.get(name) == c && at < best && (pass == null || (at > passPosition && at <= passLastPosition))) {
				best = at;
				first = name;
			}
		}
		return first;
	}

	private boolean inTable(Context c) {
		for (String name : c.aliases) {
			if (table.get(name) == c) {
				return true;
			}
		}
		return false;
	}
}

package org.sec.engine.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.sec.engine.action.Action;

/**
 * A context as sec keeps it (%context_list entries): one object shared by all its names.
 * A lifetime ({@code window}) of 0 means forever; the context is stale once
 * {@code now - time > window}.
 */
final class Context extends DueQueue.Timed {

	/** When the context was first created (sec 2.9.4's InitTime: a later create on it keeps it). */
	final long initTime;
	/** Told of every change of the lifetime. */
	private final ContextSchedule schedule;
	/** The lifetime as written when it is beyond 64 bits (window is then saturated); getltime gives it back. */
	String hugeWindow;
	List<Action> action = List.of();
	String desc = "";
	final EventStore buffer = new EventStore();
	final Set<String> aliases = new LinkedHashSet<>();
	boolean internal;
	boolean deleteInProgress;

	Context(long time, long window, ContextSchedule schedule) {
		super(time, window);
		this.initTime = time;
		this.schedule = schedule;
		schedule.changed(this);
	}

	/** Lifetime 0: never stale (valid_context L2227: stale once now - time > window). */
	@Override
	boolean endless() {
		return window() == 0;
	}

	@Override
	void rescheduled() {
		schedule.changed(this);
	}

	/** Sets the lifetime from its digits, as Perl keeps them. */
	void lifetime(long seconds, String digits) {
		window(seconds);
		hugeWindow = digits != null && !digits.equals(Long.toString(seconds)) ? digits : null;
	}

	/** The lifetime as getltime assigns it. */
	String lifetimeText() {
		return hugeWindow != null ? hugeWindow : Long.toString(window());
	}
}

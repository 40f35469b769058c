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
final class Context {

	/** When the context was first created (sec 2.9.4's InitTime: a later create on it keeps it). */
	final long initTime;
	long time;
	long window;
	/** The lifetime as written when it is beyond 64 bits (window is then saturated); getltime gives it back. */
	String hugeWindow;
	List<Action> action = List.of();
	String desc = "";
	final EventStore buffer = new EventStore();
	final Set<String> aliases = new LinkedHashSet<>();
	boolean internal;
	boolean deleteInProgress;

	Context(long time, long window) {
		this.initTime = time;
		this.time = time;
		this.window = window;
	}

	/** Sets the lifetime from its digits, as Perl keeps them. */
	void lifetime(long seconds, String digits) {
		window = seconds;
		hugeWindow = digits != null && !digits.equals(Long.toString(seconds)) ? digits : null;
	}

	/** The lifetime as getltime assigns it. */
	String lifetimeText() {
		return hugeWindow != null ? hugeWindow : Long.toString(window);
	}
}

package org.sec.engine.runtime;

import java.util.ArrayList;
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

	long time;
	long window;
	List<Action> action = List.of();
	String desc = "";
	final List<String> buffer = new ArrayList<>();
	final Set<String> aliases = new LinkedHashSet<>();
	boolean internal;
	boolean deleteInProgress;

	Context(long time, long window) {
		this.time = time;
		this.window = window;
	}
}

package org.sec.engine.runtime;

import java.util.List;

import org.sec.engine.action.Action;

/** Runs an action list (execute_actionlist): how contexts and operations run their expiry actions. */
@FunctionalInterface
interface ActionRunner {

	/** Runs {@code list} with {@code desc} as %s; 1 when it ran to its end, 0 after break, -1 after continue. */
	int execute(List<Action> list, String desc);
}

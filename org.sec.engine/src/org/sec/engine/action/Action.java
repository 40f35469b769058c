package org.sec.engine.action;

import java.util.List;

/**
 * One parsed action of an action list. {@code args} are the action's operands in sec's
 * order (L937-1756); {@code lists} holds nested action lists (create/set lifetime
 * actions, if/else branches, while body).
 */
public record Action(ActionType type, List<String> args, List<List<Action>> lists) {

	public Action {
		args = List.copyOf(args);
		lists = List.copyOf(lists);
	}

	static Action of(ActionType type, String... args) {
		return new Action(type, List.of(args), List.of());
	}

	public String arg(int i) {
		return args.get(i);
	}

	/** True when this action, or one nested in it, needs Perl. */
	public boolean needsPerl() {
		if (type.needsPerl()) {
			return true;
		}
		for (List<Action> list : lists) {
			for (Action a : list) {
				if (a.needsPerl()) {
					return true;
				}
			}
		}
		return false;
	}
}

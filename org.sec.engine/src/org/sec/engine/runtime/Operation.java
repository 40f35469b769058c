package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.List;

import org.sec.engine.action.Action;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.rules.Rule;

/** An event correlation operation (%corr_list entry), keyed by "file | rule id | desc". */
final class Operation {

	final String key;
	final Rule rule;
	final long startTime;
	long time;
	long window;
	final String desc;
	List<Action> action;
	List<Action> action2;
	String desc2;
	/** Pair/PairWithWindow: the second pattern (substituted when it had match variables). */
	PerlRegex.Compiled pattern2;
	/** The second pattern's text as the dump prints it (after substitution). */
	String pattern2Text;
	String substrPattern2;
	ContextExpression context2;
	/** SingleWithThreshold, SingleWith2Thresholds: event times in the window. */
	final List<Long> times = new ArrayList<>();
	boolean suppressMode;
	boolean secondPass;
	/** EventGroup: every recorded event (time, pattern index, egtoken) and the times per pattern. */
	final List<GroupEvent> allTimes = new ArrayList<>();
	List<List<Long>> timesList;
	List<Action> initAction;
	List<Action> slideAction;
	List<Action> endAction;
	boolean deleteInProgress;
	boolean initInProgress;

	record GroupEvent(long time, int index, String token) {
	}

	Operation(String key, Rule rule, long now, long window, String desc) {
		this.key = key;
		this.rule = rule;
		this.startTime = now;
		this.time = now;
		this.window = window;
		this.desc = desc;
	}
}

package org.sec.engine.runtime;

import java.util.List;

import org.sec.engine.action.Action;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.rules.Rule;

/** An event correlation operation (%corr_list entry), keyed by "file | rule id | desc". */
final class Operation extends DueQueue.Timed {

	final String key;
	final Rule rule;
	final long startTime;
	/** Told of every change of the window once the operation is in the table (Operations.start). */
	OperationSchedule schedule;
	/** Its place in the table (OperationSchedule). */
	long seq;
	/** Whether the operation table holds this operation under its key (a schedule's test of liveness, no lookup). */
	boolean inTable;
	final String desc;
	List<Action> action;
	List<Action> action2;
	String desc2;
	/** Pair/PairWithWindow: the second pattern (substituted when it had match variables). */
	PerlRegex.Compiled pattern2;
	/** The second pattern's text as the dump prints it (after substitution). */
	String pattern2Text;
	String substrPattern2;
	/** The pattern2 that matches this operation's events, made at its first try (one per operation, not per line). */
	org.sec.engine.rules.PatternSpec effectivePattern2;
	ContextExpression context2;
	/** SingleWithThreshold, SingleWith2Thresholds: event times in the window. */
	final TimeQueue times = new TimeQueue();
	boolean suppressMode;
	boolean secondPass;
	/** EventGroup: every recorded event (time, pattern index, egtoken) and the times per pattern. */
	final GroupEvents allTimes = new GroupEvents();
	TimeQueue[] timesList;
	List<Action> initAction;
	List<Action> slideAction;
	List<Action> endAction;
	boolean deleteInProgress;
	boolean initInProgress;

	/** One of {@link #allTimes}, as the state file and snapshots see it. */
	record GroupEvent(long time, int index, String token) {
	}

	/** update_times_eg: drops the events before {@code limit} from both lists. */
	void dropGroupEventsBefore(long limit) {
		while (!allTimes.isEmpty() && allTimes.firstTime() < limit) {
			timesList[allTimes.removeFirst()].removeFirst();
		}
	}

	/** An untimed Pair waits for its second event for ever. */
	@Override
	boolean endless() {
		return rule.kind() == org.sec.engine.rules.RuleKind.PAIR && window() == 0;
	}

	@Override
	void rescheduled() {
		if (schedule != null) {
			schedule.changed(this);
		}
	}

	Operation(String key, Rule rule, long now, long window, String desc) {
		super(now, window);
		this.key = key;
		this.rule = rule;
		this.startTime = now;
		this.desc = desc;
	}
}

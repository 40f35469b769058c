package org.sec.engine.runtime;

import java.util.Map;
import java.util.Set;

import org.sec.engine.rules.ActionField;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;

/**
 * SingleWithThreshold and SingleWith2Thresholds (process_singlewiththreshold_rule L8949
 * and its 2-threshold twin): operations count matching events in a sliding window and run
 * action when the threshold is reached; action2 when the quiet window (or the second
 * threshold's window) ends.
 */
final class ThresholdRules implements RuleFamily {

	private final EngineServices services;
	private final RuleEvaluation eval;
	private final Operations operations;
	private final ActionExecutor actions;

	ThresholdRules(EngineServices services, RuleEvaluation eval, Operations operations, ActionExecutor actions) {
		this.services = services;
		this.eval = eval;
		this.operations = operations;
		this.actions = actions;
	}

	@Override
	public int match(String file, Rule rule, int index, Set<String> trace) {
		Map<String, String> vars = eval.matchSlot(rule, 0);
		if (vars == null) {
			return index + 1;
		}
		eval.countMatch(rule, vars);
		if (rule.kind() == RuleKind.SINGLE_WITH_THRESHOLD) {
			singleWithThreshold(rule, vars, file);
		} else {
			singleWith2Thresholds(rule, vars, file);
		}
		return rule.slots().get(0).gotoRule();
	}

	@Override
	public void expire(Operation op, long time) {
		boolean single = op.rule.kind() == RuleKind.SINGLE_WITH_THRESHOLD;
		if (single ? !op.suppressMode : !op.secondPass) {
			// still counting: the window slides past the old events
			slideTimes(op, time - op.window());
			if (op.times.isEmpty()) {
				operations.finish(op.key);
			}
		} else {
			// SingleWithThreshold's quiet window, or SingleWith2Thresholds' second one, is over
			actions.execute(op.action2, single ? op.desc : op.desc2);
			operations.finish(op.key);
		}
	}

	private void singleWithThreshold(Rule rule, Map<String, String> vars, String file) {
		String desc = eval.desc(rule, vars);
		long time = services.now();
		Operation op = operations.live(rule, desc, time);
		if (op == null) {
			String key = Operations.key(file, rule, desc);
			op = new Operation(key, rule, time, rule.window(), desc);
			op.action = eval.actions(rule, ActionField.ACTION, vars);
			op.action2 = eval.actions(rule, ActionField.ACTION2, vars);
			operations.start(key, op);
		}
		if (op.suppressMode) {
			return;
		}
		op.times.add(time);
		operations.updated(op);
		if (op.times.size() < rule.threshold()) {
			return;
		}
		op.suppressMode = true;
		actions.execute(op.action, desc);
	}

	private void singleWith2Thresholds(Rule rule, Map<String, String> vars, String file) {
		String desc = eval.desc(rule, vars);
		long time = services.now();
		Operation op = operations.live(rule, desc, time);
		if (op == null) {
			String key = Operations.key(file, rule, desc);
			op = new Operation(key, rule, time, rule.window(), desc);
			op.action = eval.actions(rule, ActionField.ACTION, vars);
			op.action2 = eval.actions(rule, ActionField.ACTION2, vars);
			op.desc2 = vars.isEmpty() ? rule.desc2() : eval.text(vars, rule.desc2());
			operations.start(key, op);
		}
		op.times.add(time);
		operations.updated(op);
		if (!op.secondPass) {
			if (op.times.size() < rule.threshold()) {
				return;
			}
			op.secondPass = true;
			op.time(time);
			op.window(rule.window2());
			op.times.clear();
			actions.execute(op.action, desc);
		} else {
			if (op.times.size() <= rule.threshold2()) {
				return;
			}
			op.times.removeFirst();
			op.time(op.times.isEmpty() ? time : op.times.first());
		}
	}

	/** update_times_swt: drop times before {@code limit}; the window starts at the oldest left. */
	private static void slideTimes(Operation op, long limit) {
		op.times.dropBefore(limit);
		op.time(op.times.isEmpty() ? limit : op.times.first());
	}
}

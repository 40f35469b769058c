package org.sec.engine.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sec.engine.action.Action;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.ActionField;
import org.sec.engine.rules.Rule;

/**
 * EventGroup (match_eventgroup_rule L9729, process_eventgroup_rule L9177): the first of N
 * patterns that matches counts its event in the operation; action runs when every pattern
 * reached its threshold (and the egpattern, if any, matches the events' tokens) within the
 * window; init, count, slide and end run as the operation starts, counts, slides and ends.
 */
final class EventGroupRules implements RuleFamily {

	private final EngineServices services;
	private final RuleEvaluation eval;
	private final PatternMatcher patterns;
	private final Operations operations;
	private final ActionExecutor actions;

	EventGroupRules(EngineServices services, RuleEvaluation eval, PatternMatcher patterns, Operations operations,
			ActionExecutor actions) {
		this.services = services;
		this.eval = eval;
		this.patterns = patterns;
		this.operations = operations;
		this.actions = actions;
	}

	@Override
	public int match(String file, Rule rule, int index, Set<String> trace) {
		for (int i = 0; i < rule.slots().size(); i++) {
			Map<String, String> vars = eval.matchSlot(rule, i);
			if (vars != null) {
				eval.countMatch(rule, vars);
				processEventGroup(rule, vars, file, i);
				return rule.slots().get(i).gotoRule();
			}
		}
		return index + 1;
	}

	@Override
	public void expire(Operation op, long time) {
		if (!op.suppressMode) {
			slideGroupTimes(op, time - op.window());
			if (op.allTimes.isEmpty()) {
				op.deleteInProgress = true;
				actions.execute(op.endAction, op.desc);
				operations.finish(op.key);
			} else {
				actions.execute(op.slideAction, op.desc);
			}
		} else {
			op.deleteInProgress = true;
			actions.execute(op.endAction, op.desc);
			operations.finish(op.key);
		}
	}

	private void processEventGroup(Rule rule, Map<String, String> vars, String file, int index) {
		String desc = eval.desc(rule, vars);
		long time = services.now();
		Operation op = operations.live(rule, desc, time);
		if (op == null) {
			String key = Operations.key(file, rule, desc);
			op = new Operation(key, rule, time, rule.window(), desc);
			op.initAction = eval.actions(rule, ActionField.INIT, vars);
			op.slideAction = eval.actions(rule, ActionField.SLIDE, vars);
			op.endAction = eval.actions(rule, ActionField.END, vars);
			op.action = eval.actions(rule, ActionField.ACTION, vars);
			op.timesList = new TimeQueue[rule.eventCount()];
			for (int i = 0; i < rule.eventCount(); i++) {
				op.timesList[i] = new TimeQueue();
			}
			operations.start(key, op);
			op.initInProgress = true;
			actions.execute(op.initAction, desc);
			if (!operations.exists(rule, desc)) {
				return;
			}
			op.initInProgress = false;
		}
		PatternSlot slot = rule.slots().get(index);
		if (!op.suppressMode) {
			String token = null;
			if (rule.egPattern() != null) {
				token = vars.isEmpty() ? slot.egToken() : eval.text(vars, slot.egToken());
			}
			op.allTimes.add(time, index, token);
			op.timesList[index].add(time);
			operations.updated(op);
		}
		List<Action> count = vars.isEmpty() || slot.count().isEmpty() ? slot.count()
				: eval.substitute(vars, slot.count());
		actions.execute(count, desc);
		if (!operations.exists(rule, desc) || op.suppressMode) {
			return;
		}
		for (int i = 0; i < rule.eventCount(); i++) {
			if (op.timesList[i].size() < rule.slots().get(i).threshold()) {
				return;
			}
		}
		if (rule.egPattern() != null) {
			List<String> tokens = op.allTimes.tokens();
			List<Long> times = services.options.secVersion().passesGroupTimes() ? op.allTimes.times() : null;
			if (!patterns.matchesTokens(rule.egPattern(), tokens, times)) {
				return;
			}
		}
		if (!rule.multipleActions()) {
			op.suppressMode = true;
		}
		actions.execute(op.action, desc);
	}

	/** update_times_eg: drop events before {@code limit} from both lists. */
	private static void slideGroupTimes(Operation op, long limit) {
		op.dropGroupEventsBefore(limit);
		op.time(op.allTimes.isEmpty() ? limit : op.allTimes.firstTime());
	}
}

package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.rules.ActionField;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;

/**
 * Pair and PairWithWindow (process_pair_rule L8639 and process_pairwithwindow_rule): the
 * first pattern starts an operation that waits for the second, whose pattern, desc2,
 * action2 and context2 get the first match's $N (as %N where the second pattern is a
 * regular expression). Pair runs action at the first event, PairWithWindow when the window
 * ends without the second.
 */
final class PairRules implements RuleFamily {

	private final EngineState state;
	private final EngineServices services;
	private final RuleEvaluation eval;
	private final PatternMatcher patterns;
	private final Operations operations;
	private final ActionExecutor actions;

	PairRules(EngineState state, EngineServices services, RuleEvaluation eval, PatternMatcher patterns,
			Operations operations, ActionExecutor actions) {
		this.state = state;
		this.services = services;
		this.eval = eval;
		this.patterns = patterns;
		this.operations = operations;
		this.actions = actions;
	}

	@Override
	public int match(String file, Rule rule, int index, Set<String> trace) {
		Map<String, String> vars = eval.matchSlot(rule, 0);
		if (vars != null) {
			eval.countMatch(rule, vars);
			if (rule.kind() == RuleKind.PAIR) {
				processPair(rule, vars, file);
			} else {
				processPairWithWindow(rule, vars, file);
			}
			return rule.slots().get(0).gotoRule();
		}
		Map<String, Operation> ops = state.pairOperations.get(rule);
		if (ops != null && !ops.isEmpty() && eval.mayMatch(rule, 1) && matchPairOperations(rule, ops)) {
			return rule.slots().get(1).gotoRule();
		}
		return index + 1;
	}

	@Override
	public void expire(Operation op, long time) {
		if (op.rule.kind() == RuleKind.PAIR_WITH_WINDOW) {
			actions.execute(op.action, op.desc);
			operations.remove(op.key);
		} else if (op.window() != 0) {
			operations.remove(op.key); // a timed Pair ends silently
		}
	}

	private void processPair(Rule rule, Map<String, String> vars, String file) {
		String desc = eval.desc(rule, vars);
		long time = services.now();
		Operation op = operations.get(rule, desc);
		if (op == null || (op.window() != 0 && time - op.time() > op.window())) {
			op = startPairOperation(rule, vars, Operations.key(file, rule, desc), desc, time, "Pair");
			if (op == null) {
				return;
			}
			actions.execute(op.action, desc);
		}
	}

	private void processPairWithWindow(Rule rule, Map<String, String> vars, String file) {
		String desc = eval.desc(rule, vars);
		long time = services.now();
		operations.expireIfOver(operations.get(rule, desc), time);
		if (!operations.exists(rule, desc)) {
			startPairOperation(rule, vars, Operations.key(file, rule, desc), desc, time, "PairWithWindow");
		}
	}

	/** The operation part of process_pair_rule / process_pairwithwindow_rule (L8660-8760). */
	private Operation startPairOperation(Rule rule, Map<String, String> vars, String key, String desc, long time,
			String typeName) {
		PatternSlot second = rule.slots().get(1);
		PatternSpec p2 = second.pattern();
		Operation op = new Operation(key, rule, time, rule.window(), desc);
		op.desc2 = rule.desc2();
		op.pattern2 = p2.regex();
		op.pattern2Text = p2.text();
		op.substrPattern2 = p2.type() == PatternSpec.Type.SUBSTR ? p2.text() : null;
		op.context2 = second.context() == null ? null : second.context().expression();
		op.action = rule.actions(ActionField.ACTION);
		op.action2 = rule.actions(ActionField.ACTION2);
		if (!vars.isEmpty()) {
			op.action = Substitution.actionList(vars, op.action, '$', state.matchCache);
			switch (p2.type()) {
			case REGEXP, PERLFUNC, CACHED -> {
				if (p2.type() == PatternSpec.Type.REGEXP && p2.deferred()) {
					String text = Substitution.string(Substitution.mapValues(vars, Substitution::quotemeta), p2.text(),
							'$', state.matchCache);
					op.pattern2 = patterns.runtimeRegex(text, typeName, key);
					if (op.pattern2 == null) {
						return null;
					}
					op.pattern2Text = text;
				}
				Map<String, String> dd = Substitution.mapValues(vars, Substitution::doubleDollar);
				op.desc2 = Substitution.string(dd, op.desc2, '%', state.matchCache);
				op.action2 = Substitution.actionList(dd, op.action2, '%', state.matchCache);
				if (op.context2 != null) {
					op.context2 = Substitution.context(dd, op.context2, '%', state.matchCache);
				}
			}
			case SUBSTR -> {
				op.substrPattern2 = Substitution.string(vars, p2.text(), '$', state.matchCache);
				op.pattern2Text = op.substrPattern2;
				op.desc2 = Substitution.string(vars, op.desc2, '$', state.matchCache);
				op.action2 = Substitution.actionList(vars, op.action2, '$', state.matchCache);
				if (op.context2 != null) {
					op.context2 = Substitution.context(vars, op.context2, '$', state.matchCache);
				}
			}
			case TVALUE -> {
				op.desc2 = Substitution.string(vars, op.desc2, '$', state.matchCache);
				op.action2 = Substitution.actionList(vars, op.action2, '$', state.matchCache);
				if (op.context2 != null) {
					op.context2 = Substitution.context(vars, op.context2, '$', state.matchCache);
				}
			}
			}
		}
		operations.start(key, op);
		state.pairOperations.computeIfAbsent(rule, r -> new LinkedHashMap<>()).put(key, op);
		return op;
	}

	private boolean matchPairOperations(Rule rule, Map<String, Operation> ops) {
		boolean matched = false;
		PatternSlot second = rule.slots().get(1);
		boolean preEval = second.context() != null && second.context().preEvaluated();
		for (String key : new ArrayList<>(ops.keySet())) {
			Operation op = ops.get(key);
			if (op == null) {
				continue;
			}
			if (preEval && !eval.holds(op.context2)) {
				continue;
			}
			PatternSpec p2 = second.pattern();
			String text2 = op.substrPattern2 != null ? op.substrPattern2 : p2.text();
			PatternSpec effective = op.effectivePattern2;
			if (effective == null || effective.regex() != op.pattern2 || effective.text() != text2) {
				effective = new PatternSpec(p2.type(), p2.negated(), p2.lines(), text2, op.pattern2, false, p2.truth());
				op.effectivePattern2 = effective;
			}
			Map<String, String> vars = patterns.match(effective, second.varmap());
			if (vars == null) {
				continue;
			}
			if (op.context2 != null && !preEval) {
				if (!eval.holds(op.context2, vars)) {
					continue;
				}
			}
			boolean run = rule.kind() == RuleKind.PAIR_WITH_WINDOW || op.window() == 0 || services.now() - op.time() <= op.window();
			if (run) {
				matched = true;
				eval.countMatch(rule, vars);
				if (!vars.isEmpty()) {
					op.action2 = Substitution.actionList(vars, op.action2, '$', state.matchCache);
					op.desc2 = Substitution.string(vars, op.desc2, '$', state.matchCache);
				}
				actions.execute(op.action2, op.desc2);
			}
			operations.finish(key);
			ops.remove(key);
		}
		return matched;
	}
}

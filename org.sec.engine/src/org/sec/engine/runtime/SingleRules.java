package org.sec.engine.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sec.engine.action.Action;
import org.sec.engine.api.SideEffects;
import org.sec.engine.rules.ActionField;
import org.sec.engine.rules.Rule;

/**
 * Single, Suppress, SingleWithScript and SingleWithSuppress (process_single_rule L8499 and
 * its neighbours): one pattern, actions at once; SingleWithSuppress keeps an operation that
 * swallows repeats for its window.
 */
final class SingleRules implements RuleFamily {

	private final EngineServices services;
	private final RuleEvaluation eval;
	private final Operations operations;
	private final ActionExecutor actions;
	private final ContextStore contexts;

	SingleRules(EngineServices services, RuleEvaluation eval, Operations operations, ActionExecutor actions,
			ContextStore contexts) {
		this.services = services;
		this.eval = eval;
		this.operations = operations;
		this.actions = actions;
		this.contexts = contexts;
	}

	@Override
	public int match(String file, Rule rule, int index, Set<String> trace) {
		Map<String, String> vars = eval.matchSlot(rule, 0);
		if (vars == null) {
			return index + 1;
		}
		eval.countMatch(rule, vars);
		switch (rule.kind()) {
		case SINGLE -> actions.execute(eval.actions(rule, ActionField.ACTION, vars),
				rule.actionsUseDesc(ActionField.ACTION) ? eval.desc(rule, vars) : rule.desc()); // a list without % or nested lists never sees the desc
		case SINGLE_WITH_SUPPRESS -> singleWithSuppress(rule, vars, file);
		case SINGLE_WITH_SCRIPT -> singleWithScript(rule, vars);
		default -> {
			// Suppress: the event goes no further in this file
		}
		}
		return rule.slots().get(0).gotoRule();
	}

	@Override
	public void expire(Operation op, long time) {
		operations.finish(op.key); // SingleWithSuppress: the quiet window is over
	}

	/** process_singlewithscript_rule: the script gets all context names on stdin; its exit code picks the action. */
	private void singleWithScript(Rule rule, Map<String, String> vars) {
		String desc = eval.desc(rule, vars);
		List<Action> action = eval.actions(rule, ActionField.ACTION, vars);
		List<Action> action2 = eval.actions(rule, ActionField.ACTION2, vars);
		List<String> command;
		boolean shell = rule.scriptWords() == null;
		if (!shell) {
			command = vars.isEmpty() ? rule.scriptWords() : rule.scriptWords().stream().map(w -> eval.text(vars, w)).toList();
		} else {
			command = List.of(vars.isEmpty() ? rule.script() : eval.text(vars, rule.script()));
		}
		if (services.sideEffects != SideEffects.ALLOW) {
			// neither action runs: the script's exit code is unknown
			services.listener().actionExecuted("script " + String.join(" ", command), true);
			return;
		}
		StringBuilder names = new StringBuilder();
		for (String name : contexts.names()) {
			names.append(name).append('\n');
		}
		actions.runWithExit(command, shell, names.toString(), null,
				code -> actions.execute(code == 0 ? action : action2, desc));
	}

	private void singleWithSuppress(Rule rule, Map<String, String> vars, String file) {
		String desc = eval.desc(rule, vars);
		long time = services.now();
		Operation op = operations.get(rule, desc);
		if (op == null || time - op.time() > op.window()) {
			String key = Operations.key(file, rule, desc);
			op = new Operation(key, rule, time, rule.window(), desc);
			op.action = eval.actions(rule, ActionField.ACTION, vars);
			operations.start(key, op);
			actions.execute(op.action, desc);
		}
	}
}

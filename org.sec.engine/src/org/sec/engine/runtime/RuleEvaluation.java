package org.sec.engine.runtime;

import java.util.List;
import java.util.Map;

import org.sec.engine.action.Action;
import org.sec.engine.api.EngineListener;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextExpressionParser;
import org.sec.engine.rules.ActionField;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.Rule;

/**
 * What every rule family does with a rule: a pattern slot against the event with its
 * context (before the pattern when it needs no match variables, else after), the match
 * counted and reported, and desc, action lists and texts with the match's $N put in.
 */
final class RuleEvaluation {

	private final EngineState state;
	private final EngineServices services;
	private final PatternMatcher patterns;
	private final ContextEvaluator contexts;
	/** The rule being tried by process_rules, its position, and its file's index (see {@link #restrictTo}). */
	private LiteralIndex index;
	private Rule indexedRule;
	private int indexedPosition;

	RuleEvaluation(EngineState state, EngineServices services, PatternMatcher patterns, ContextEvaluator contexts) {
		this.state = state;
		this.services = services;
		this.patterns = patterns;
		this.contexts = contexts;
	}

	/**
	 * The slots of {@code rule}, at {@code position} in its file, are matched knowing from
	 * {@code index} which of them cannot match the current line.
	 */
	void restrictTo(LiteralIndex index, Rule rule, int position) {
		this.index = index;
		this.indexedRule = index == null ? null : rule;
		this.indexedPosition = position;
	}

	/** False when the index knows that slot {@code slot} of {@code rule} cannot match the current event. */
	boolean mayMatch(Rule rule, int slot) {
		return rule != indexedRule || index.mayMatch(indexedPosition, slot);
	}

	/**
	 * The {@code slot}-th pattern of {@code rule} with its context: the match variables when
	 * both hold (the listener hears MATCHED, the match is not counted yet), else null.
	 */
	Map<String, String> matchSlot(Rule rule, int slotIndex) {
		PatternSlot slot = rule.slots().get(slotIndex);
		ContextExpressionParser.FieldValue ctx = slot.context();
		if (ctx != null && ctx.preEvaluated() && !contexts.evaluate(ctx.expression())) {
			services.evaluated(rule, slotIndex, EngineListener.Evaluation.CONTEXT_FALSE_BEFORE_PATTERN);
			return null;
		}
		boolean excluded = !mayMatch(rule, slotIndex);
		Map<String, String> vars = excluded ? null : patterns.match(slot.pattern(), slot.varmap());
		if (vars == null) {
			services.evaluated(rule, slotIndex, EngineListener.Evaluation.NO_MATCH);
			return null;
		}
		if (ctx != null && !ctx.preEvaluated() && !contexts.holds(ctx.expression(), vars)) {
			services.evaluated(rule, slotIndex, EngineListener.Evaluation.CONTEXT_FALSE);
			return null;
		}
		services.evaluated(rule, slotIndex, EngineListener.Evaluation.MATCHED);
		return vars;
	}

	/** Counts a match of {@code rule} (the dump's usage) and tells the listener, with the desc expanded. */
	void countMatch(Rule rule, Map<String, String> vars) {
		state.matchCounts.computeIfAbsent(rule, r -> new long[1])[0]++;
		if (services.listening()) {
			EngineListener listener = services.listener();
			if (!listener.hearsMatchDetails()) {
				listener.ruleMatched(services.ruleRef(rule), vars);
				return;
			}
			String desc = vars.isEmpty() || rule.desc() == null ? rule.desc() : text(vars, rule.desc());
			listener.ruleMatched(services.ruleRef(rule), vars, desc);
		}
	}

	boolean holds(ContextExpression e) {
		return contexts.evaluate(e);
	}

	/** Whether {@code e} holds with the match's $N. */
	boolean holds(ContextExpression e, Map<String, String> vars) {
		return contexts.holds(e, vars);
	}

	/** The rule's desc with the match's $N. */
	String desc(Rule rule, Map<String, String> vars) {
		return vars.isEmpty() ? rule.desc() : text(vars, rule.desc());
	}

	/** A text with the match's $N and $+{name}. */
	String text(Map<String, String> vars, String text) {
		return Substitution.string(vars, text, '$', state.matchCache);
	}

	/** The rule's action list {@code field} with the match's $N. */
	List<Action> actions(Rule rule, ActionField field, Map<String, String> vars) {
		List<Action> list = rule.actions(field);
		if (vars.isEmpty() || list.isEmpty() || !rule.actionsHaveMatchVariables(field)) {
			return list; // sec's ActVolat: lists without $ variables are used as they are
		}
		return Substitution.actionList(vars, list, '$', state.matchCache);
	}

	/** An action list with the match's $N put in, whether or not it names any. */
	List<Action> substitute(Map<String, String> vars, List<Action> list) {
		return Substitution.actionList(vars, list, '$', state.matchCache);
	}
}

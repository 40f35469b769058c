package org.sec.engine.api;

import java.util.Map;

/**
 * What the engine does, as it does it: the simulator's trace, breakpoints and views are
 * built on these calls. They come on the engine's thread, in the order things happen;
 * a listener must not call back into the engine. All methods do nothing by default.
 */
public interface EngineListener {

	EngineListener NONE = new EngineListener() {
	};

	/** An input line or a synthetic event enters rule processing; {@code source} is null for synthetic events. */
	default void lineConsumed(String line, String source) {
	}

	/** How a rule's pattern and context came out for the current event. */
	enum Evaluation {
		/** A [pre-evaluated] context was false, so the pattern was not tried. */
		CONTEXT_FALSE_BEFORE_PATTERN,
		/** The pattern did not match. */
		NO_MATCH,
		/** The pattern matched but the context expression was false. */
		CONTEXT_FALSE,
		/** Pattern and context held: the rule matched (see {@link #ruleMatched}). */
		MATCHED
	}

	/**
	 * A rule was evaluated for the current event; {@code slot} is the pattern number (0
	 * for the first pattern; EventGroup and Pair rules have more).
	 */
	default void ruleEvaluated(RuleRef rule, int slot, Evaluation result) {
	}

	/**
	 * Whether {@link #ruleEvaluated} is wanted now, for every rule tried as sec tries them.
	 * When not, the engine neither calls it nor tries the rules its literal index finds
	 * cannot match the event.
	 */
	default boolean hearsEvaluations() {
		return true;
	}

	/** An existing operation took the event (a count toward its threshold, or its second pattern). */
	default void operationUpdated(String key, RuleRef rule) {
	}

	/** A rule matched: its pattern (and context) held. {@code variables} are the match variables. */
	default void ruleMatched(RuleRef rule, Map<String, String> variables) {
	}

	/**
	 * Like {@link #ruleMatched(RuleRef, Map)}, with the rule's desc as this match made it
	 * ($1, $2 ... substituted), for what users read ("stopped at ... successful login of
	 * alice from 10.0.0.1").
	 */
	default void ruleMatched(RuleRef rule, Map<String, String> variables, String desc) {
		ruleMatched(rule, variables);
	}

	/**
	 * Whether {@link #ruleMatched(RuleRef, Map, String)} is wanted now, with the desc made
	 * for each match. When not, the engine calls {@link #ruleMatched(RuleRef, Map)} and
	 * spares the substitution (a replay that only counts hits).
	 */
	default boolean hearsMatchDetails() {
		return true;
	}

	/** A correlation operation was created. */
	default void operationStarted(String key, RuleRef rule) {
	}

	/** An operation ended: its window closed, it was reset, or its rule completed it. */
	default void operationFinished(String key, RuleRef rule) {
	}

	/** A context was created (or re-created) with a lifetime in seconds, 0 = infinite. */
	default void contextCreated(String name, long lifetime) {
	}

	/** A context was deleted by an action. */
	default void contextDeleted(String name) {
	}

	/** A context's lifetime ran out. */
	default void contextExpired(String name) {
	}

	/**
	 * An action is executed; {@code text} is the action after match-variable substitution.
	 * {@code suppressed} is true when the side-effect policy kept it from running.
	 */
	default void actionExecuted(String text, boolean suppressed) {
	}

	/** Identifies a rule: its file, its number in that file (from 0, as sec counts) and its line. */
	record RuleRef(String file, int number, int line, String type, String desc) {
	}
}

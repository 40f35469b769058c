package org.sec.engine.rules;

import java.util.List;
import java.util.Map;

import org.sec.engine.action.Action;
import org.sec.engine.context.ContextExpressionParser;

/**
 * One pattern of a rule with what belongs to it: Single has one, Pair two, EventGroupN N.
 * {@code count}, {@code threshold} and {@code egToken} are used by EventGroup only.
 */
public final class PatternSlot {

	ContinueSpec whatNext = ContinueSpec.DONT_CONT;
	/** Resolved target: next rule index, n (end of file) or -1 (EndMatch). */
	int gotoRule = -1;
	PatternSpec pattern;
	Map<String, Integer> varmap = Map.of();
	ContextExpressionParser.FieldValue context;
	List<Action> count = List.of();
	long threshold = 1;
	String egToken;

	public ContinueSpec whatNext() {
		return whatNext;
	}

	public int gotoRule() {
		return gotoRule;
	}

	public PatternSpec pattern() {
		return pattern;
	}

	/** Variable name to match group number (absent value = whole match group 0). */
	public Map<String, Integer> varmap() {
		return varmap;
	}

	/** The context expression, or {@code null}. */
	public ContextExpressionParser.FieldValue context() {
		return context;
	}

	public List<Action> count() {
		return count;
	}

	public long threshold() {
		return threshold;
	}

	public String egToken() {
		return egToken;
	}
}

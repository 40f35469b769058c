package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextToken;

/**
 * tval_context_expr (L7204): a parsed context expression is true or false now, with
 * sec's evaluation order for "A || B &amp;&amp; C" (inventory section 5.1). Names are looked up
 * in the {@link ContextStore}, so a stale context expires when an expression names it.
 */
final class ContextEvaluator {

	private final EngineState state;
	private final EngineServices services;
	private final ContextStore contexts;

	ContextEvaluator(EngineState state, EngineServices services, ContextStore contexts) {
		this.state = state;
		this.services = services;
		this.contexts = contexts;
	}

	/**
	 * Whether {@code e} holds now, with {@code $N} and {@code $+{name}} taken from
	 * {@code vars} (a rule's context after its pattern, a breakpoint condition). sec's
	 * subst_context (L8115) substitutes the whole expression first; here each operand is
	 * substituted as it is read, which gives the same names, since nothing an evaluation
	 * does changes the match variables or the match cache, and spares a copy per match.
	 */
	public boolean holds(ContextExpression e, Map<String, String> vars) {
		List<ContextToken> tokens = e.tokens();
		return evaluate(tokens, 0, tokens.size(), vars.isEmpty() || !e.mentions('$') ? null : vars);
	}

	boolean evaluate(ContextExpression e) {
		List<ContextToken> tokens = e.tokens();
		return evaluate(tokens, 0, tokens.size(), null);
	}

	private static final int UNSET = -1;
	private static final int FALSE = 0;
	private static final int TRUE = 1;

	/**
	 * The postfix tokens from {@code from} to {@code to}: the first operand is the left
	 * value, the tokens after it up to the next AND or OR are its right side (evaluated only
	 * when the left value does not decide), as tval_context_expr does with its lists.
	 */
	private boolean evaluate(List<ContextToken> tokens, int from, int to, Map<String, String> vars) {
		int left = UNSET;
		int rightStart = -1;
		for (int i = from; i < to; i++) {
			ContextToken t = tokens.get(i);
			switch (t.kind()) {
			case OPERAND, EXPRESSION, VARSET, ECODE, CCODE, CCODE2 -> {
				if (left != UNSET) {
					if (rightStart < 0) {
						rightStart = i;
					}
				} else {
					left = operandValue(t, vars) ? TRUE : FALSE;
				}
			}
			case NEGATION -> {
				if (rightStart < 0) {
					left = left == TRUE ? FALSE : TRUE;
				}
			}
			case AND -> {
				left = left == TRUE && rightStart >= 0 && evaluate(tokens, rightStart, i, vars) ? TRUE : FALSE;
				rightStart = -1;
			}
			case OR -> {
				left = left == TRUE || rightStart >= 0 && evaluate(tokens, rightStart, i, vars) ? TRUE : FALSE;
				rightStart = -1;
			}
			}
		}
		return left == TRUE;
	}

	private boolean operandValue(ContextToken t, Map<String, String> vars) {
		return switch (t.kind()) {
		case OPERAND -> contexts.valid(substituted(t.text(), vars));
		case EXPRESSION -> evaluate(t.nested().tokens(), 0, t.nested().tokens().size(), vars);
		case VARSET -> state.matchCache.containsKey(substituted(t.text(), vars));
		case CCODE -> services.perl.contextCall(t.text(), substituted(t.params(), vars));
		case CCODE2 -> services.perl.contextCallWithCache(t.text(), substituted(t.params(), vars), state.matchCache);
		case ECODE -> services.perl.contextEval(substituted(t.text(), vars));
		default -> throw new IllegalStateException("operator " + t.kind() + " as operand");
		};
	}

	private String substituted(String text, Map<String, String> vars) {
		return vars == null ? text : Substitution.string(vars, text, '$', state.matchCache);
	}

	private List<String> substituted(List<String> params, Map<String, String> vars) {
		if (vars == null) {
			return params;
		}
		List<String> result = null;
		for (int i = 0; i < params.size(); i++) {
			String p = params.get(i);
			String s = substituted(p, vars);
			if (s != p && result == null) {
				result = new ArrayList<>(params.subList(0, i));
			}
			if (result != null) {
				result.add(s);
			}
		}
		return result == null ? params : result;
	}
}

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
	 * {@code vars} first (a breakpoint condition; rules use {@link #evaluate(ContextExpression)} directly).
	 */
	public boolean holds(ContextExpression e, Map<String, String> vars) {
		return evaluate(vars.isEmpty() ? e : Substitution.context(vars, e, '$', state.matchCache));
	}

	boolean evaluate(ContextExpression e) {
		return evaluate(e.tokens());
	}

	private boolean evaluate(List<ContextToken> tokens) {
		Boolean left = null;
		List<ContextToken> right = new ArrayList<>();
		for (ContextToken t : tokens) {
			switch (t.kind()) {
			case OPERAND, EXPRESSION, VARSET, ECODE, CCODE, CCODE2 -> {
				if (left != null) {
					right.add(t);
				} else {
					left = operandValue(t);
				}
			}
			case NEGATION -> {
				if (!right.isEmpty()) {
					right.add(t);
				} else {
					left = left == null || !left;
				}
			}
			case AND -> {
				left = Boolean.TRUE.equals(left) && evaluate(right);
				right = new ArrayList<>();
			}
			case OR -> {
				left = Boolean.TRUE.equals(left) || evaluate(right);
				right = new ArrayList<>();
			}
			}
		}
		return Boolean.TRUE.equals(left);
	}

	private boolean operandValue(ContextToken t) {
		return switch (t.kind()) {
		case OPERAND -> contexts.valid(t.text());
		case EXPRESSION -> evaluate(t.nested());
		case VARSET -> state.matchCache.containsKey(t.text());
		case CCODE -> services.perl.contextCall(t.text(), t.params());
		case CCODE2 -> services.perl.contextCallWithCache(t.text(), t.params(), state.matchCache);
		case ECODE -> services.perl.contextEval(t.text());
		default -> throw new IllegalStateException("operator " + t.kind() + " as operand");
		};
	}
}

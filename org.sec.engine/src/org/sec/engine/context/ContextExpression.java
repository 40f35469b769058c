package org.sec.engine.context;

import java.util.List;

/** A parsed context expression: sec's postfix token list (see inventory §5.1 for how sec evaluates it). */
public final class ContextExpression {

	private final List<ContextToken> tokens;

	/** An expression from tokens in sec's postfix order (used for substituted copies). */
	public static ContextExpression of(List<ContextToken> tokens) {
		return new ContextExpression(tokens);
	}

	ContextExpression(List<ContextToken> tokens) {
		this.tokens = List.copyOf(tokens);
	}

	public List<ContextToken> tokens() {
		return tokens;
	}

	/** True when any operand, nested ones included, needs Perl. */
	public boolean needsPerl() {
		for (ContextToken t : tokens) {
			if (t.needsPerl() || (t.nested() != null && t.nested().needsPerl())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return tokens.toString();
	}
}

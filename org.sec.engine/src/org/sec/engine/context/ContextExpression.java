package org.sec.engine.context;

import java.util.List;

/** A parsed context expression: sec's postfix token list (see inventory §5.1 for how sec evaluates it). */
public final class ContextExpression {

	private final List<ContextToken> tokens;
	/** Whether a '$' / a '%' occurs in a token's text or parameters: 0 unknown, 1 no, 2 yes. */
	private byte dollar;
	private byte percent;

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

	/**
	 * Whether {@code c} occurs in any token's text or parameters, nested ones included: an
	 * expression without the variable mark is the same after substitution (asked per match).
	 */
	public boolean mentions(char c) {
		if (c == '$' || c == '%') {
			byte known = c == '$' ? dollar : percent;
			if (known == 0) {
				known = (byte) (scan(c) ? 2 : 1); // benign race: every thread computes the same
				if (c == '$') {
					dollar = known;
				} else {
					percent = known;
				}
			}
			return known == 2;
		}
		return scan(c);
	}

	private boolean scan(char c) {
		for (ContextToken t : tokens) {
			if (t.text() != null && t.text().indexOf(c) >= 0 || t.nested() != null && t.nested().mentions(c)) {
				return true;
			}
			for (String p : t.params()) {
				if (p.indexOf(c) >= 0) {
					return true;
				}
			}
		}
		return false;
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

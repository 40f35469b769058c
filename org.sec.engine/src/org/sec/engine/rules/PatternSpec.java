package org.sec.engine.rules;

import org.sec.engine.pattern.PerlRegex;

/**
 * A rule's pattern after analyze_pattern (L690): its type, whether negated, how many
 * input lines it spans, and its compiled form. {@code deferred} marks a Pair pattern2
 * with match variables, which sec compiles per operation.
 */
public record PatternSpec(Type type, boolean negated, int lines, String text, PerlRegex.Compiled regex,
		boolean deferred, boolean truth) {

	public enum Type {
		SUBSTR, REGEXP, PERLFUNC, CACHED, TVALUE
	}

	/** PerlFunc patterns run Perl code. */
	public boolean needsPerl() {
		return type == Type.PERLFUNC;
	}

	/** True when a match yields match variables (RegExp, PerlFunc, Cached), so $N is substituted. */
	public boolean producesVariables() {
		return !negated && (type == Type.REGEXP || type == Type.PERLFUNC || type == Type.CACHED);
	}
}

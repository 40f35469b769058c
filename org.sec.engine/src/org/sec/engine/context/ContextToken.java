package org.sec.engine.context;

import java.util.List;

/**
 * One element of a context expression in sec's postfix form (analyze_context_expr L1846).
 * Operators carry nothing; operands carry their text, a nested expression or Perl code.
 */
public record ContextToken(Kind kind, String text, ContextExpression nested, List<String> params) {

	public enum Kind {
		/** A context name (may hold match variables). */
		OPERAND,
		/** A parenthesised subexpression, in {@link ContextToken#nested()}. */
		EXPRESSION,
		/** {@code =code}: Perl code evaluated at every check. Needs Perl. */
		ECODE,
		/** {@code params -> code}: Perl code reference. Needs Perl. */
		CCODE,
		/** {@code params :> code}: Perl code reference with cache entries. Needs Perl. */
		CCODE2,
		/** {@code varset name}: the pattern match cache entry exists. */
		VARSET,
		NEGATION, AND, OR
	}

	static ContextToken operator(Kind kind) {
		return new ContextToken(kind, null, null, List.of());
	}

	/** True for tokens that need an embedded Perl interpreter at run time. */
	public boolean needsPerl() {
		return kind == Kind.ECODE || kind == Kind.CCODE || kind == Kind.CCODE2;
	}
}

package org.sec.engine.syntax;

import java.util.List;

/**
 * sec's replace_subexpr (L560-647): every top-level parenthesised part of an action list
 * or context expression is cut out into a list and replaced by {@link #SYMBOL}. A
 * parenthesis preceded by a backslash does not count.
 */
public final class SubExpressions {

	/** sec's EXPRSYMBOL (L354). */
	public static final String SYMBOL = "\0";

	private SubExpressions() {
	}

	/**
	 * Returns the expression with its top-level subexpressions replaced by {@link #SYMBOL}
	 * and adds their contents to {@code out} in order; {@code null} when the parentheses
	 * are unbalanced.
	 */
	public static String replace(String expression, List<String> out) {
		out.clear();
		StringBuilder e = new StringBuilder(expression);
		int depth = 0;
		int start = -1;
		char prev = 0;
		boolean hasPrev = false;
		int i = 0;
		while (i < e.length()) {
			char c = e.charAt(i);
			boolean current = true;
			if (!(hasPrev && prev == '\\')) {
				if (c == '(') {
					depth++;
				} else if (c == ')') {
					depth--;
				}
			}
			if (depth == 1 && start < 0) {
				start = i;
			} else if (depth == 0 && start >= 0) {
				out.add(e.substring(start + 1, i));
				e.replace(start, i + 1, SYMBOL);
				i = start;
				start = -1;
				current = false; // sec sets $char to "" here
			} else if (depth < 0) {
				return null;
			}
			if (current) {
				prev = c;
				hasPrev = true;
			} else {
				hasPrev = false;
			}
			i++;
		}
		return depth == 0 ? e.toString() : null;
	}
}

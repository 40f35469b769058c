package org.sec.engine.pattern;

/**
 * Finds the literals that every match of a Perl regex must contain, so that most
 * non-matching lines are rejected with a substring search instead of the regex engine
 * (Perl does the same with its "floating substring" optimisation). Conservative: any
 * construct it does not understand ends the current literal run, and patterns with
 * top-level alternation, inline modifiers or \Q are left alone.
 */
final class RequiredLiteral {

	private static final String META = "\\^$.|?*+()[]{}";
	private static final String[] NONE = new String[0];

	private RequiredLiteral() {
	}

	/** The required literals of 3 or more characters, longest first; empty when none is known. */
	static String[] of(String perl) {
		if (perl.contains("(?") && !onlyHarmlessGroups(perl) || perl.contains("\\Q")) {
			return NONE;
		}
		java.util.List<String> best = new java.util.ArrayList<>();
		StringBuilder run = new StringBuilder();
		int depth = 0;
		int i = 0;
		while (i < perl.length()) {
			char c = perl.charAt(i);
			if (c == '\\' && i + 1 < perl.length()) {
				char n = perl.charAt(i + 1);
				boolean literal = !Character.isLetterOrDigit(n);
				if (depth == 0 && literal) {
					i += 2;
					if (quantified(perl, i)) {
						best = longer(best, run);
						run.setLength(0);
					} else {
						run.append(n);
					}
					continue;
				}
				best = longer(best, run);
				run.setLength(0);
				i += 2;
				continue;
			}
			if (c == '[') {
				best = longer(best, run);
				run.setLength(0);
				i = skipClass(perl, i);
				continue;
			}
			if (c == '(') {
				depth++;
			} else if (c == ')') {
				depth--;
			} else if (c == '|' && depth == 0) {
				return NONE; // top-level alternation: no single literal is required
			}
			if (depth > 0 || META.indexOf(c) >= 0) {
				best = longer(best, run);
				run.setLength(0);
				if (c == '?' || c == '*' || c == '{') {
					// the quantifier applied to the run's last character: it was not required
				}
				i++;
				continue;
			}
			i++;
			if (quantified(perl, i)) {
				best = longer(best, run);
				run.setLength(0);
			} else {
				run.append(c);
			}
		}
		best = longer(best, run);
		best.sort(java.util.Comparator.comparingInt(String::length).reversed());
		return best.toArray(NONE);
	}

	/** (?:...) groups are fine; (?i), (?x) and the like change how literals match. */
	private static boolean onlyHarmlessGroups(String perl) {
		int i = perl.indexOf("(?");
		while (i >= 0) {
			if (i + 2 >= perl.length() || perl.charAt(i + 2) != ':' || (i > 0 && perl.charAt(i - 1) == '\\')) {
				if (!(i > 0 && perl.charAt(i - 1) == '\\')) {
					return false;
				}
			}
			i = perl.indexOf("(?", i + 2);
		}
		return true;
	}

	/** True when the character before {@code i} is made optional or repeatable by a quantifier at {@code i}. */
	private static boolean quantified(String perl, int i) {
		if (i >= perl.length()) {
			return false;
		}
		char q = perl.charAt(i);
		return q == '?' || q == '*' || q == '+' || q == '{';
	}

	private static int skipClass(String perl, int i) {
		int j = i + 1;
		if (j < perl.length() && perl.charAt(j) == '^') {
			j++;
		}
		if (j < perl.length() && perl.charAt(j) == ']') {
			j++;
		}
		while (j < perl.length() && perl.charAt(j) != ']') {
			if (perl.charAt(j) == '\\') {
				j++;
			} else if (perl.charAt(j) == '[' && j + 1 < perl.length() && perl.charAt(j + 1) == ':') {
				int end = perl.indexOf(":]", j + 2);
				if (end > 0) {
					j = end + 1;
				}
			}
			j++;
		}
		return j + 1;
	}

	/** Keeps the finished run if it is long enough to be worth a substring search. */
	private static java.util.List<String> longer(java.util.List<String> best, StringBuilder run) {
		if (run.length() >= 3) {
			best.add(run.toString());
		}
		return best;
	}
}

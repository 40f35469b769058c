package org.sec.engine.pattern;

/**
 * Finds the literals that every match of a Perl regex must contain, so that most
 * non-matching lines are rejected with a substring search instead of the regex engine
 * (Perl does the same with its "floating substring" optimisation). Conservative: any
 * construct it does not understand ends the current literal run, and patterns with
 * top-level alternation, inline modifiers or \Q are left alone. A group that matches exactly
 * once (no quantifier after it, no alternation of its own) does not end a run: the
 * "from 203.0.113." of {@code from (203\.0\.113\.\d+)} is required, not only "from ".
 */
final class RequiredLiteral {

	private static final String META = "\\^$.|?*+()[]{}";
	private static final String[] NONE = new String[0];

	private RequiredLiteral() {
	}

	/**
	 * The required literals of 3 or more characters, longest first, or else the longest
	 * shorter one (the "P" of {@code ^(.*?,){30}P}, which spares the backtracking on lines
	 * without a P, as Perl's floating substring check does); empty when none is known.
	 */
	static String[] of(String perl) {
		return new RequiredLiteral().scan(perl);
	}

	/** The longest run shorter than 3 seen so far. */
	private String shortest;

	private String[] scan(String perl) {
		if (perl.contains("(?") && !onlyHarmlessGroups(perl) || perl.contains("\\Q")) {
			return NONE;
		}
		java.util.List<String> best = new java.util.ArrayList<>();
		StringBuilder run = new StringBuilder();
		java.util.BitSet onceGroups = groupsMatchedOnce(perl);
		int depth = 0;
		int i = 0;
		while (i < perl.length()) {
			char c = perl.charAt(i);
			if (depth == 0 && onceGroups.get(i)) {
				i += c == '(' && i + 1 < perl.length() && perl.charAt(i + 1) == '?' ? 3 : 1; // "(", "(?:" or ")"
				continue;
			}
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
				i = escapeEnd(perl, i);
				continue;
			}
			if (c == '[') {
				best = longer(best, run);
				run.setLength(0);
				i = PerlRegex.classEnd(perl, i);
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
				i = c == '{' ? braceEnd(perl, i) : i + 1;
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
		if (best.isEmpty() && shortest != null) {
			return new String[] { shortest };
		}
		return best.toArray(NONE);
	}

	/**
	 * The positions of the parentheses of the groups that match exactly once wherever the
	 * pattern matches: ( or (?: whose ) has no quantifier after it and whose own level has no |.
	 */
	private static java.util.BitSet groupsMatchedOnce(String perl) {
		java.util.BitSet once = new java.util.BitSet();
		java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>(); // {position, has |, plain group}
		int i = 0;
		while (i < perl.length()) {
			char c = perl.charAt(i);
			if (c == '\\') {
				i += 2;
				continue;
			}
			if (c == '[') {
				i = PerlRegex.classEnd(perl, i);
				continue;
			}
			if (c == '(') {
				boolean plain = i + 1 >= perl.length() || perl.charAt(i + 1) != '?' || perl.startsWith("?:", i + 1);
				open.push(new int[] { i, 0, plain ? 1 : 0 });
			} else if (c == '|' && !open.isEmpty()) {
				open.peek()[1] = 1;
			} else if (c == ')' && !open.isEmpty()) {
				int[] group = open.pop();
				if (group[2] == 1 && group[1] == 0 && !quantified(perl, i + 1)) {
					once.set(group[0]);
					once.set(i);
				}
			}
			i++;
		}
		return once;
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

	/**
	 * After a letter or digit escape at {@code i} with its arguments: \g{-1}, \g-2, \12,
	 * \x41, \x{263A}, \cX, \N{...}, \p{L} (none of their characters is a literal).
	 */
	private static int escapeEnd(String perl, int i) {
		char n = perl.charAt(i + 1);
		int j = i + 2;
		if (j < perl.length() && perl.charAt(j) == '{' && "gkxopPNbB".indexOf(n) >= 0) {
			int close = perl.indexOf('}', j);
			return close < 0 ? perl.length() : close + 1;
		}
		if (n == 'c') {
			return Math.min(perl.length(), j + 1);
		}
		if (n == 'g' && j < perl.length() && perl.charAt(j) == '-') {
			j++;
		}
		if (n == 'g' || Character.isDigit(n)) {
			while (j < perl.length() && Character.isDigit(perl.charAt(j))) {
				j++;
			}
		} else if (n == 'x') {
			for (int k = 0; k < 2 && j < perl.length() && Character.digit(perl.charAt(j), 16) >= 0; k++) {
				j++;
			}
		}
		return j;
	}

	/** After a {n,m} quantifier at {@code i} (its digits are no literal), or after the '{' alone. */
	private static int braceEnd(String perl, int i) {
		int j = i + 1;
		while (j < perl.length() && (Character.isDigit(perl.charAt(j)) || perl.charAt(j) == ',')) {
			j++;
		}
		return j < perl.length() && perl.charAt(j) == '}' ? j + 1 : i + 1;
	}

	/** True when the character before {@code i} is made optional or repeatable by a quantifier at {@code i}. */
	private static boolean quantified(String perl, int i) {
		if (i >= perl.length()) {
			return false;
		}
		char q = perl.charAt(i);
		return q == '?' || q == '*' || q == '+' || q == '{';
	}

	/** Keeps the finished run if it is long enough to be worth a substring search. */
	private java.util.List<String> longer(java.util.List<String> best, StringBuilder run) {
		if (run.length() >= 3) {
			best.add(run.toString());
		} else if (run.length() > 0 && (shortest == null || run.length() > shortest.length())) {
			shortest = run.toString();
		}
		return best;
	}
}

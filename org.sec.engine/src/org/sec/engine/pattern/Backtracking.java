package org.sec.engine.pattern;

/**
 * Spots the shape of pattern that java.util.regex can take exponential time on while
 * Perl, with its super-linear cache, does not: a repeated group around an unbounded
 * {@code .*} or {@code .+}, or around a single repeated atom ({@code (.*a){20}},
 * {@code ^(.*?,){30}P}, {@code (a+)+}). A heuristic for a warning, not a verdict: the
 * engine's time budget ({@link MatchBudget}) is what keeps jsec responsive.
 */
public final class Backtracking {

	/** A group's content that is one atom repeated without bound: "a+", "\\w*", "[a-z]+", "?:x+". */
	private static final java.util.regex.Pattern SINGLE_REPEATED_ATOM = java.util.regex.Pattern
			.compile("(?:\\?:)?(?:\\\\.|\\[[^\\]]*\\]|[^\\\\()\\[|])[*+][?+]?");

	private Backtracking() {
	}

	/** The first nested repetition in a Perl pattern, as written ("(.*a){20}"), or null. */
	public static String nestedRepetition(String perl) {
		java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>(); // {start, holds .* or .+}
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
				open.push(new int[] { i, 0 });
				i++;
				continue;
			}
			if (c == ')') {
				int[] group = open.poll();
				int end = quantifierEnd(perl, i + 1, true);
				boolean risky = group != null
						&& (group[1] == 1 || SINGLE_REPEATED_ATOM.matcher(perl.substring(group[0] + 1, i)).matches());
				if (end > i + 1 && risky) {
					return perl.substring(group[0], end);
				}
				i = Math.max(i + 1, end);
				continue;
			}
			if ((c == '*' || c == '+') && !open.isEmpty()) {
				int[] group = open.peek();
				if (i > 0 && perl.charAt(i - 1) == '.' && (i < 2 || perl.charAt(i - 2) != '\\')) {
					group[1] = 1; // .* or .+ inside the group
				}
			}
			if (c != '*' && c != '+' && c != '?' && c != '|' && c != '{') {
			}
			i++;
		}
		return null;
	}

	/** After a quantifier at {@code i} that repeats more than once, or {@code i} when there is none. */
	private static int quantifierEnd(String perl, int i, boolean repeatsOnly) {
		if (i >= perl.length()) {
			return i;
		}
		char q = perl.charAt(i);
		if (q == '*' || q == '+') {
			return i + 1 < perl.length() && (perl.charAt(i + 1) == '?' || perl.charAt(i + 1) == '+') ? i + 2 : i + 1;
		}
		if (q == '{') {
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d*)(,?)(\\d*)\\}\\??")
					.matcher(perl).region(i, perl.length());
			if (m.lookingAt()) {
				long min = m.group(1).isEmpty() ? 0 : Long.parseLong(m.group(1).substring(0, Math.min(9, m.group(1).length())));
				boolean unbounded = !m.group(2).isEmpty() && m.group(3).isEmpty();
				long max = unbounded ? Long.MAX_VALUE : m.group(3).isEmpty() ? min
						: Long.parseLong(m.group(3).substring(0, Math.min(9, m.group(3).length())));
				return !repeatsOnly || max > 1 ? m.end() : i;
			}
		}
		return i;
	}

}

package org.sec.engine.syntax;

import java.util.regex.Pattern;

/** Recognises sec's match variables ($1, ${1}, $+{name}, $$, $:{entry:var}) as subst_string (L8041) does. */
public final class MatchVariables {

	private MatchVariables() {
	}

	private static final String[] GROUP_NAMES = new String[100];
	static {
		for (int i = 0; i < GROUP_NAMES.length; i++) {
			GROUP_NAMES[i] = Integer.toString(i);
		}
	}

	/** The key of $n in a match's variables ("0", "1", ...), without a new string for the usual numbers. */
	public static String groupName(int n) {
		return n >= 0 && n < GROUP_NAMES.length ? GROUP_NAMES[n] : Integer.toString(n);
	}

	private static Pattern variables(char token) {
		String t = Pattern.quote(String.valueOf(token));
		return Pattern.compile(t + "(?:" + t + "|[0-9]+|\\{[0-9]+\\}|\\+\\{(?:[A-Za-z_][\\w!]*|[0-9]+)\\}"
				+ "|:\\{[A-Za-z]\\w*:(?:[A-Za-z_][\\w!]*|[0-9]+)\\})");
	}

	private static final Pattern DOLLAR = variables('$');
	private static final Pattern PERCENT = variables('%');

	/**
	 * The parts of {@code s} between its match variables: whatever values the variables get,
	 * each part stays in the substituted text as it is.
	 */
	public static String[] fixedParts(String s, char token) {
		Pattern p = token == '$' ? DOLLAR : token == '%' ? PERCENT : variables(token);
		return p.split(s, -1);
	}

	/** contains_matchvars: true when substituting with no values would change the string. */
	public static boolean contains(String s, char token) {
		if (s.indexOf(token) < 0) {
			return false;
		}
		Pattern p = token == '$' ? DOLLAR : token == '%' ? PERCENT : variables(token);
		var m = p.matcher(s);
		while (m.find()) {
			// "$:{...}" is a variable only when the string contains "$:{"; it always does when matched
			return true;
		}
		return false;
	}
}

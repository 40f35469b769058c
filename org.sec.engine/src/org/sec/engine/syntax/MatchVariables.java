package org.sec.engine.syntax;

import java.util.regex.Pattern;

/** Recognises sec's match variables ($1, ${1}, $+{name}, $$, $:{entry:var}) as subst_string (L8041) does. */
public final class MatchVariables {

	private MatchVariables() {
	}

	private static Pattern variables(char token) {
		String t = Pattern.quote(String.valueOf(token));
		return Pattern.compile(t + "(?:" + t + "|[0-9]+|\\{[0-9]+\\}|\\+\\{(?:[A-Za-z_][\\w!]*|[0-9]+)\\}"
				+ "|:\\{[A-Za-z]\\w*:(?:[A-Za-z_][\\w!]*|[0-9]+)\\})");
	}

	private static final Pattern DOLLAR = variables('$');
	private static final Pattern PERCENT = variables('%');

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

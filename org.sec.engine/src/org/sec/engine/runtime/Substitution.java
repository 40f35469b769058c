package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.Action;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextToken;

/**
 * Match variable substitution: subst_string (L8041), subst_actionlist (L8311),
 * subst_context (L8115) and the value escapes sec applies before them. Values may be
 * {@code null} (Perl undef), which substitutes as "".
 */
final class Substitution {

	private static final Pattern DOLLAR = variables('$', false);
	private static final Pattern DOLLAR_CACHE = variables('$', true);
	private static final Pattern PERCENT = variables('%', false);
	private static final Pattern PERCENT_CACHE = variables('%', true);

	private Substitution() {
	}

	private static Pattern variables(char token, boolean cache) {
		String t = Pattern.quote(String.valueOf(token));
		return Pattern.compile(t + "(?:(" + t + ")|([0-9]+)|\\{([0-9]+)\\}|\\+\\{([A-Za-z_][\\w!]*|[0-9]+)\\}"
				+ (cache ? "|:\\{([A-Za-z]\\w*):([A-Za-z_][\\w!]*|[0-9]+)\\}" : "") + ")");
	}

	/** subst_string for one string. */
	static String string(Map<String, String> vars, String s, char token, Map<String, Map<String, String>> cache) {
		if (s == null || s.indexOf(token) < 0) {
			return s;
		}
		boolean withCache = s.contains(token + ":{");
		Pattern p = token == '$' ? (withCache ? DOLLAR_CACHE : DOLLAR) : (withCache ? PERCENT_CACHE : PERCENT);
		Matcher m = p.matcher(s);
		StringBuilder out = null;
		int last = 0;
		while (m.find()) {
			if (out == null) {
				out = new StringBuilder(s.length() + 16);
			}
			out.append(s, last, m.start());
			String value;
			if (m.group(1) != null) {
				value = String.valueOf(token);
			} else if (withCache && m.group(5) != null) {
				Map<String, String> entry = cache.get(m.group(5));
				value = entry == null ? null : entry.get(m.group(6));
			} else {
				String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
				value = vars.get(name);
			}
			out.append(value == null ? "" : value);
			last = m.end();
		}
		if (out == null) {
			return s;
		}
		out.append(s, last, s.length());
		return out.toString();
	}

	/** A copy of the values with {@code f} applied to each defined value. */
	static Map<String, String> mapValues(Map<String, String> vars, UnaryOperator<String> f) {
		Map<String, String> result = new LinkedHashMap<>();
		vars.forEach((k, v) -> result.put(k, v == null ? null : f.apply(v)));
		return result;
	}

	static String escapePercent(String v) {
		return v.indexOf('%') < 0 ? v : v.replace("%", "%%");
	}

	static String doubleDollar(String v) {
		return v.indexOf('$') < 0 ? v : v.replace("$", "$$");
	}

	/** Perl's quotemeta: every character except [A-Za-z0-9_] gets a backslash. */
	static String quotemeta(String v) {
		StringBuilder b = new StringBuilder(v.length() * 2);
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				b.append('\\');
			}
			b.append(c);
		}
		return b.toString();
	}

	/** subst_actionlist: a substituted copy; values are %-escaped so they never act as variables. */
	static List<Action> actionList(Map<String, String> vars, List<Action> list, char token,
			Map<String, Map<String, String>> cache) {
		Map<String, String> escaped = mapValues(vars, Substitution::escapePercent);
		List<Action> result = new ArrayList<>(list.size());
		for (Action a : list) {
			result.add(action(escaped, vars, a, token, cache));
		}
		return result;
	}

	private static Action action(Map<String, String> escaped, Map<String, String> original, Action a, char token,
			Map<String, Map<String, String>> cache) {
		List<String> args = new ArrayList<>(a.args());
		List<List<Action>> lists = a.lists();
		int[] substituted = switch (a.type()) {
		case NONE, BREAK, CONTINUE, FREE -> new int[0];
		case COPY, POP, SHIFT, EMPTY -> new int[] { 0 };
		case EXISTS, GETSIZE, GETALIASES, GETLTIME, GETCTIME, EVENT, ASSIGN, ASSIGNSQ, EVAL, VARSET -> new int[] { 1 };
		case RESET -> new int[] { 2 };
		case GETWPOS -> new int[] { 3 };
		case SETWPOS -> new int[] { 0, 3 };
		case CALL, LCALL -> new int[0];
		case IF, WHILE -> new int[0];
		case CMDEXEC, SPAWNEXEC -> all(args.size(), 0);
		case CSPAWNEXEC, PIPEEXEC, REPORTEXEC -> all(args.size(), 0);
		default -> all(args.size(), 0);
		};
		for (int i : substituted) {
			args.set(i, string(escaped, args.get(i), token, cache));
		}
		if (!lists.isEmpty()) {
			List<List<Action>> nested = new ArrayList<>();
			for (List<Action> list : lists) {
				nested.add(actionList(original, list, token, cache));
			}
			lists = nested;
		}
		return new Action(a.type(), args, lists);
	}

	private static int[] all(int n, int from) {
		int[] r = new int[Math.max(0, n - from)];
		for (int i = 0; i < r.length; i++) {
			r[i] = from + i;
		}
		return r;
	}

	/** subst_context: operands, varset names, Perl code text and -&gt;/:&gt; parameters. */
	static ContextExpression context(Map<String, String> vars, ContextExpression e, char token,
			Map<String, Map<String, String>> cache) {
		List<ContextToken> tokens = new ArrayList<>(e.tokens().size());
		for (ContextToken t : e.tokens()) {
			tokens.add(switch (t.kind()) {
			case OPERAND, VARSET, ECODE -> new ContextToken(t.kind(), string(vars, t.text(), token, cache), null, List.of());
			case EXPRESSION -> new ContextToken(t.kind(), null, context(vars, t.nested(), token, cache), List.of());
			case CCODE, CCODE2 -> new ContextToken(t.kind(), t.text(), null,
					t.params().stream().map(p -> string(vars, p, token, cache)).toList());
			default -> t;
			});
		}
		return ContextExpression.of(tokens);
	}
}

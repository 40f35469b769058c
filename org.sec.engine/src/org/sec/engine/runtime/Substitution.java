package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.sec.engine.action.Action;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextToken;

/**
 * Match variable substitution: subst_string (L8041), subst_actionlist (L8311),
 * subst_context (L8115) and the value escapes sec applies before them. Values may be
 * {@code null} (Perl undef), which substitutes as "".
 */
final class Substitution {


	private Substitution() {
	}

	/**
	 * subst_string for one string: token token, token N, token {N}, token +{name} and,
	 * when the string holds "token:{", token :{entry:name}. Scanned by hand: this runs
	 * for every match and a regex per call costs more than the rest of the match.
	 */
	static String string(Map<String, String> vars, String s, char token, Map<String, Map<String, String>> cache) {
		return string(vars, s, token, cache, false);
	}

	/**
	 * {@link #string(Map, String, char, Map)}, with every % in the match variables' values
	 * doubled as they go in when {@code escapePercent} (subst_actionlist's escaping, done
	 * only to the values used, not to every value of the match).
	 */
	private static String string(Map<String, String> vars, String s, char token, Map<String, Map<String, String>> cache,
			boolean escapePercent) {
		if (s == null) {
			return null;
		}
		int i = s.indexOf(token);
		if (i < 0) {
			return s;
		}
		boolean withCache = s.indexOf(token + ":{") >= 0;
		StringBuilder out = null;
		int last = 0;
		int n = s.length();
		while (i >= 0 && i + 1 < n) {
			char c = s.charAt(i + 1);
			int end = -1;
			String value = null;
			if (c == token) {
				end = i + 2;
				value = String.valueOf(token);
			} else if (c >= '0' && c <= '9') {
				end = i + 1;
				while (end < n && s.charAt(end) >= '0' && s.charAt(end) <= '9') {
					end++;
				}
				value = escaped(vars.get(s.substring(i + 1, end)), escapePercent);
			} else if (c == '{') {
				int j = i + 2;
				while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
					j++;
				}
				if (j > i + 2 && j < n && s.charAt(j) == '}') {
					end = j + 1;
					value = escaped(vars.get(s.substring(i + 2, j)), escapePercent);
				}
			} else if (c == '+' && i + 2 < n && s.charAt(i + 2) == '{') {
				int j = nameEnd(s, i + 3, true);
				if (j > i + 3 && j < n && s.charAt(j) == '}') {
					end = j + 1;
					value = escaped(vars.get(s.substring(i + 3, j)), escapePercent);
				}
			} else if (c == ':' && withCache && i + 2 < n && s.charAt(i + 2) == '{') {
				int j = nameEnd(s, i + 3, false);
				if (j > i + 3 && j < n && s.charAt(j) == ':') {
					int k = nameEnd(s, j + 1, true);
					if (k > j + 1 && k < n && s.charAt(k) == '}') {
						end = k + 1;
						Map<String, String> entry = cache.get(s.substring(i + 3, j));
						value = entry == null ? null : entry.get(s.substring(j + 1, k));
					}
				}
			}
			if (end < 0) {
				i = s.indexOf(token, i + 1);
				continue;
			}
			if (out == null) {
				out = new StringBuilder(n + 16);
			}
			out.append(s, last, i);
			if (value != null) {
				out.append(value);
			}
			last = end;
			i = s.indexOf(token, end);
		}
		if (out == null) {
			return s;
		}
		out.append(s, last, n);
		return out.toString();
	}

	/**
	 * End of a name at {@code from}: [[:alpha:]_][\w!]* (or digits) for variables,
	 * [[:alpha:]]\w* for cache entries.
	 */
	private static int nameEnd(String s, int from, boolean variable) {
		int n = s.length();
		if (from >= n) {
			return from;
		}
		char first = s.charAt(from);
		if (variable && first >= '0' && first <= '9') {
			int j = from;
			while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
				j++;
			}
			return j;
		}
		if (!(Character.isLetter(first) && first < 128) && !(variable && first == '_')) {
			return from;
		}
		int j = from + 1;
		while (j < n) {
			char c = s.charAt(j);
			boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
			if (!word && !(variable && c == '!')) {
				break;
			}
			j++;
		}
		return j;
	}

	/** A copy of the values with {@code f} applied to each defined value. */
	static Map<String, String> mapValues(Map<String, String> vars, UnaryOperator<String> f) {
		Map<String, String> result = new LinkedHashMap<>();
		vars.forEach((k, v) -> result.put(k, v == null ? null : f.apply(v)));
		return result;
	}

	private static String escaped(String value, boolean escapePercent) {
		return escapePercent && value != null ? escapePercent(value) : value;
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

	/**
	 * subst_actionlist: a substituted copy; values are %-escaped so they never act as
	 * variables. An action none of whose substituted arguments changes is kept as it is.
	 */
	static List<Action> actionList(Map<String, String> vars, List<Action> list, char token,
			Map<String, Map<String, String>> cache) {
		List<Action> result = new ArrayList<>(list.size());
		for (Action a : list) {
			result.add(action(vars, a, token, cache));
		}
		return result;
	}

	private static final int[] NO_ARGS = {};
	private static final int[] FIRST = { 0 };
	private static final int[] FIRST_TWO = { 0, 1 };
	private static final int[] SECOND = { 1 };
	private static final int[] THIRD = { 2 };
	private static final int[] FOURTH = { 3 };
	private static final int[] FIRST_AND_FOURTH = { 0, 3 };

	private static Action action(Map<String, String> vars, Action a, char token, Map<String, Map<String, String>> cache) {
		List<String> args = a.args();
		int[] substituted = switch (a.type()) {
		case NONE, BREAK, CONTINUE, FREE, IF, WHILE -> NO_ARGS;
		case COPY, POP, SHIFT, EMPTY -> FIRST;
		case TRIM -> FIRST_TWO; // subst_trim_action (2.9.4 L8393)
		case EXISTS, GETSIZE, GETALIASES, GETLTIME, GETCTIME, EVENT, ASSIGN, ASSIGNSQ, EVAL, VARSET -> SECOND;
		case RESET -> THIRD;
		case GETWPOS -> FOURTH;
		case SETWPOS -> FIRST_AND_FOURTH;
		case CALL -> all(args.size(), 2);
		case LCALL -> all(args.size(), 3);
		default -> all(args.size(), 0);
		};
		List<String> newArgs = null;
		for (int i : substituted) {
			if (i >= args.size()) {
				continue;
			}
			String arg = args.get(i);
			String value = string(vars, arg, token, cache, true);
			if (value != arg) {
				if (newArgs == null) {
					newArgs = new ArrayList<>(args);
				}
				newArgs.set(i, value);
			}
		}
		List<List<Action>> lists = a.lists();
		List<List<Action>> newLists = null;
		if (!lists.isEmpty()) {
			newLists = new ArrayList<>(lists.size());
			for (List<Action> list : lists) {
				newLists.add(actionList(vars, list, token, cache));
			}
		}
		if (newArgs == null && newLists == null) {
			return a;
		}
		return new Action(a.type(), newArgs == null ? args : newArgs, newLists == null ? lists : newLists);
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
		if (!e.mentions(token)) {
			return e; // nothing to substitute: the same expression (most context fields, per match)
		}
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

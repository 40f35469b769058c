package org.sec.engine.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.syntax.PerlText;
import org.sec.engine.syntax.SubExpressions;

/**
 * Port of sec 2.9.1's analyze_actionlist (L1765) and analyze_action (L937). Error
 * messages are sec's, without the "Rule in FILE at line N:" prefix that the caller adds.
 */
public final class ActionListParser {

	/** sec's FILEVENT_INT_CONTEXT_PREF, the default context of addinput. */
	public static final String FILE_EVENT_CONTEXT_PREFIX = "_FILE_EVENT_";

	private static final Pattern TRIM = Pattern.compile("^\\s*(.*?)\\s*$", Pattern.DOTALL);
	private static final Pattern SEPARATOR = Pattern.compile("\\s*;\\s*");
	private static final Pattern NESTED_LIST = Pattern.compile("^\\s*\\(\\s*(.*?)\\s*\\)\\s*$", Pattern.DOTALL);
	private static final String VARIABLE_FORM = "%<letter>[<letter>|<digit>|<underscore>]...";

	private final int ruleId;
	private final String file;
	private final List<ConfigDiagnostic.Problem> errors;

	/**
	 * @param ruleId number of the rule that holds the list (reset/getwpos/setwpos offsets)
	 * @param errors receives sec's messages for the first problem found
	 */
	/** The sec release whose actions exist (trim from 2.9.4). */
	private final org.sec.engine.api.SecVersion secVersion;

	/** Told of an action the target release lacks (its keyword, and the release that has it). */
	public interface NewerFeatures {
		void found(String feature, org.sec.engine.api.SecVersion since);
	}

	private final NewerFeatures newerFeatures;

	private ActionListParser(String file, int ruleId, org.sec.engine.api.SecVersion secVersion, List<ConfigDiagnostic.Problem> errors,
			NewerFeatures newerFeatures) {
		this.newerFeatures = newerFeatures;
		this.secVersion = secVersion;
		this.file = file;
		this.ruleId = ruleId;
		this.errors = errors;
	}

	/** Parses an action list; {@code null} when sec rejects it. */
	public static List<Action> parse(String actionList, int ruleId, List<ConfigDiagnostic.Problem> errors) {
		return parse(actionList, "", ruleId, errors);
	}

	/**
	 * Parses an action list of a rule in {@code file}; reset, getwpos and setwpos keep the
	 * file because they address operations of that file.
	 */
	public static List<Action> parse(String actionList, String file, int ruleId, List<ConfigDiagnostic.Problem> errors) {
		return parse(actionList, file, ruleId, org.sec.engine.api.SecVersion.target(), errors);
	}

	/** Parses as sec {@code version} does: an action that release lacks is an invalid action there. */
	public static List<Action> parse(String actionList, String file, int ruleId, org.sec.engine.api.SecVersion version,
			List<ConfigDiagnostic.Problem> errors) {
		return parse(actionList, file, ruleId, version, errors, (feature, since) -> {
		});
	}

	/** Like {@link #parse(String, String, int, org.sec.engine.api.SecVersion, List)}, naming newer actions. */
	public static List<Action> parse(String actionList, String file, int ruleId, org.sec.engine.api.SecVersion version,
			List<ConfigDiagnostic.Problem> errors, NewerFeatures newerFeatures) {
		return new ActionListParser(file, ruleId, version, errors, newerFeatures).list(actionList);
	}

	/**
	 * Each action regex compiled once, with the action names it can start with (every one
	 * begins "^name" or "^(name|name...)" followed by whitespace or the end): checking a large
	 * file parses thousands of actions, and most regexes are skipped by the first word.
	 */
	private record ActionRegex(Pattern pattern, Set<String> names) {
	}

	private static final java.util.Map<String, ActionRegex> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();
	private static final Pattern LEADING_NAMES = Pattern.compile("^\\^\\(?([a-z|]+)");

	private static ActionRegex compiled(String regex) {
		return COMPILED.computeIfAbsent(regex, x -> {
			Matcher names = LEADING_NAMES.matcher(x);
			return new ActionRegex(Pattern.compile(x, Pattern.CASE_INSENSITIVE | Pattern.DOTALL),
					names.find() ? Set.of(names.group(1).split("\\|")) : null);
		});
	}

	private static Matcher match(String regex, String s) {
		return compiled(regex).pattern().matcher(s);
	}

	/** The text whose first word {@link #lastWord} is (one action is tried against many regexes). */
	private String lastText;
	private String lastWord;

	/** A matcher for {@code s} when its first word is one the regex starts with, else {@code null}. */
	private Matcher matched(String regex, String s) {
		ActionRegex r = compiled(regex);
		if (r.names() != null) {
			if (s != lastText) {
				lastText = s;
				lastWord = firstWord(s);
			}
			if (!r.names().contains(lastWord)) {
				return null;
			}
		}
		Matcher m = r.pattern().matcher(s);
		return m.matches() ? m : null;
	}

	/** The action's name: its text up to the first whitespace (as regex \s counts it), lower case. */
	private static String firstWord(String s) {
		int end = 0;
		while (end < s.length() && " \t\n\u000B\f\r".indexOf(s.charAt(end)) < 0) {
			end++;
		}
		return s.substring(0, end).toLowerCase(java.util.Locale.ROOT);
	}

	private List<Action> list(String actionList) {
		Matcher t = TRIM.matcher(actionList);
		if (t.matches()) {
			actionList = t.group(1);
		}
		List<String> subexpressions = new ArrayList<>();
		String replaced = SubExpressions.replace(actionList, subexpressions);
		if (replaced == null) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_ACTION_LIST, actionList,
					"Unbalanced parentheses found in action list '" + actionList + "'"));
			return null;
		}
		List<Action> actions = new ArrayList<>();
		for (String part : PerlText.split(SEPARATOR, replaced)) {
			String withSymbols = part;
			List<String> ownSubexpressions = new ArrayList<>();
			StringBuilder restored = new StringBuilder(part);
			int pos;
			while ((pos = restored.indexOf(SubExpressions.SYMBOL)) >= 0) {
				String expr = subexpressions.isEmpty() ? "" : subexpressions.remove(0);
				restored.replace(pos, pos + 1, "(" + expr + ")");
				ownSubexpressions.add(expr);
			}
			Action action = action(restored.toString(), withSymbols, ownSubexpressions);
			if (action == null) {
				return null;
			}
			actions.add(action);
		}
		return actions;
	}

	/** The action being parsed (the subject of its errors); nested lists restore it. */
	private String current;

	private Action invalid(String message) {
		errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_ACTION, current, message));
		return null;
	}

	private Action variableError(String variable) {
		errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VARIABLE, variable,
				"Variable " + variable + " does not have the form " + VARIABLE_FORM));
		return null;
	}

	private static String p(String s) {
		return PerlText.processActionParens(s == null ? "" : s);
	}

	private static String orDefault(String s, String fallback) {
		return s.isEmpty() ? fallback : s;
	}

	private static String var(String variable) {
		return variable.substring(1);
	}

	private String ruleOffset(String sign, String number) {
		long n = Long.parseLong(number);
		long rule;
		if (sign.equals("+")) {
			rule = ruleId + n;
		} else if (sign.equals("-")) {
			rule = ruleId - n;
		} else if (n == 0) {
			rule = ruleId;
		} else {
			rule = n - 1;
		}
		return Long.toString(rule);
	}

	/** cspawnexec, pipeexec, reportexec: first operand, then the command split into words. */
	private static Action execVariant(ActionType type, String first, String cmdline) {
		if (type == ActionType.CSPAWNEXEC || type == ActionType.PIPEEXEC || type == ActionType.REPORTEXEC) {
			List<String> args = new ArrayList<>();
			args.add(first);
			args.addAll(PerlText.splitWords(cmdline));
			return new Action(type, args, List.of());
		}
		return Action.of(type, first, cmdline);
	}

	private List<Action> nested(String list) {
		Matcher m = NESTED_LIST.matcher(list);
		if (m.matches()) {
			list = m.group(1);
		}
		if (list.isEmpty()) {
			return List.of();
		}
		return list(list);
	}

	private Action action(String action, String withSymbols, List<String> subexpressions) {
		String outer = current;
		current = action;
		try {
			return parseAction(action, withSymbols, subexpressions);
		} finally {
			current = outer;
		}
	}

	private Action parseAction(String action, String withSymbols, List<String> subexpressions) {
		Matcher m;
		if (action.equalsIgnoreCase("none")) {
			return Action.of(ActionType.NONE);
		}
		if ((m = matched("^logonly(?:\\s+(.*\\S))?$", action)) != null) {
			return Action.of(ActionType.LOGONLY, orDefault(p(m.group(1)), "%s"));
		}
		if ((m = matched("^(write|writen|owritecl|udgram|ustream)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String file = p(m.group(2));
			String event = p(m.group(3));
			if (file.isEmpty()) {
				return invalid("Empty filename given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), file, orDefault(event, "%s"));
		}
		if ((m = matched("^(closef|closeudgr|closeustr|dropinput)\\s+(\\S+)$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String file = p(m.group(2));
			if (file.isEmpty()) {
				return invalid("Empty filename given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), file);
		}
		if ((m = matched("^(udpsock|tcpsock)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String peer = p(m.group(2));
			String event = p(m.group(3));
			if (peer.isEmpty()) {
				return invalid("Empty peername given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), peer, orDefault(event, "%s"));
		}
		if ((m = matched("^(closeudp|closetcp)\\s+(\\S+)$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String peer = p(m.group(2));
			if (peer.isEmpty()) {
				return invalid("Empty peername given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), peer);
		}
		if ((m = matched("^(shellcmd|cmdexec|spawn|spawnexec)\\s+(.*\\S)$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String cmdline = p(m.group(2));
			if (cmdline.isEmpty()) {
				return invalid("Empty commandline given for " + keyword + " action");
			}
			ActionType type = ActionType.valueOf(keyword.toUpperCase(Locale.ROOT));
			if (type == ActionType.CMDEXEC || type == ActionType.SPAWNEXEC) {
				// split at load time; each word is substituted on its own, as in sec
				return new Action(type, PerlText.splitWords(cmdline), List.of());
			}
			return Action.of(type, cmdline);
		}
		if ((m = matched("^(cspawn|cspawnexec)\\s+(\\S+)\\s+(.*\\S)$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String context = p(m.group(2));
			String cmdline = p(m.group(3));
			if (context.isEmpty()) {
				return invalid("Empty context name given for " + keyword + " action");
			}
			if (cmdline.isEmpty()) {
				return invalid("Empty commandline given for " + keyword + " action");
			}
			return execVariant(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), context, cmdline);
		}
		if ((m = matched("^(pipe|pipeexec)\\s+'([^']*)'(?:\\s+(.*\\S))?$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			return execVariant(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), orDefault(p(m.group(2)), "%s"),
					p(m.group(3)));
		}
		if ((m = matched("^create(?:\\s+(\\S+)(?:\\s+(\\S+)(?:\\s+(.*\\S))?)?)?$", action)) != null) {
			String context = orDefault(p(m.group(1)), "%s");
			String lifetime = orDefault(p(m.group(2)), "0");
			List<Action> onExpiry = nested(m.group(3) == null ? "" : m.group(3));
			if (onExpiry == null) {
				return null;
			}
			return new Action(ActionType.CREATE, List.of(context, lifetime), List.of(onExpiry));
		}
		if ((m = matched("^(delete|obsolete|unalias)(?:\\s+(\\S+))?$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), orDefault(p(m.group(2)), "%s"));
		}
		if ((m = matched("^set\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String context = p(m.group(1));
			String lifetime = p(m.group(2));
			String rest = m.group(3) == null ? "" : m.group(3);
			if (context.isEmpty()) {
				return invalid("Empty context name given for set action");
			}
			if (lifetime.isEmpty()) {
				return invalid("Empty lifetime given for set action");
			}
			List<Action> onExpiry = nested(rest);
			if (onExpiry == null) {
				return null;
			}
			return new Action(ActionType.SET, List.of(context, lifetime), List.of(onExpiry));
		}
		if ((m = matched("^alias\\s+(\\S+)(?:\\s+(\\S+))?$", action)) != null) {
			String context = p(m.group(1));
			String alias = p(m.group(2));
			if (context.isEmpty()) {
				return invalid("Empty context name given for alias action");
			}
			return Action.of(ActionType.ALIAS, context, orDefault(alias, "%s"));
		}
		if ((m = matched("^(add|prepend|fill)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String context = p(m.group(2));
			String event = p(m.group(3));
			if (context.isEmpty()) {
				return invalid("Empty context name given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), context, orDefault(event, "%s"));
		}
		if ((m = matched("^(report|reportexec)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String context = p(m.group(2));
			String cmdline = p(m.group(3));
			if (context.isEmpty()) {
				return invalid("Empty context name given for " + keyword + " action");
			}
			return execVariant(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), context, cmdline);
		}
		if ((m = matched("^(copy|pop|shift)\\s+(\\S+)\\s+(\\S+)$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String context = p(m.group(2));
			String variable = m.group(3);
			if (context.isEmpty()) {
				return invalid("Empty context name given for " + keyword + " action");
			}
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), context, var(variable));
		}
		if ((m = matched("^empty\\s+(\\S+)(?:\\s+(\\S+))?$", action)) != null) {
			String context = p(m.group(1));
			String variable = m.group(2) == null ? "" : m.group(2);
			if (context.isEmpty()) {
				return invalid("Empty context name given for empty action");
			}
			if (!variable.isEmpty() && !PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.EMPTY, context, variable.isEmpty() ? "" : var(variable));
		}
		if ((m = matched("^trim\\s+(\\S+)\\s+(\\S+)(?:\\s+(\\S+))?$", action)) != null && !secVersion.hasTrim()) {
			newerFeatures.found("trim", org.sec.engine.api.SecVersion.V2_9_4);
			m = null; // an invalid action in this release, as below
		}
		if (m != null) {
			// sec 2.9.4 analyze_action L1309-1337
			String timestamp = p(m.group(1));
			String context = p(m.group(2));
			String variable = m.group(3) == null ? "" : m.group(3);
			if (timestamp.isEmpty()) {
				return invalid("Empty timestamp given for trim action");
			}
			if (context.isEmpty()) {
				return invalid("Empty context name given for trim action");
			}
			if (!variable.isEmpty() && !PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.TRIM, timestamp, context, variable.isEmpty() ? "" : var(variable));
		}
		if ((m = matched("^(exists|getsize|getaliases|getltime|getctime)\\s+(\\S+)\\s+(\\S+)$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String variable = m.group(2);
			String context = p(m.group(3));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			if (context.isEmpty()) {
				return invalid("Empty context name given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), var(variable), context);
		}
		if ((m = matched("^setltime\\s+(\\S+)(?:\\s+(\\S+))?$", action)) != null) {
			String context = p(m.group(1));
			String lifetime = p(m.group(2));
			if (context.isEmpty()) {
				return invalid("Empty context name given for setltime action");
			}
			return Action.of(ActionType.SETLTIME, context, orDefault(lifetime, "0"));
		}
		if ((m = matched("^setctime\\s+(\\S+)\\s+(\\S+)$", action)) != null) {
			String timestamp = p(m.group(1));
			String context = p(m.group(2));
			if (timestamp.isEmpty()) {
				return invalid("Empty timestamp given for setctime action");
			}
			if (context.isEmpty()) {
				return invalid("Empty context name given for setctime action");
			}
			return Action.of(ActionType.SETCTIME, timestamp, context);
		}
		if ((m = matched("^event(?:\\s+0*([0-9]+))?(?:\\s+(.*\\S))?$", action)) != null) {
			String after = m.group(1) == null ? "0" : m.group(1);
			return Action.of(ActionType.EVENT, after, orDefault(p(m.group(2)), "%s"));
		}
		if ((m = matched("^tevent\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String after = p(m.group(1));
			String event = p(m.group(2));
			if (after.isEmpty()) {
				return invalid("Empty time offset given for tevent action");
			}
			return Action.of(ActionType.TEVENT, after, orDefault(event, "%s"));
		}
		if ((m = matched("^cevent\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String context = p(m.group(1));
			String after = p(m.group(2));
			String event = p(m.group(3));
			if (context.isEmpty()) {
				return invalid("Empty context name given for cevent action");
			}
			if (after.isEmpty()) {
				return invalid("Empty time offset given for cevent action");
			}
			return Action.of(ActionType.CEVENT, context, after, orDefault(event, "%s"));
		}
		if ((m = matched("^reset(?:\\s+([+-]?)0*([0-9]+))?(?:\\s+(.*\\S))?$", action)) != null) {
			String rule = m.group(2) == null ? "" : ruleOffset(m.group(1), m.group(2));
			return Action.of(ActionType.RESET, file, rule, orDefault(p(m.group(3)), "%s"));
		}
		if ((m = matched("^getwpos\\s+(\\S+)\\s+([+-]?)0*([0-9]+)(?:\\s+(.*\\S))?$", action)) != null) {
			String variable = m.group(1);
			String event = p(m.group(4));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.GETWPOS, var(variable), file, ruleOffset(m.group(2), m.group(3)),
					orDefault(event, "%s"));
		}
		if ((m = matched("^setwpos\\s+(\\S+)\\s+([+-]?)0*([0-9]+)(?:\\s+(.*\\S))?$", action)) != null) {
			String timestamp = p(m.group(1));
			String event = p(m.group(4));
			String rule = ruleOffset(m.group(2), m.group(3));
			if (timestamp.isEmpty()) {
				return invalid("Empty timestamp given for setwpos action");
			}
			return Action.of(ActionType.SETWPOS, timestamp, file, rule, orDefault(event, "%s"));
		}
		if ((m = matched("^(assign|assignsq)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String variable = m.group(2);
			String value = p(m.group(3));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), var(variable),
					orDefault(value, "%s"));
		}
		if ((m = matched("^free\\s+(\\S+)$", action)) != null) {
			String variable = m.group(1);
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.FREE, var(variable));
		}
		if ((m = matched("^eval\\s+(\\S+)\\s+(.*\\S)$", action)) != null) {
			String variable = m.group(1);
			String code = p(m.group(2));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.EVAL, var(variable), code);
		}
		if ((m = matched("^call\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String variable = m.group(1);
			String codeRef = m.group(2);
			String params = p(m.group(3));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			if (!PerlText.isActionVariable(codeRef)) {
				return variableError(codeRef);
			}
			List<String> args = new ArrayList<>(List.of(var(variable), var(codeRef)));
			args.addAll(PerlText.splitWords(params));
			return new Action(ActionType.CALL, args, List.of());
		}
		if ((m = matched("^lcall\\s+(\\S+)\\s*(.*?)\\s*(->|:>)\\s*(.*\\S)$", action)) != null) {
			String variable = m.group(1);
			String params = p(m.group(2));
			String code = p(m.group(4));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			// the loader compiles the code when it has the Perl bridge
			List<String> args = new ArrayList<>(List.of(var(variable), m.group(3), code));
			args.addAll(PerlText.splitWords(params));
			return new Action(ActionType.LCALL, args, List.of());
		}
		if ((m = matched("^rewrite\\s+(\\S+)(?:\\s+(.*\\S))?$", action)) != null) {
			String count = p(m.group(1));
			String event = p(m.group(2));
			if (count.isEmpty()) {
				return invalid("Empty linecount given for rewrite action");
			}
			return Action.of(ActionType.REWRITE, count, orDefault(event, "%s"));
		}
		if ((m = matched("^addinput\\s+(\\S+)(?:\\s+(\\S+)(?:\\s+(\\S+))?)?$", action)) != null) {
			String file = p(m.group(1));
			String position = p(m.group(2));
			String context = p(m.group(3));
			if (file.isEmpty()) {
				return invalid("Empty filename given for addinput action");
			}
			return Action.of(ActionType.ADDINPUT, file, orDefault(position, "-"),
					orDefault(context, FILE_EVENT_CONTEXT_PREFIX + file));
		}
		if ((m = matched("^sigemul\\s+(\\S+)$", action)) != null) {
			String signal = p(m.group(1));
			if (signal.isEmpty()) {
				return invalid("Empty signal name given for sigemul action");
			}
			return Action.of(ActionType.SIGEMUL, signal);
		}
		if ((m = matched("^varset\\s+(\\S+)\\s+(\\S+)$", action)) != null) {
			String variable = m.group(1);
			String entry = p(m.group(2));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			if (entry.isEmpty()) {
				return invalid("Empty pattern match cache entry name given for varset action");
			}
			return Action.of(ActionType.VARSET, var(variable), entry);
		}
		if (match("^if\\s", action).find()) {
			return ifAction(withSymbols, subexpressions);
		}
		if (match("^while\\s", action).find()) {
			return whileAction(withSymbols, subexpressions);
		}
		if (action.equalsIgnoreCase("break")) {
			return Action.of(ActionType.BREAK);
		}
		if (action.equalsIgnoreCase("continue")) {
			return Action.of(ActionType.CONTINUE);
		}
		return invalid("Invalid action '" + action + "'");
	}

	private static boolean blank(String s) {
		return s.chars().allMatch(c -> PerlText.isSpace((char) c));
	}

	private Action ifAction(String withSymbols, List<String> subexpressions) {
		String variable;
		String thenList;
		String elseList;
		Matcher m;
		if ((m = matched("^if\\s+(\\S+)\\s+\0\\s+else\\s+\0$", withSymbols)) != null) {
			variable = m.group(1);
			thenList = subexpressions.size() > 0 ? subexpressions.get(0) : "";
			elseList = subexpressions.size() > 1 ? subexpressions.get(1) : "";
		} else if ((m = matched("^if\\s+(\\S+)\\s+\0$", withSymbols)) != null) {
			variable = m.group(1);
			thenList = subexpressions.size() > 0 ? subexpressions.get(0) : "";
			elseList = "";
		} else {
			return null; // sec returns INVALIDVALUE without a message of its own
		}
		if (!PerlText.isActionVariable(variable)) {
			return variableError(variable);
		}
		List<Action> thenActions = blank(thenList) ? List.of() : list(thenList);
		if (thenActions == null) {
			return null;
		}
		List<Action> elseActions = blank(elseList) ? List.of() : list(elseList);
		if (elseActions == null) {
			return null;
		}
		if (thenActions.isEmpty() && elseActions.isEmpty()) {
			return invalid("empty action lists given for if-else");
		}
		return new Action(ActionType.IF, List.of(var(variable)), List.of(thenActions, elseActions));
	}

	private Action whileAction(String withSymbols, List<String> subexpressions) {
		Matcher m = match("^while\\s+(\\S+)\\s+\0$", withSymbols);
		if (!m.matches()) {
			return null;
		}
		String variable = m.group(1);
		String body = subexpressions.isEmpty() ? "" : subexpressions.get(0);
		if (!PerlText.isActionVariable(variable)) {
			return variableError(variable);
		}
		if (blank(body)) {
			return invalid("empty action list given for while");
		}
		List<Action> actions = list(body);
		if (actions == null) {
			return null;
		}
		return new Action(ActionType.WHILE, List.of(var(variable)), List.of(actions));
	}
}

package org.sec.engine.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
	private final List<String> errors;

	/**
	 * @param ruleId number of the rule that holds the list (reset/getwpos/setwpos offsets)
	 * @param errors receives sec's messages for the first problem found
	 */
	private ActionListParser(String file, int ruleId, List<String> errors) {
		this.file = file;
		this.ruleId = ruleId;
		this.errors = errors;
	}

	/** Parses an action list; {@code null} when sec rejects it. */
	public static List<Action> parse(String actionList, int ruleId, List<String> errors) {
		return parse(actionList, "", ruleId, errors);
	}

	/**
	 * Parses an action list of a rule in {@code file}; reset, getwpos and setwpos keep the
	 * file because they address operations of that file.
	 */
	public static List<Action> parse(String actionList, String file, int ruleId, List<String> errors) {
		return new ActionListParser(file, ruleId, errors).list(actionList);
	}

	private static Matcher match(String regex, String s) {
		return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(s);
	}

	private List<Action> list(String actionList) {
		Matcher t = TRIM.matcher(actionList);
		if (t.matches()) {
			actionList = t.group(1);
		}
		List<String> subexpressions = new ArrayList<>();
		String replaced = SubExpressions.replace(actionList, subexpressions);
		if (replaced == null) {
			errors.add("Unbalanced parentheses found in action list '" + actionList + "'");
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

	private Action invalid(String message) {
		errors.add(message);
		return null;
	}

	private Action variableError(String variable) {
		return invalid("Variable " + variable + " does not have the form " + VARIABLE_FORM);
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
		Matcher m;
		if (action.equalsIgnoreCase("none")) {
			return Action.of(ActionType.NONE);
		}
		if ((m = match("^logonly(?:\\s+(.*\\S))?$", action)).matches()) {
			return Action.of(ActionType.LOGONLY, orDefault(p(m.group(1)), "%s"));
		}
		if ((m = match("^(write|writen|owritecl|udgram|ustream)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String file = p(m.group(2));
			String event = p(m.group(3));
			if (file.isEmpty()) {
				return invalid("Empty filename given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), file, orDefault(event, "%s"));
		}
		if ((m = match("^(closef|closeudgr|closeustr|dropinput)\\s+(\\S+)$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String file = p(m.group(2));
			if (file.isEmpty()) {
				return invalid("Empty filename given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), file);
		}
		if ((m = match("^(udpsock|tcpsock)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String peer = p(m.group(2));
			String event = p(m.group(3));
			if (peer.isEmpty()) {
				return invalid("Empty peername given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), peer, orDefault(event, "%s"));
		}
		if ((m = match("^(closeudp|closetcp)\\s+(\\S+)$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String peer = p(m.group(2));
			if (peer.isEmpty()) {
				return invalid("Empty peername given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), peer);
		}
		if ((m = match("^(shellcmd|cmdexec|spawn|spawnexec)\\s+(.*\\S)$", action)).matches()) {
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
		if ((m = match("^(cspawn|cspawnexec)\\s+(\\S+)\\s+(.*\\S)$", action)).matches()) {
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
		if ((m = match("^(pipe|pipeexec)\\s+'([^']*)'(?:\\s+(.*\\S))?$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			return execVariant(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), orDefault(p(m.group(2)), "%s"),
					p(m.group(3)));
		}
		if ((m = match("^create(?:\\s+(\\S+)(?:\\s+(\\S+)(?:\\s+(.*\\S))?)?)?$", action)).matches()) {
			String context = orDefault(p(m.group(1)), "%s");
			String lifetime = orDefault(p(m.group(2)), "0");
			List<Action> onExpiry = nested(m.group(3) == null ? "" : m.group(3));
			if (onExpiry == null) {
				return null;
			}
			return new Action(ActionType.CREATE, List.of(context, lifetime), List.of(onExpiry));
		}
		if ((m = match("^(delete|obsolete|unalias)(?:\\s+(\\S+))?$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), orDefault(p(m.group(2)), "%s"));
		}
		if ((m = match("^set\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
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
		if ((m = match("^alias\\s+(\\S+)(?:\\s+(\\S+))?$", action)).matches()) {
			String context = p(m.group(1));
			String alias = p(m.group(2));
			if (context.isEmpty()) {
				return invalid("Empty context name given for alias action");
			}
			return Action.of(ActionType.ALIAS, context, orDefault(alias, "%s"));
		}
		if ((m = match("^(add|prepend|fill)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String context = p(m.group(2));
			String event = p(m.group(3));
			if (context.isEmpty()) {
				return invalid("Empty context name given for " + keyword + " action");
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), context, orDefault(event, "%s"));
		}
		if ((m = match("^(report|reportexec)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String context = p(m.group(2));
			String cmdline = p(m.group(3));
			if (context.isEmpty()) {
				return invalid("Empty context name given for " + keyword + " action");
			}
			return execVariant(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), context, cmdline);
		}
		if ((m = match("^(copy|pop|shift)\\s+(\\S+)\\s+(\\S+)$", action)).matches()) {
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
		if ((m = match("^empty\\s+(\\S+)(?:\\s+(\\S+))?$", action)).matches()) {
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
		if ((m = match("^(exists|getsize|getaliases|getltime|getctime)\\s+(\\S+)\\s+(\\S+)$", action)).matches()) {
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
		if ((m = match("^setltime\\s+(\\S+)(?:\\s+(\\S+))?$", action)).matches()) {
			String context = p(m.group(1));
			String lifetime = p(m.group(2));
			if (context.isEmpty()) {
				return invalid("Empty context name given for setltime action");
			}
			return Action.of(ActionType.SETLTIME, context, orDefault(lifetime, "0"));
		}
		if ((m = match("^setctime\\s+(\\S+)\\s+(\\S+)$", action)).matches()) {
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
		if ((m = match("^event(?:\\s+0*([0-9]+))?(?:\\s+(.*\\S))?$", action)).matches()) {
			String after = m.group(1) == null ? "0" : m.group(1);
			return Action.of(ActionType.EVENT, after, orDefault(p(m.group(2)), "%s"));
		}
		if ((m = match("^tevent\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String after = p(m.group(1));
			String event = p(m.group(2));
			if (after.isEmpty()) {
				return invalid("Empty time offset given for tevent action");
			}
			return Action.of(ActionType.TEVENT, after, orDefault(event, "%s"));
		}
		if ((m = match("^cevent\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
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
		if ((m = match("^reset(?:\\s+([+-]?)0*([0-9]+))?(?:\\s+(.*\\S))?$", action)).matches()) {
			String rule = m.group(2) == null ? "" : ruleOffset(m.group(1), m.group(2));
			return Action.of(ActionType.RESET, file, rule, orDefault(p(m.group(3)), "%s"));
		}
		if ((m = match("^getwpos\\s+(\\S+)\\s+([+-]?)0*([0-9]+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String variable = m.group(1);
			String event = p(m.group(4));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.GETWPOS, var(variable), file, ruleOffset(m.group(2), m.group(3)),
					orDefault(event, "%s"));
		}
		if ((m = match("^setwpos\\s+(\\S+)\\s+([+-]?)0*([0-9]+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String timestamp = p(m.group(1));
			String event = p(m.group(4));
			String rule = ruleOffset(m.group(2), m.group(3));
			if (timestamp.isEmpty()) {
				return invalid("Empty timestamp given for setwpos action");
			}
			return Action.of(ActionType.SETWPOS, timestamp, file, rule, orDefault(event, "%s"));
		}
		if ((m = match("^(assign|assignsq)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String keyword = m.group(1).toLowerCase(Locale.ROOT);
			String variable = m.group(2);
			String value = p(m.group(3));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.valueOf(keyword.toUpperCase(Locale.ROOT)), var(variable),
					orDefault(value, "%s"));
		}
		if ((m = match("^free\\s+(\\S+)$", action)).matches()) {
			String variable = m.group(1);
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.FREE, var(variable));
		}
		if ((m = match("^eval\\s+(\\S+)\\s+(.*\\S)$", action)).matches()) {
			String variable = m.group(1);
			String code = p(m.group(2));
			if (!PerlText.isActionVariable(variable)) {
				return variableError(variable);
			}
			return Action.of(ActionType.EVAL, var(variable), code);
		}
		if ((m = match("^call\\s+(\\S+)\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
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
		if ((m = match("^lcall\\s+(\\S+)\\s*(.*?)\\s*(->|:>)\\s*(.*\\S)$", action)).matches()) {
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
		if ((m = match("^rewrite\\s+(\\S+)(?:\\s+(.*\\S))?$", action)).matches()) {
			String count = p(m.group(1));
			String event = p(m.group(2));
			if (count.isEmpty()) {
				return invalid("Empty linecount given for rewrite action");
			}
			return Action.of(ActionType.REWRITE, count, orDefault(event, "%s"));
		}
		if ((m = match("^addinput\\s+(\\S+)(?:\\s+(\\S+)(?:\\s+(\\S+))?)?$", action)).matches()) {
			String file = p(m.group(1));
			String position = p(m.group(2));
			String context = p(m.group(3));
			if (file.isEmpty()) {
				return invalid("Empty filename given for addinput action");
			}
			return Action.of(ActionType.ADDINPUT, file, orDefault(position, "-"),
					orDefault(context, FILE_EVENT_CONTEXT_PREFIX + file));
		}
		if ((m = match("^sigemul\\s+(\\S+)$", action)).matches()) {
			String signal = p(m.group(1));
			if (signal.isEmpty()) {
				return invalid("Empty signal name given for sigemul action");
			}
			return Action.of(ActionType.SIGEMUL, signal);
		}
		if ((m = match("^varset\\s+(\\S+)\\s+(\\S+)$", action)).matches()) {
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
		if ((m = match("^if\\s+(\\S+)\\s+\0\\s+else\\s+\0$", withSymbols)).matches()) {
			variable = m.group(1);
			thenList = subexpressions.size() > 0 ? subexpressions.get(0) : "";
			elseList = subexpressions.size() > 1 ? subexpressions.get(1) : "";
		} else if ((m = match("^if\\s+(\\S+)\\s+\0$", withSymbols)).matches()) {
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

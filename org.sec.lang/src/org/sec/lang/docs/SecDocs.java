package org.sec.lang.docs;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sec.engine.action.ActionType;

/**
 * What the editor tells users about actions, action-list variables and rule fields: the
 * syntax and a one-line meaning, as sec 2.9.1 implements them (inventory §3, §6). The
 * content assist and the hovers show these; the UI holds no text of its own.
 */
public final class SecDocs {

	/** An action's syntax as sec parses it, and what it does. */
	public record ActionDoc(String syntax, String summary) {
	}

	private static final Map<ActionType, ActionDoc> ACTIONS = new EnumMap<>(ActionType.class);
	private static final Map<String, String> VARIABLES = new LinkedHashMap<>();
	private static final Map<String, String> FIELDS = new LinkedHashMap<>();

	private static void action(ActionType type, String syntax, String summary) {
		ACTIONS.put(type, new ActionDoc(syntax, summary));
	}

	static {
		action(ActionType.NONE, "none", "does nothing");
		action(ActionType.LOGONLY, "logonly [string]", "writes the string (default %s) to sec's log only");
		action(ActionType.WRITE, "write <file> [string]", "appends the string and a newline to the file; '-' is standard output");
		action(ActionType.WRITEN, "writen <file> [string]", "like write, without the newline");
		action(ActionType.OWRITECL, "owritecl <file> [string]", "opens the file, writes the string without a newline and closes it");
		action(ActionType.CLOSEF, "closef <file>", "closes the file that write and writen keep open");
		action(ActionType.UDGRAM, "udgram <path> [string]", "sends the string to a UNIX datagram socket");
		action(ActionType.CLOSEUDGR, "closeudgr <path>", "closes the UNIX datagram socket");
		action(ActionType.USTREAM, "ustream <path> [string]", "writes the string to a UNIX stream socket");
		action(ActionType.CLOSEUSTR, "closeustr <path>", "closes the UNIX stream socket");
		action(ActionType.UDPSOCK, "udpsock <host>:<port> [string]", "sends the string as a UDP datagram");
		action(ActionType.CLOSEUDP, "closeudp <host>:<port>", "closes the UDP socket");
		action(ActionType.TCPSOCK, "tcpsock <host>:<port> [string]", "writes the string to a TCP connection");
		action(ActionType.CLOSETCP, "closetcp <host>:<port>", "closes the TCP connection");
		action(ActionType.SHELLCMD, "shellcmd <cmdline>", "runs the command line (through /bin/sh when it has shell characters)");
		action(ActionType.CMDEXEC, "cmdexec <cmdline>", "runs the command without a shell, split into words at load time");
		action(ActionType.SPAWN, "spawn <cmdline>", "runs the command; each line it prints becomes an input event");
		action(ActionType.SPAWNEXEC, "spawnexec <cmdline>", "like spawn, without a shell");
		action(ActionType.CSPAWN, "cspawn <context> <cmdline>", "like spawn; the events get the internal context <context>");
		action(ActionType.CSPAWNEXEC, "cspawnexec <context> <cmdline>", "like cspawn, without a shell");
		action(ActionType.PIPE, "pipe '[string]' [cmdline]", "feeds the string to the command's standard input (no command: standard output)");
		action(ActionType.PIPEEXEC, "pipeexec '[string]' [cmdline]", "like pipe, without a shell");
		action(ActionType.CREATE, "create [name [time [(action list)]]]", "creates the context (default %s) for time seconds (0: forever), with an action list for when it expires");
		action(ActionType.DELETE, "delete [name]", "deletes the context and its aliases without running its expiry actions");
		action(ActionType.OBSOLETE, "obsolete [name]", "ends the context now: its expiry actions run, then it is deleted");
		action(ActionType.SET, "set <name> <time|-> [(action list)]", "gives an existing context a new lifetime from now ('-' keeps it) and expiry actions");
		action(ActionType.ALIAS, "alias <name> [alias]", "gives the context one more name");
		action(ActionType.UNALIAS, "unalias [alias]", "removes one name; the context goes with its last name");
		action(ActionType.ADD, "add <name> [string]", "appends the string's lines to the context's event store (creates the context if needed)");
		action(ActionType.PREPEND, "prepend <name> [string]", "puts the string's lines in front of the event store (creates the context if needed)");
		action(ActionType.FILL, "fill <name> [string]", "replaces the event store with the string's lines (creates the context if needed)");
		action(ActionType.REPORT, "report <name> [cmdline]", "feeds the event store to the command (no command: standard output)");
		action(ActionType.REPORTEXEC, "reportexec <name> [cmdline]", "like report, without a shell");
		action(ActionType.COPY, "copy <name> %var", "sets %var to the event store's lines joined by newlines");
		action(ActionType.EMPTY, "empty <name> [%var]", "empties the event store, after copying it to %var if given");
		action(ActionType.POP, "pop <name> %var", "removes the store's last line into %var");
		action(ActionType.SHIFT, "shift <name> %var", "removes the store's first line into %var");
		action(ActionType.TRIM, "trim <time> <name> [%var]", "removes the store's lines written before <time> (epoch"
				+ " seconds, +T after the context's creation, -T before now) into %var if given (sec 2.9.4)");
		action(ActionType.EXISTS, "exists %var <name>", "sets %var to 1 if the context exists, else 0");
		action(ActionType.GETSIZE, "getsize %var <name>", "sets %var to the number of lines in the event store");
		action(ActionType.GETALIASES, "getaliases %var <name>", "sets %var to the context's names, one per line");
		action(ActionType.GETLTIME, "getltime %var <name>", "sets %var to the context's lifetime in seconds");
		action(ActionType.SETLTIME, "setltime <name> [time]", "changes the lifetime, counted from the creation time (0: forever)");
		action(ActionType.GETCTIME, "getctime %var <name>", "sets %var to the context's creation time (epoch seconds)");
		action(ActionType.SETCTIME, "setctime <time> <name>", "moves the creation time (not before the old one, not into the future)");
		action(ActionType.EVENT, "event [seconds] [string]", "creates an input event from each line of the string (default %s), after the delay if given");
		action(ActionType.TEVENT, "tevent <seconds> [string]", "like event, with the delay taken at run time");
		action(ActionType.CEVENT, "cevent <context> <seconds> [string]", "like tevent; the events get the internal context <context>");
		action(ActionType.RESET, "reset [[+|-]rule] [desc]", "ends the operation started by that rule (relative, absolute, or every rule of the file) for desc");
		action(ActionType.GETWPOS, "getwpos %var <[+|-]rule> [desc]", "sets %var to the start of the operation's window");
		action(ActionType.SETWPOS, "setwpos <time> <[+|-]rule> [desc]", "moves the start of the operation's window");
		action(ActionType.ASSIGN, "assign %var [string]", "sets the variable");
		action(ActionType.ASSIGNSQ, "assignsq %var [string]", "sets the variable to the string in single quotes, for shell commands");
		action(ActionType.FREE, "free %var", "removes the variable");
		action(ActionType.EVAL, "eval %var <code>", "runs Perl code and stores its result (needs the Perl bridge)");
		action(ActionType.CALL, "call %var %ref [params]", "calls the Perl code reference in %ref (needs the Perl bridge)");
		action(ActionType.LCALL, "lcall %var [params] -> <code>", "calls Perl code compiled at load time (needs the Perl bridge)");
		action(ActionType.REWRITE, "rewrite <lines> [string]", "replaces the last lines of the input buffer, for the rules that follow");
		action(ActionType.ADDINPUT, "addinput <file> [offset [context]]", "starts reading another input file");
		action(ActionType.DROPINPUT, "dropinput <file>", "stops reading a file that addinput added");
		action(ActionType.SIGEMUL, "sigemul <HUP|ABRT|USR1|USR2|INT|TERM>", "acts as if sec had received the signal");
		action(ActionType.VARSET, "varset %var <entry>", "sets %var to 1 if the pattern match cache has the entry, else 0");
		action(ActionType.IF, "if %var ( action list ) [else ( action list )]", "runs the first list when %var is true in Perl's sense, else the second");
		action(ActionType.WHILE, "while %var ( action list )", "runs the list while %var is true");
		action(ActionType.BREAK, "break", "leaves the innermost while loop (outside one: the action list)");
		action(ActionType.CONTINUE, "continue", "starts the next round of the while loop (outside one: ends the action list)");

		VARIABLES.put("%s", "the rule's description (desc, or desc2 for the second action)");
		VARIABLES.put("%t", "the time as text, e.g. Mon Jan  1 00:00:00 2024");
		VARIABLES.put("%u", "the time in seconds since the epoch");
		VARIABLES.put("%.sec", "seconds, two digits");
		VARIABLES.put("%.min", "minutes, two digits");
		VARIABLES.put("%.hour", "hours, two digits");
		VARIABLES.put("%.hmsstr", "HH:MM:SS");
		VARIABLES.put("%.mday", "day of the month, two digits");
		VARIABLES.put("%.mdaystr", "day of the month, padded with a space");
		VARIABLES.put("%.mon", "month, two digits");
		VARIABLES.put("%.monstr", "month name, e.g. Jan");
		VARIABLES.put("%.year", "year, four digits");
		VARIABLES.put("%.wday", "weekday, 0 is Sunday");
		VARIABLES.put("%.wdaystr", "weekday name, e.g. Mon");
		VARIABLES.put("%.tzname", "time zone name");
		VARIABLES.put("%.tzoff", "time zone offset, +hhmm");
		VARIABLES.put("%.tzoff2", "time zone offset, +hh:mm");
		VARIABLES.put("%.nl", "a newline");
		VARIABLES.put("%.cr", "a carriage return");
		VARIABLES.put("%.tab", "a tab");
		VARIABLES.put("%.sp", "a space");
		VARIABLES.put("%.chr0", "control character 0 (%.chr1 to %.chr31 likewise)");
		VARIABLES.put("%%", "a percent sign");

		FIELDS.put("type", "the rule type: Single, SingleWithThreshold, Pair, EventGroupN, Calendar, ...");
		FIELDS.put("ptype", "the pattern type: SubStr, RegExp, PerlFunc, Cached, TValue, their N (negated) forms, with an optional line count");
		FIELDS.put("pattern", "what an event must match, read as ptype says");
		FIELDS.put("varmap", "names for match variables, kept in the pattern match cache: name; var=N; ...");
		FIELDS.put("context", "a context expression that must be true: names, !, &&, ||, parentheses; [ ] tests it before the pattern");
		FIELDS.put("continue", "what happens after a match: DontCont (default), TakeNext, EndMatch or GoTo <label>");
		FIELDS.put("desc", "the description: names the operation and is %s in the actions");
		FIELDS.put("action", "the action list, actions separated by ';'");
		FIELDS.put("window", "the correlation window in seconds");
		FIELDS.put("thresh", "how many events within the window fire the action");
		FIELDS.put("time", "Calendar: minute hour day month weekday [year], as in crontab");
		FIELDS.put("script", "SingleWithScript: the command whose exit code picks action (0) or action2");
		FIELDS.put("shell", "SingleWithScript: whether the script runs through a shell (yes/no)");
		FIELDS.put("cfset", "Jump: the rule sets (joincfset of Options rules) that the event goes on to");
		FIELDS.put("constset", "Jump: whether the cfset value is fixed at load time (yes/no)");
		FIELDS.put("joincfset", "Options: the rule sets this file belongs to");
		FIELDS.put("procallin", "Options: whether this file gets all input (yes) or only events from Jump rules (no)");
		FIELDS.put("egptype", "EventGroup: the type of egpattern (SubStr, RegExp, PerlFunc or N forms)");
		FIELDS.put("egpattern", "EventGroup: a pattern the string of egtokens of the events seen must match");
		FIELDS.put("egtoken", "EventGroup: the token a pattern's events add to the event group string");
		FIELDS.put("count", "EventGroup: actions run for each event a pattern counts");
		FIELDS.put("init", "EventGroup: actions run when the operation starts");
		FIELDS.put("slide", "EventGroup: actions run when the window slides");
		FIELDS.put("end", "EventGroup: actions run when the operation ends");
		FIELDS.put("label", "a name for continue=GoTo");
		FIELDS.put("rem", "a remark, ignored by sec");
	}

	private SecDocs() {
	}

	/** The syntax and meaning of an action. */
	public static ActionDoc action(ActionType type) {
		return ACTIONS.get(type);
	}

	/** The action-list variables sec sets itself, with their meaning, in a natural order. */
	public static Map<String, String> builtinVariables() {
		return java.util.Collections.unmodifiableMap(VARIABLES);
	}

	/** What a field means; numbered forms (pattern2, thresh2, ...) share their base's text. */
	public static String field(String keyword) {
		String text = FIELDS.get(keyword);
		if (text == null) {
			text = FIELDS.get(keyword.replaceFirst("[0-9]+$", ""));
		}
		return text;
	}
}

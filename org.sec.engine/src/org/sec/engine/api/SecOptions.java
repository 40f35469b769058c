package org.sec.engine.api;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sec's options: the one home of every option sec takes, for jsec, replays (secwb replay
 * --sec, scenarios' @sec, the launch configuration's "sec options") and tests alike, so
 * that each reaches the engine the same way. Parsed as sec's command line is
 * (read_options L13828): Getopt::Long rules (one or two dashes, "=value" or the next
 * argument, unique abbreviations, --noX for flags) and sec's own checks that print a
 * message and fall back to the default. {@link SecEngine#start} reads the engine's part.
 */
public final class SecOptions {

	enum Kind {
		STRING, STRING_LIST, INT, FLOAT, OCTAL, FLAG, BOOLEAN
	}

	private record Spec(String name, Kind kind) {
	}

	private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

	static {
		for (String s : List.of("conf=L", "input=L", "input-timeout=I", "input_timeout=I@input-timeout",
				"timeout-script=S", "timeout_script=S@timeout-script", "reopen-timeout=I",
				"reopen_timeout=I@reopen-timeout", "check-timeout=I", "check_timeout=I@check-timeout",
				"poll-timeout=F", "poll_timeout=F@poll-timeout", "socket-timeout=I", "socket_timeout=I@socket-timeout",
				"blocksize=I", "bufsize=I", "evstoresize=I", "cleantime=I", "log=S", "syslog=S", "debug=I", "pid=S",
				"dump=S", "user=S", "group=L", "umask=O", "ruleperf=B", "dumpfts=B", "dumpfjson=B", "quoting=B",
				"tail=B", "fromstart=B", "detach=B", "jointbuf=B", "keepopen=B", "rwfifo=B", "childterm=B",
				"intevents=B", "intcontexts=B", "testonly=B", "help=F0", "?=F0@help", "version=F0", "sec-version=S",
				"sec_version=S@sec-version", "state-file=S", "state_file=S@state-file", "state-interval=I",
				"state_interval=I@state-interval")) {
			String[] nameRest = s.split("=", 2);
			String[] kindAlias = nameRest[1].split("@", 2);
			String canonical = kindAlias.length > 1 ? kindAlias[1] : nameRest[0];
			Kind kind = switch (kindAlias[0]) {
			case "L" -> Kind.STRING_LIST;
			case "S" -> Kind.STRING;
			case "I" -> Kind.INT;
			case "F" -> Kind.FLOAT;
			case "O" -> Kind.OCTAL;
			case "B" -> Kind.BOOLEAN;
			default -> Kind.FLAG;
			};
			SPECS.put(nameRest[0], new Spec(canonical, kind));
		}
	}

	/** The arguments as given, for the dump's "Program options". */
	public final List<String> arguments = new ArrayList<>();
	public final List<String> conf = new ArrayList<>();
	public final List<String> input = new ArrayList<>();
	public final List<String> group = new ArrayList<>();
	public final Map<String, String> values = new LinkedHashMap<>();
	public int inputTimeout;
	public String timeoutScript;
	public int reopenTimeout;
	public int checkTimeout;
	public double pollTimeout = 0.1;
	public int socketTimeout = 60;
	public int blocksize = 8192;
	public int bufsize;
	public int evstoresize;
	public int cleantime = 1;
	public String log;
	public String syslog;
	public int debug = 6;
	public String pid;
	public String dump = "/tmp/sec.dump";
	public String user;
	public Integer umask;
	public boolean ruleperf;
	public boolean dumpfts;
	public boolean dumpfjson;
	public boolean quoting;
	public boolean tail = true;
	public boolean fromstart;
	public boolean detach;
	public boolean jointbuf;
	public boolean keepopen = true;
	public boolean rwfifo = true;
	public boolean childterm = true;
	public boolean intevents;
	public boolean intcontexts;
	public boolean testonly;
	public boolean help;
	public boolean version;
	/** jsec's own option: the sec release to behave as (default: the newest sec on the PATH, else 2.9.4). */
	public SecVersion secVersion = SecVersion.target();
	/** jsec's own option: where the correlation state is restored from at start-up and saved to on exit, or null. */
	public String stateFile;
	/** jsec's own option: with --state-file, also save the state every so many seconds (0: only on exit). */
	public int stateInterval;
	/** A --sec-version jsec does not know, as given; jsec refuses to start. */
	public String unknownSecVersion;

	/** sec's defaults, as a command line without options gives them. */
	public static SecOptions defaults() {
		return new SecOptions();
	}

	/** These options, with --sec-version {@code version}. */
	public SecOptions withSecVersion(SecVersion version) {
		SecOptions c = copy();
		c.secVersion = version;
		return c;
	}

	/** These options, with or without --intevents. */
	public SecOptions withIntevents(boolean on) {
		SecOptions c = copy();
		c.intevents = on;
		return c;
	}

	/** These options, with or without --intcontexts (jsec adds it when an input names a context). */
	public SecOptions withIntcontexts(boolean on) {
		SecOptions c = copy();
		c.intcontexts = on;
		return c;
	}

	/** A copy of every field, as parsed and as changed since. */
	private SecOptions copy() {
		SecOptions c = new SecOptions();
		try {
			for (java.lang.reflect.Field f : SecOptions.class.getDeclaredFields()) {
				if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
					continue;
				}
				Object value = f.get(this);
				if (value instanceof List<?> list) {
					@SuppressWarnings("unchecked")
					List<Object> target = (List<Object>) f.get(c);
					target.addAll(list);
				} else if (value instanceof Map<?, ?> map) {
					@SuppressWarnings("unchecked")
					Map<Object, Object> target = (Map<Object, Object>) f.get(c);
					target.putAll(map);
				} else {
					f.set(c, value);
				}
			}
		} catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
		return c;
	}

	// what the engine reads (SecEngine, the runtime)

	public int bufsize() {
		return bufsize;
	}

	public boolean jointbuf() {
		return jointbuf;
	}

	public boolean intevents() {
		return intevents;
	}

	public boolean intcontexts() {
		return intcontexts;
	}

	public int evstoresize() {
		return evstoresize;
	}

	public boolean quoting() {
		return quoting;
	}

	public int cleantime() {
		return cleantime;
	}

	public int socketTimeout() {
		return socketTimeout;
	}

	public SecVersion secVersion() {
		return secVersion;
	}

	/** Parses arguments; problems are printed to {@code err} with sec's and Getopt::Long's wording. */
	public static SecOptions parse(String[] args, PrintStream err) {
		SecOptions o = new SecOptions();
		o.arguments.addAll(List.of(args));
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--")) {
				for (int j = i + 1; j < args.length; j++) {
					err.println("Unknown argument: " + args[j]);
				}
				break;
			}
			if (!arg.startsWith("-") || arg.equals("-")) {
				err.println("Unknown argument: " + arg);
				continue;
			}
			String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
			String value = null;
			int eq = body.indexOf('=');
			if (eq >= 0) {
				value = body.substring(eq + 1);
				body = body.substring(0, eq);
			}
			boolean negated = false;
			Spec spec = lookup(body, err);
			if (spec == null && (body.startsWith("no") || body.startsWith("no-"))) {
				String positive = body.startsWith("no-") ? body.substring(3) : body.substring(2);
				Spec flag = lookup(positive, null);
				if (flag != null && flag.kind == Kind.BOOLEAN) {
					spec = flag;
					negated = true;
				}
			}
			if (spec == null) {
				if (!AMBIGUOUS.equals(lastLookupProblem)) {
					err.println("Unknown option: " + body);
				}
				continue;
			}
			if (spec.kind == Kind.BOOLEAN || spec.kind == Kind.FLAG) {
				if (value != null) {
					err.println("Option " + body + " does not take an argument");
					continue;
				}
				o.setFlag(spec.name, !negated);
				continue;
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					err.println("Option " + body + " requires an argument");
					continue;
				}
				value = args[++i];
			}
			o.setValue(spec, body, value, err);
		}
		o.check(err);
		return o;
	}

	private static final String AMBIGUOUS = "ambiguous";
	private static String lastLookupProblem;

	/** Exact name, or a unique prefix of one (Getopt::Long's auto_abbrev). */
	private static Spec lookup(String name, PrintStream err) {
		lastLookupProblem = null;
		Spec exact = SPECS.get(name);
		if (exact != null) {
			return exact;
		}
		List<String> candidates = new ArrayList<>();
		for (Map.Entry<String, Spec> e : SPECS.entrySet()) {
			if (e.getKey().startsWith(name) && !candidates.contains(e.getValue().name)) {
				candidates.add(e.getValue().name);
			}
		}
		if (candidates.size() == 1) {
			return SPECS.get(candidates.get(0));
		}
		if (candidates.size() > 1 && err != null && !name.isEmpty()) {
			err.println("Option " + name + " is ambiguous (" + String.join(", ", candidates) + ")");
			lastLookupProblem = AMBIGUOUS;
		}
		return null;
	}

	private void setFlag(String name, boolean on) {
		switch (name) {
		case "ruleperf" -> ruleperf = on;
		case "dumpfts" -> dumpfts = on;
		case "dumpfjson" -> dumpfjson = on;
		case "quoting" -> quoting = on;
		case "tail" -> tail = on;
		case "fromstart" -> fromstart = on;
		case "detach" -> detach = on;
		case "jointbuf" -> jointbuf = on;
		case "keepopen" -> keepopen = on;
		case "rwfifo" -> rwfifo = on;
		case "childterm" -> childterm = on;
		case "intevents" -> intevents = on;
		case "intcontexts" -> intcontexts = on;
		case "testonly" -> testonly = on;
		case "help" -> help = on;
		case "version" -> version = on;
		default -> throw new IllegalStateException(name);
		}
	}

	private void setValue(Spec spec, String given, String value, PrintStream err) {
		switch (spec.kind) {
		case STRING_LIST -> (spec.name.equals("conf") ? conf : spec.name.equals("input") ? input : group).add(value);
		case STRING -> {
			switch (spec.name) {
			case "timeout-script" -> timeoutScript = value;
			case "log" -> log = value;
			case "syslog" -> syslog = value;
			case "pid" -> pid = value;
			case "dump" -> dump = value;
			case "state-file" -> stateFile = value;
			case "user" -> user = value;
			case "sec-version" -> {
				org.sec.engine.api.SecVersion v = org.sec.engine.api.SecVersion.parse(value);
				if (v == null) {
					unknownSecVersion = value;
				} else {
					secVersion = v;
				}
			}
			default -> throw new IllegalStateException(spec.name);
			}
		}
		case INT -> {
			if (!value.matches("[-+]?\\d+")) {
				err.println("Value \"" + value + "\" invalid for option " + given + " (number expected)");
				return;
			}
			int n = clampInt(value);
			switch (spec.name) {
			case "input-timeout" -> inputTimeout = n;
			case "reopen-timeout" -> reopenTimeout = n;
			case "check-timeout" -> checkTimeout = n;
			case "socket-timeout" -> socketTimeout = n;
			case "blocksize" -> blocksize = n;
			case "bufsize" -> bufsize = n;
			case "evstoresize" -> evstoresize = n;
			case "cleantime" -> cleantime = n;
			case "debug" -> debug = n;
			case "state-interval" -> stateInterval = n;
			default -> throw new IllegalStateException(spec.name);
			}
		}
		case FLOAT -> {
			try {
				pollTimeout = Double.parseDouble(value);
			} catch (NumberFormatException e) {
				err.println("Value \"" + value + "\" invalid for option " + given + " (real number expected)");
			}
		}
		case OCTAL -> {
			Integer n = parseExtendedInt(value);
			if (n == null) {
				err.println("Value \"" + value + "\" invalid for option " + given + " (extended number expected)");
				return;
			}
			umask = n;
		}
		default -> throw new IllegalStateException(spec.name);
		}
	}

	private static int clampInt(String value) {
		try {
			return Integer.parseInt(value.startsWith("+") ? value.substring(1) : value);
		} catch (NumberFormatException e) {
			return value.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
		}
	}

	/** Getopt::Long "=o": decimal, 0-octal, 0x hex or 0b binary. */
	private static Integer parseExtendedInt(String v) {
		try {
			if (v.matches("0[xX][0-9a-fA-F]+")) {
				return Integer.parseInt(v.substring(2), 16);
			}
			if (v.matches("0[bB][01]+")) {
				return Integer.parseInt(v.substring(2), 2);
			}
			if (v.matches("0[0-7]*")) {
				return Integer.parseInt(v, 8);
			}
			if (v.matches("[-+]?[1-9]\\d*")) {
				return Integer.parseInt(v);
			}
		} catch (NumberFormatException e) {
			return null;
		}
		return null;
	}

	/** sec's checks after GetOptions (L13949-14092). */
	private void check(PrintStream err) {
		if (conf.removeIf(String::isEmpty)) {
			err.println("'--conf' option requires a non-empty value");
		}
		if (input.removeIf(String::isEmpty)) {
			err.println("'--input' option requires a non-empty value");
		}
		if (inputTimeout < 0) {
			err.println("'--input-timeout' option requires a non-negative value");
			inputTimeout = 0;
		}
		if (timeoutScript != null && timeoutScript.isEmpty()) {
			err.println("'--timeout-script' option requires a non-empty value");
			timeoutScript = null;
		}
		if (inputTimeout > 0 && timeoutScript == null) {
			err.println("'--input-timeout' option requires the '--timeout-script' option");
			inputTimeout = 0;
		}
		if (reopenTimeout < 0) {
			err.println("'--reopen-timeout' option requires a non-negative value");
			reopenTimeout = 0;
		}
		if (checkTimeout < 0) {
			err.println("'--check-timeout' option requires a non-negative value");
			checkTimeout = 0;
		}
		if (pollTimeout < 0) {
			err.println("'--poll-timeout' option requires a non-negative value");
			pollTimeout = 0.1;
		}
		if (socketTimeout <= 0) {
			err.println("'--socket-timeout' option requires a positive value");
			socketTimeout = 60;
		}
		if (blocksize <= 0) {
			err.println("'--blocksize' option requires a positive value");
			blocksize = 8192;
		}
		if (bufsize < 0) {
			err.println("'--bufsize' option requires a non-negative value");
			bufsize = 0;
		}
		if (evstoresize < 0) {
			err.println("'--evstoresize' option requires a non-negative value");
			evstoresize = 0;
		}
		if (cleantime < 0) {
			err.println("'--cleantime' option requires a non-negative value");
			cleantime = 1;
		}
		if (log != null && log.isEmpty()) {
			err.println("'--log' option requires a non-empty value");
			log = null;
		}
		if (syslog != null && syslog.isEmpty()) {
			err.println("'--syslog' option requires a non-empty value");
			syslog = null;
		}
		if (debug < 1 || debug > 6) {
			err.println("'--debug' option requires a value from range 1..6");
			debug = 6;
		}
		if (pid != null && pid.isEmpty()) {
			err.println("'--pid' option requires a non-empty value");
			pid = null;
		}
		if (dump.isEmpty()) {
			err.println("'--dump' option requires a non-empty value");
			dump = "/tmp/sec.dump";
		}
		if (user != null && user.isEmpty()) {
			err.println("'--user' option requires a non-empty value");
			user = null;
		}
		if (group.removeIf(String::isEmpty)) {
			err.println("'--group' option requires a non-empty value");
		}
		if (!group.isEmpty() && user == null) {
			err.println("'--group' option requires the '--user' option");
			group.clear();
		}
		if (umask != null && (umask < 0 || umask > 511)) {
			err.println("'--umask' option requires a value from range 0..0777");
			umask = null;
		}
		if (bufsize == 1) {
			jointbuf = true;
		}
	}
}

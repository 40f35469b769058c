package org.sec.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.sec.engine.api.SecOptions;
import org.sec.engine.syntax.DeepStack;
import org.sec.engine.api.Clock;
import org.sec.engine.api.SecVersion;
import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.rules.RuleSet;

/**
 * Command-line entry point of jsec, the Java drop-in for sec. sec's options are parsed
 * by Getopt::Long with sec-specific messages, so this front end is hand-written to match
 * them instead of using a general option library.
 */
public final class Jsec {

	static String versionText(SecVersion version) {
		return "jsec (SEC Workbench engine), emulating " + version.banner();
	}

	private Jsec() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err, Clock.system()));
	}

	/** Runs jsec; returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, out, err, Clock.system());
	}

	public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
		try {
			return DeepStack.call(() -> runOnDeepStack(args, out, err, clock));
		} catch (Throwable t) {
			out.flush();
			return InternalFailure.report("jsec", t, new java.io.PrintWriter(err, true),
					"the rule file and the input that caused it");
		}
	}

	private static int runOnDeepStack(String[] args, PrintStream out, PrintStream err, Clock clock) {
		SecOptions options = SecOptions.parse(args, err);
		if (options.unknownSecVersion != null) {
			err.println("jsec: unknown --sec-version '" + options.unknownSecVersion + "'; jsec behaves as sec "
					+ SecVersion.known());
			return 1;
		}
		if (options.help) {
			out.print(usage(options.secVersion));
			return 0;
		}
		if (options.version) {
			out.println(versionText(options.secVersion));
			return 0;
		}
		if ((options.user != null || options.umask != null) && System.getenv(IDENTITY_SET) == null) {
			// a JVM cannot change its user or umask; bin/jsec does it before Java starts
			err.println("jsec: '--user', '--group' and '--umask' are applied by the jsec launcher (bin/jsec);"
					+ " run jsec through it");
			return 1;
		}
		Daemon daemon = Daemon.current();
		boolean stderrTerminal = err == System.err && stderrIsTerminal();
		if (options.detach && !daemon.isDaemonCopy() && !options.testonly) {
			return Daemon.spawn(options.arguments, stderrTerminal, err);
		}
		PrintStream terminal = daemon.isDaemonCopy() ? daemon.echo() : stderrTerminal ? err : null;
		// perl starts only if the rules hold Perl code
		try (SecLog log = new SecLog(clock, options.debug, options.log == null ? null : Paths.get(options.log),
				terminal); PerlBridge perl = PerlBridge.fromPath()) {
			if (options.syslog != null) {
				log.openSyslog(new PerlSyslog(perl, PerlSyslog.programName(), options.syslog));
			}
			log.log(SecLog.Level.NOTICE, options.secVersion.banner());
			if (options.detach) {
				log.log(SecLog.Level.NOTICE, "Changing working directory to /"); // the copy started in /
			}
			RuleSet rules = RuleSet.load(Paths.get(""), options.conf, options.bufsize, options.secVersion, perl, log::log);
			if (options.testonly) {
				return rules.valid() ? 0 : 1;
			}
			int status = new EventLoop(options, rules, clock, log, out, daemon).run();
			daemon.failed();
			return status;
		} catch (org.sec.engine.perl.PerlExit e) {
			out.flush(); // perl's exit flushes STDOUT
			return e.status();
		} catch (IOException e) {
			err.println("Can't open logfile " + options.log + " (" + e.getMessage() + ")");
			return 1;
		}
	}

	/** Set by bin/jsec once it has applied --user, --group and --umask. */
	static final String IDENTITY_SET = "JSEC_IDENTITY_SET";

	/** Perl's -t STDERR: fd 2 is a terminal (System.console() asks about stdin and stdout instead). */
	private static boolean stderrIsTerminal() {
		try {
			Path target = Files.readSymbolicLink(Paths.get("/proc/self/fd/2"));
			String t = target.toString();
			return t.startsWith("/dev/pts/") || t.startsWith("/dev/tty") || t.equals("/dev/console");
		} catch (IOException | UnsupportedOperationException e) {
			return System.console() != null;
		}
	}

	static String usage(SecVersion version) {
		return """
				Usage: jsec [options]

				Options (as sec %s):
				  --conf=<file pattern> ...
				  --input=<file pattern>[=<context>] ...
				  --input-timeout=<input timeout>
				  --timeout-script=<timeout script>
				  --reopen-timeout=<reopen timeout>
				  --check-timeout=<check timeout>
				  --poll-timeout=<poll timeout>
				  --socket-timeout=<socket timeout>
				  --blocksize=<io block size>
				  --bufsize=<input buffer size>
				  --evstoresize=<event store size>
				  --cleantime=<clean time>
				  --log=<logfile>
				  --syslog=<facility>
				  --debug=<debuglevel>
				  --pid=<pidfile>
				  --dump=<dumpfile>
				  --user=<username>
				  --group=<groupname> ...
				  --umask=<mode>
				  --ruleperf, --noruleperf
				  --dumpfts, --nodumpfts
				  --dumpfjson, --nodumpfjson
				  --quoting, --noquoting
				  --tail, --notail
				  --fromstart, --nofromstart
				  --detach, --nodetach
				  --jointbuf, --nojointbuf
				  --keepopen, --nokeepopen
				  --rwfifo, --norwfifo
				  --childterm, --nochildterm
				  --intevents, --nointevents
				  --intcontexts, --nointcontexts
				  --testonly, --notestonly
				  --help, -?
				  --version

				jsec's own:
				  --sec-version=<%s> (default: the newest sec on the PATH, else %s)
				  --state-file=<file> (restore contexts, operations and variables at start-up,
				    save them on exit; Perl variables of the rules' code are not saved)
				  --state-interval=<seconds> (with --state-file, also save every so many seconds)
				""".formatted(version.text(), SecVersion.known().replace(", ", "|"), SecVersion.NEWEST.text());
	}
}

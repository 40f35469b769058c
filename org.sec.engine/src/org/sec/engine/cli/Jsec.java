package org.sec.engine.cli;

import java.io.PrintStream;

import org.sec.engine.api.SecVersion;

/**
 * Command-line entry point of jsec, the Java drop-in for sec. sec's options are parsed
 * by Getopt::Long with sec-specific messages, so this front end is hand-written to match
 * them instead of using a general option library.
 */
public final class Jsec {

	static final String VERSION_TEXT = "jsec (SEC Workbench engine), emulating SEC (Simple Event Correlator) "
			+ SecVersion.EMULATED_SEC_VERSION;

	private Jsec() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		for (String arg : args) {
			switch (arg) {
			case "--help", "-help", "-?", "--?":
				out.print(usage());
				return 0;
			case "--version", "-version":
				out.println(VERSION_TEXT);
				return 0;
			default:
				break;
			}
		}
		err.println("jsec: the rule engine is not implemented yet; only --help and --version work in this build.");
		return 2;
	}

	static String usage() {
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
				""".formatted(SecVersion.EMULATED_SEC_VERSION);
	}
}

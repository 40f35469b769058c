package org.sec.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.sec.engine.api.Clock;
import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.Signal;
import org.sec.engine.dump.InputSourceView;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.runtime.Engine;

/**
 * sec's main program after read_config (L14541-14616) and its main_loop (L14098), in tail
 * and --notail mode alike: inputs opened, daemonized with --detach, pid file, signal
 * handlers, SEC_STARTUP; then per iteration the children polled, one event taken
 * (synthetic events first, then the read buffer, then a read round), process_lists once
 * per --cleantime, and the signals checked.
 */
final class EventLoop {

	private final SecOptions options;
	private final RuleSet rules;
	private final Clock clock;
	private final SecLog log;
	private final PrintStream out;
	/** The buffer under jsec's own stdout, asked whether an event wrote anything to flush; null for a caller's stream. */
	private PendingOutput stdoutPending;
	private final Daemon daemon;

	EventLoop(SecOptions options, RuleSet rules, Clock clock, SecLog log, PrintStream out, Daemon daemon) {
		this.options = options;
		this.rules = rules;
		this.clock = clock;
		this.log = log;
		this.out = out;
		this.daemon = daemon;
	}

	/** set_bufsize_option's message, after each read_config (start, SIGHUP, SIGABRT). */
	static RuleSet sayBufsize(RuleSet rules, SecOptions options, SecLog log) {
		if (options.bufsize == 0) {
			log.log(SecLog.Level.DEBUG, "No --bufsize command line option or --bufsize=0, setting --bufsize to "
					+ Engine.bufsizeFor(rules.files()));
		}
		return rules;
	}

	int run() throws IOException {
		sayBufsize(rules, options, log);
		InputSources inputs = new InputSources(options, log, clock::nowSeconds, Paths.get(""));
		boolean intcontexts = options.intcontexts || inputs.contextGiven();
		inputs.openInput(options.fromstart ? 0 : options.tail ? -1 : 0, false);
		if (options.detach) {
			if (inputs.readsStdin()) {
				log.log(SecLog.Level.CRIT, "Can't become a daemon (stdin is specified as input), exiting!");
				return 1;
			}
			daemon.detached(log);
		}
		if (options.pid != null) {
			try {
				Files.writeString(Paths.get(options.pid), ProcessHandle.current().pid() + "\n");
			} catch (IOException e) {
				log.log(SecLog.Level.CRIT, "Can't open pidfile " + options.pid + " for writing ("
						+ InputSources.reason(e) + "), exiting!");
				return 1;
			}
		}
		daemon.ready();
		installSignalHandlers();

		PendingOutput pending = out != System.out ? null
				: new PendingOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16);
		PrintStream stdout = pending == null ? out : new PrintStream(pending, false, StandardCharsets.ISO_8859_1);
		this.stdoutPending = pending;
		try {
			return run(inputs, intcontexts, stdout);
		} catch (org.sec.engine.perl.PerlExit e) {
			stdout.flush(); // perl's exit flushes STDOUT
			throw e;
		}
	}

	private int run(InputSources inputs, boolean intcontexts, PrintStream stdout) throws IOException {
		StateFileStore stateFile = options.stateFile == null ? null : new StateFileStore(options.stateFile, log);
		String savedState = stateFile == null ? null : stateFile.read();
		SecEngine engine;
		try {
			engine = SecEngine.start(rules, options.withIntcontexts(intcontexts), clock, stdout, log,
					org.sec.engine.api.EngineListener.NONE, org.sec.engine.api.SideEffects.ALLOW,
					new RestartingInputs(inputs, options.keepopen), savedState);
		} catch (org.sec.engine.api.StateException e) {
			log.log(SecLog.Level.CRIT, "Can't restore state from " + stateFile.path() + ": " + e.getMessage()
					+ ", exiting!");
			return 1;
		}
		if (stateFile != null && savedState != null) {
			log.log(SecLog.Level.NOTICE, "State restored from " + stateFile.path());
		}
		if (stateFile != null && engine.usesPerlCode()) {
			log.log(SecLog.Level.WARN, "The rules run Perl code: what that code keeps in its own Perl variables is not "
					+ "saved in " + stateFile.path());
		}
		try {
			loop(engine, inputs, intcontexts, stdout, stateFile);
		} catch (org.sec.engine.perl.PerlExit e) {
			engine.close(); // and closes the files
			throw e;
		}
		return 0;
	}

	/** main_loop (L14098) until the inputs end (--notail) or TERM, then sec's exit. */
	private void loop(SecEngine engine, InputSources inputs, boolean intcontexts, PrintStream stdout,
			StateFileStore stateFile) {
		engine.setChildterm(options.childterm);
		engine.setChildrenShareStdin(true);
		inputs.setCommandRunner(engine::execCommand);
		engine.setReloader(() -> sayBufsize(
				RuleSet.load(Paths.get(""), options.conf, options.bufsize, options.secVersion, rules.perl(), log::log), options,
				log));
		engine.setSoftReloader(running -> sayBufsize(
				running.softReload(Paths.get(""), options.conf, options.bufsize, log::log), options, log));
		long startTime = clock.nowSeconds();
		String commandLine = String.join(" ", options.arguments);
		engine.setDumpHandler(snapshot -> writeDump(snapshot, startTime, commandLine, inputs.views(intcontexts)));

		long pollMillis = Math.round(options.pollTimeout * 1000);
		long stateSaved = clock.nowSeconds();
		while (true) {
			boolean childData = engine.checkChildren();
			if (engine.hasSyntheticEvents()) {
				engine.processSyntheticEvent();
			} else {
				InputSources.Line line = inputs.hasBufferedLine() ? inputs.nextBuffered() : inputs.readLine();
				if (line != null) {
					engine.processInput(line.text(), line.file(), inputs.contextOf(line.file()));
					inputs.processed(line.file());
				} else if (!inputs.newData()) {
					if (!options.tail && inputs.allClosed()) {
						break;
					}
					engine.flush(); // stdout and the output files
					if (!childData) {
						sleep(pollMillis);
					}
				}
			}
			takeRealSignals(engine);
			engine.endOfIteration();
			// sec writes with syswrite: what an event wrote is out before the next one, so a
			// kill -9 loses nothing that was written (one syscall, and only when it wrote)
			if (stdoutPending == null || stdoutPending.hasPending()) {
				stdout.flush();
			}
			if (engine.terminationRequested()) {
				break;
			}
			if (stateFile != null && options.stateInterval > 0 && clock.nowSeconds() - stateSaved >= options.stateInterval) {
				stateFile.save(engine);
				stateSaved = clock.nowSeconds();
			}
		}
		engine.exit();
		if (stateFile != null) {
			stateFile.save(engine); // after SEC_SHUTDOWN, as FAQ Q15's Storable recipe saves in its SEC_SHUTDOWN rule
		}
		stdout.flush();
		inputs.closeAll();
	}

	private static void sleep(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The engine reopens the inputs on restarts through this (open_input(-1) and open_input(-1, keepopen)). */
	private record RestartingInputs(InputSources inputs, boolean keepopen) implements org.sec.engine.api.InputControl {
		@Override
		public void addInput(String file, String offset, String context) {
			inputs.addInput(file, offset, context);
		}

		@Override
		public void dropInput(String file) {
			inputs.dropInput(file);
		}

		@Override
		public void reopenInputs(boolean softRestart) {
			if (!softRestart) {
				inputs.forgetDynamicInputs();
			}
			inputs.openInput(-1, softRestart && keepopen);
		}
	}

	/** sec's dump_data: refuses to overwrite an existing file. */
	private void writeDump(EngineSnapshot snapshot, long startTime, String commandLine, List<InputSourceView> inputViews) {
		String name = options.dumpfts ? options.dump + "." + snapshot.time() : options.dump;
		Path path = Paths.get(name);
		if (Files.exists(path)) {
			log.log(SecLog.Level.WARN, "Can't write to dumpfile: " + name + " exists");
			return;
		}
		try {
			String text = options.dumpfjson ? org.sec.engine.dump.JsonDump.render(snapshot, startTime, commandLine, inputViews)
					: org.sec.engine.dump.TextDump.render(snapshot, clock.zone(), startTime, commandLine, inputViews);
			// JSON is UTF-8; the text dump keeps sec's bytes
			Files.writeString(path, text, options.dumpfjson ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
			log.log(SecLog.Level.DEBUG, "Dump to " + name + " completed");
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Can't open dumpfile " + name + " (" + e.getMessage() + ")");
		}
	}

	/** A buffered stream that tells whether bytes wait in its buffer, so an event that wrote nothing costs no flush. */
	private static final class PendingOutput extends java.io.BufferedOutputStream {
		PendingOutput(java.io.OutputStream out, int size) {
			super(out, size);
		}

		boolean hasPending() {
			return count > 0;
		}
	}

	// ------------------------------------------------------------------ signals

	/** Signals that arrived, counted per kind; the main thread takes them between events. */
	private static final java.util.concurrent.atomic.AtomicIntegerArray arrived = new java.util.concurrent.atomic.AtomicIntegerArray(
			Signal.values().length);
	/** Raised with every arrival: the loop asks this one volatile field per event, not every kind's counter. */
	private static volatile boolean anyArrived;
	private static final Signal[] SIGNALS = Signal.values();

	private static void takeRealSignals(SecEngine engine) {
		if (!anyArrived) {
			return;
		}
		anyArrived = false; // before the counters are taken: a signal arriving meanwhile raises it again
		for (Signal s : SIGNALS) {
			int n = arrived.getAndSet(s.ordinal(), 0);
			for (int i = 0; i < n; i++) {
				engine.raise(s);
			}
		}
	}

	/**
	 * The handlers sec sets (L14555-14581), in every mode: HUP, ABRT, USR1, USR2, TERM, and
	 * INT unless the process runs in a terminal's foreground. The launcher moves HotSpot's
	 * own use of SIGUSR2 to another signal (_JAVA_SR_SIGNUM), so USR2 is ours to take.
	 */
	private void installSignalHandlers() {
		for (Signal s : List.of(Signal.HUP, Signal.ABRT, Signal.USR1, Signal.USR2,
				Signal.TERM)) {
			handle(s);
		}
		if (!options.detach && interactive()) {
			log.log(SecLog.Level.NOTICE, "Interactive process, SIGINT can't be used for changing the logging level");
		} else {
			handle(Signal.INT);
		}
	}

	/** override_sigint's test, simplified: a process with a controlling terminal is interactive. */
	private static boolean interactive() {
		try (java.io.FileInputStream tty = new java.io.FileInputStream("/dev/tty")) {
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	/** sun.misc.Signal through reflection, as the bundle does not import jdk.unsupported. */
	private static void handle(Signal s) {
		try {
			Class<?> signalClass = Class.forName("sun.misc.Signal");
			Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
			Object handler = java.lang.reflect.Proxy.newProxyInstance(handlerClass.getClassLoader(),
					new Class<?>[] { handlerClass }, (proxy, method, args) -> {
						if (method.getName().equals("handle")) {
							arrived.incrementAndGet(s.ordinal());
							anyArrived = true;
						}
						return null;
					});
			Object signal = signalClass.getConstructor(String.class).newInstance(s.name());
			signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
		} catch (ReflectiveOperationException | RuntimeException e) {
			// the JVM keeps this signal (e.g. HUP stays ignored under nohup)
		}
	}
}

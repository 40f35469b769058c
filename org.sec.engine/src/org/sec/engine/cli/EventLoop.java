package org.sec.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.ActionListParser;
import org.sec.engine.api.Clock;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.api.SecEngine;

/**
 * sec's main loop (main_loop L14098) for --notail runs: synthetic events first, then one
 * line per input in sorted name order, process_lists once per --cleantime, and exit at
 * the end of all inputs without firing pending timers (inventory §10).
 */
final class EventLoop {

	private static final Pattern INPUT_CONTEXT = Pattern.compile("^(.+)=(\\S+)$");

	private final SecOptions options;
	private final RuleSet rules;
	private final Clock clock;
	private final SecLog log;
	private final PrintStream out;

	EventLoop(SecOptions options, RuleSet rules, Clock clock, SecLog log, PrintStream out) {
		this.options = options;
		this.rules = rules;
		this.clock = clock;
		this.log = log;
		this.out = out;
	}

	int run() throws IOException {
		boolean intcontexts = options.intcontexts;
		Inputs inputs = new Inputs(options.tail, options.fromstart, log, options.inputTimeout, options.timeoutScript,
				clock::nowSeconds);
		for (String spec : options.input) {
			String pattern = spec;
			String context = null;
			Matcher m = INPUT_CONTEXT.matcher(spec);
			if (m.matches()) {
				pattern = m.group(1);
				context = m.group(2);
				intcontexts = true;
			}
			for (String name : pattern.equals("-") ? List.of("-") : RuleSet.globFiles(pattern)) {
				inputs.addConfigured(name,
						context != null ? context : ActionListParser.FILE_EVENT_CONTEXT_PREFIX + name);
			}
		}
		PrintStream stdout = new PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(
				java.io.FileDescriptor.out), 1 << 16), false, java.nio.charset.StandardCharsets.ISO_8859_1);
		if (out != System.out) {
			stdout = out;
		}
		SecEngine engine = SecEngine.start(rules, new SecEngine.Settings(options.bufsize, options.jointbuf,
				options.intevents, intcontexts, options.evstoresize, options.quoting, options.cleantime), clock, stdout,
				log);
		engine.setInputControl(inputs);
		engine.setReloader(
				() -> RuleSet.load(java.nio.file.Paths.get(""), options.conf, options.bufsize, rules.perl(), log::log));
		engine.setSoftReloader(
				running -> running.softReload(java.nio.file.Paths.get(""), options.conf, options.bufsize, log::log));
		long startTime = clock.nowSeconds();
		String commandLine = String.join(" ", options.arguments);
		boolean contextsOn = intcontexts;
		engine.setDumpHandler(snapshot -> writeDump(snapshot, startTime, commandLine, inputs.views(contextsOn)));
		if (options.tail) {
			installSignalHandlers();
		}
		long pollMillis = Math.max(1, Math.round(options.pollTimeout * 1000));
		while (!engine.terminationRequested() && !terminateSignal) {
			if (dumpSignal) {
				dumpSignal = false;
				engine.dump();
			}
			if (hupSignal) {
				hupSignal = false;
				engine.restart();
			}
			if (abrtSignal) {
				abrtSignal = false;
				engine.softRestart();
			}
			int ints = intSignals.getAndSet(0);
			if (ints > 0) {
				log.stepDebugLevel(ints);
			}
			String[] line = inputs.next();
			if (line != null) {
				engine.processLine(line[0], line[1], line[2]);
				continue;
			}
			if (!options.tail && inputs.exhausted()) {
				break;
			}
			engine.tick();
			engine.flush();
			if (options.tail) {
				try {
					Thread.sleep(pollMillis);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		engine.shutdown();
		stdout.flush();
		return 0;
	}

	/** Set by the TERM signal handler; the loop stops after the current event. */
	private static volatile boolean terminateSignal;

	private static volatile boolean dumpSignal;
	private static volatile boolean hupSignal;
	private static volatile boolean abrtSignal;
	private static final java.util.concurrent.atomic.AtomicInteger intSignals = new java.util.concurrent.atomic.AtomicInteger();

	/** sec's dump_data: refuses to overwrite an existing file. */
	private void writeDump(org.sec.engine.api.EngineSnapshot snapshot, long startTime, String commandLine,
			java.util.List<org.sec.engine.dump.InputSourceView> inputViews) {
		String name = options.dumpfts ? options.dump + "." + snapshot.time() : options.dump;
		java.nio.file.Path path = java.nio.file.Paths.get(name);
		if (java.nio.file.Files.exists(path)) {
			log.log(SecLog.Level.WARN, "Can't write to dumpfile: " + name + " exists");
			return;
		}
		try {
			String text = options.dumpfjson ? org.sec.engine.dump.JsonDump.render(snapshot, startTime, commandLine, inputViews)
					: org.sec.engine.dump.TextDump.render(snapshot, startTime, commandLine, inputViews);
			// JSON is UTF-8; the text dump keeps sec's bytes
			java.nio.file.Files.writeString(path, text, options.dumpfjson ? java.nio.charset.StandardCharsets.UTF_8
					: java.nio.charset.StandardCharsets.ISO_8859_1);
			log.log(SecLog.Level.DEBUG, "Dump to " + name + " completed");
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Can't open dumpfile " + name + " (" + e.getMessage() + ")");
		}
	}

	/**
	 * sun.misc.Signal through reflection: TERM ends the loop cleanly, USR1 dumps, HUP
	 * restarts, ABRT restarts softly and INT steps the debug level, as in sec.
	 */
	private void installSignalHandlers() {
		handle("TERM", () -> terminateSignal = true);
		handle("USR1", () -> dumpSignal = true);
		handle("HUP", () -> hupSignal = true);
		handle("ABRT", () -> abrtSignal = true);
		if (interactive()) {
			log.log(SecLog.Level.NOTICE, "Interactive process, SIGINT can't be used for changing the logging level");
		} else {
			handle("INT", intSignals::incrementAndGet);
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

	private static void handle(String name, Runnable action) {
		try {
			Class<?> signalClass = Class.forName("sun.misc.Signal");
			Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
			Object handler = java.lang.reflect.Proxy.newProxyInstance(handlerClass.getClassLoader(),
					new Class<?>[] { handlerClass }, (proxy, method, args) -> {
						if (method.getName().equals("handle")) {
							action.run();
						}
						return null;
					});
			Object signal = signalClass.getConstructor(String.class).newInstance(name);
			signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
		} catch (ReflectiveOperationException | RuntimeException e) {
			// without the handler the JVM's default handling applies
		}
	}
}

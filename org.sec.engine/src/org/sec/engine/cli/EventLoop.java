package org.sec.engine.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.api.Clock;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.api.SecEngine;
import org.sec.engine.runtime.LineInput;

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
		List<String> perl = new ArrayList<>();
		rules.files().forEach(f -> f.rules().forEach(r -> {
			for (String feature : r.perlFeatures()) {
				perl.add("Rule in " + r.file() + " at line " + r.line() + ": " + feature
						+ " needs the Perl bridge, which jsec does not have yet");
			}
		}));
		perl.forEach(m -> log.log(SecLog.Level.ERR, m));

		boolean intcontexts = options.intcontexts;
		Map<String, LineInput> inputs = new TreeMap<>();
		for (String spec : options.input) {
			String pattern = spec;
			String context = null;
			Matcher m = INPUT_CONTEXT.matcher(spec);
			if (m.matches()) {
				pattern = m.group(1);
				context = m.group(2);
				intcontexts = true;
			}
			for (String name : pattern.equals("-") ? List.of("-") : globInputs(pattern)) {
				String ctx = context != null ? context : "_FILE_EVENT_" + name;
				try {
					inputs.put(name, new LineInput(name, ctx, name.equals("-") ? System.in : new FileInputStream(name)));
				} catch (IOException e) {
					log.log(SecLog.Level.ERR, "Can't open input file " + name + " (" + e.getMessage() + ")");
				}
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
		if (options.tail) {
			follow(engine);
			engine.flush();
			return 0;
		}
		List<LineInput> open = new ArrayList<>(inputs.values());
		int next = 0;
		while (!open.isEmpty() && !engine.terminationRequested()) {
			next %= open.size();
			LineInput source = open.get(next);
			String line = source.readLine();
			if (line == null) {
				open.remove(next);
				continue;
			}
			next++;
			engine.processLine(line, source.name(), source.internalContext());
		}
		engine.shutdown();
		stdout.flush();
		return 0;
	}

	/** Set by the TERM signal handler; the loop stops after the current event. */
	private static volatile boolean terminateSignal;

	/**
	 * Tail mode: follow every input until TERM. stdin is read by a thread; files are
	 * polled every --poll-timeout seconds when no input has data.
	 */
	private void follow(SecEngine engine) throws IOException {
		installTermHandler();
		List<org.sec.engine.runtime.TailInput> files = new ArrayList<>();
		java.util.concurrent.BlockingQueue<String> stdinLines = null;
		for (String spec : options.input) {
			String pattern = spec;
			String context = null;
			Matcher m = INPUT_CONTEXT.matcher(spec);
			if (m.matches()) {
				pattern = m.group(1);
				context = m.group(2);
			}
			if (pattern.equals("-")) {
				stdinLines = new java.util.concurrent.LinkedBlockingQueue<>();
				startStdinReader(stdinLines);
				continue;
			}
			for (String name : globInputs(pattern)) {
				files.add(new org.sec.engine.runtime.TailInput(name, java.nio.file.Paths.get(name),
						context != null ? context : "_FILE_EVENT_" + name, options.fromstart));
			}
		}
		files.sort(java.util.Comparator.comparing(org.sec.engine.runtime.TailInput::name));
		long pollMillis = Math.max(1, Math.round(options.pollTimeout * 1000));
		while (!engine.terminationRequested() && !terminateSignal) {
			boolean any = false;
			for (org.sec.engine.runtime.TailInput in : files) {
				String line = in.poll();
				if (line != null) {
					engine.processLine(line, in.name(), in.internalContext());
					any = true;
				}
			}
			if (stdinLines != null) {
				String line = stdinLines.poll();
				if (line != null && line != STDIN_EOF) {
					engine.processLine(line, "-", "_FILE_EVENT_-");
					any = true;
				}
			}
			if (!any) {
				engine.tick();
				engine.flush();
				try {
					Thread.sleep(pollMillis);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		engine.shutdown();
	}

	private static final String STDIN_EOF = new String("EOF");

	private static void startStdinReader(java.util.concurrent.BlockingQueue<String> queue) {
		Thread t = new Thread(() -> {
			try (LineInput in = new LineInput("-", "_FILE_EVENT_-", System.in)) {
				String line;
				while ((line = in.readLine()) != null) {
					queue.add(line);
				}
			} catch (IOException e) {
				// stdin closed
			}
		}, "jsec-stdin");
		t.setDaemon(true);
		t.start();
	}

	/** sun.misc.Signal through reflection: TERM ends the loop cleanly, as sec does. */
	private static void installTermHandler() {
		try {
			Class<?> signalClass = Class.forName("sun.misc.Signal");
			Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
			Object handler = java.lang.reflect.Proxy.newProxyInstance(handlerClass.getClassLoader(),
					new Class<?>[] { handlerClass }, (proxy, method, args) -> {
						if (method.getName().equals("handle")) {
							terminateSignal = true;
						}
						return null;
					});
			Object term = signalClass.getConstructor(String.class).newInstance("TERM");
			signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, term, handler);
		} catch (ReflectiveOperationException | RuntimeException e) {
			// without the handler the JVM's default TERM handling applies
		}
	}

	private static List<String> globInputs(String pattern) {
		List<String> names = new ArrayList<>();
		for (String word : pattern.trim().split("\\s+")) {
			if (word.indexOf('*') < 0 && word.indexOf('?') < 0 && word.indexOf('[') < 0) {
				names.add(word);
			} else {
				names.addAll(RuleSet.globFiles(word));
			}
		}
		return names;
	}
}

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

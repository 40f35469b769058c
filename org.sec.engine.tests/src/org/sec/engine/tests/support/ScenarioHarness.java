package org.sec.engine.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.sec.engine.action.ActionListParser;
import org.sec.engine.api.Clock;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SecVersion;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.scenario.Scenario;

/**
 * A golden scenario through the engine alone, in-process, on a manual clock stepped as
 * shared/tools/sec-scenario steps sec's: each second its timers, then its lines (from
 * standard input), and what the engine wrote in that second, until the scenario's end.
 * The transcript is "second TAB line", as sec-scenario records it.
 */
public final class ScenarioHarness {

	/** Real time a started command may take before the clock moves on. */
	private static final long CHILD_WAIT_MILLIS = 5000;

	private long now;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final List<String> transcript = new ArrayList<>();
	private long start;

	private ScenarioHarness() {
	}

	/** The transcript of scenario {@code name} ({@code dir}/NAME.scn on NAME.rules), the engine behaving as {@code version}. */
	public static List<String> transcript(Path dir, String name, SecVersion version) throws IOException {
		return new ScenarioHarness().run(dir, name, version);
	}

	private List<String> run(Path dir, String name, SecVersion version) throws IOException {
		Scenario scenario = Scenario.parse(GoldenFiles.read(dir.resolve(name + ".scn")));
		SecOptions parsed = SecOptions.parse(scenario.secOptions().toArray(new String[0]), System.err);
		List<String> conf = new ArrayList<>(List.of(name + ".rules"));
		conf.addAll(parsed.conf);
		SecOptions options = parsed.withSecVersion(version);
		RuleSet rules = RuleSet.load(dir, conf, 0, version, null, d -> {
		});
		start = scenario.startEpochSeconds();
		now = start;
		Clock clock = Clock.of(() -> now, java.time.ZoneId.of("UTC"));
		SecLog log = new SecLog(clock, 1, null, null);
		SecEngine engine = SecEngine.start(rules, options, clock, new PrintStream(out, false, StandardCharsets.ISO_8859_1),
				log);
		engine.setReloader(() -> RuleSet.load(dir, conf, 0, version, null, d -> {
		}));
		engine.setSoftReloader(running -> running.softReload(dir, conf, 0, d -> {
		}));
		long end = start + scenario.endOffset();
		int next = 0;
		List<Scenario.Event> events = scenario.events();
		while (true) {
			engine.tick();
			engine.settleChildren(CHILD_WAIT_MILLIS);
			if (stopped(engine)) {
				return transcript;
			}
			while (next < events.size() && start + events.get(next).offset() <= now) {
				engine.processLine(events.get(next++).line(), "-", ActionListParser.FILE_EVENT_CONTEXT_PREFIX + "-");
				if (stopped(engine)) {
					return transcript;
				}
			}
			engine.settleChildren(CHILD_WAIT_MILLIS);
			collect(engine);
			if (next >= events.size() && now >= end) {
				engine.shutdown();
				collect(engine);
				return transcript;
			}
			now++;
		}
	}

	private boolean stopped(SecEngine engine) {
		if (!engine.terminationRequested()) {
			return false;
		}
		collect(engine);
		engine.shutdown();
		collect(engine);
		return true;
	}

	private void collect(SecEngine engine) {
		engine.flush();
		String text = out.toString(StandardCharsets.ISO_8859_1);
		out.reset();
		if (text.isEmpty()) {
			return;
		}
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i == lines.length - 1 && lines[i].isEmpty()) {
				break;
			}
			transcript.add((now - start) + "\t" + lines[i]);
		}
	}
}

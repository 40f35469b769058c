package org.sec.simulator.scenario;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.sec.engine.action.ActionListParser;
import org.sec.engine.api.SecEngine;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.clock.VirtualClock;

/**
 * Replays a scenario second by second on a {@link VirtualClock}, as sec-scenario drives
 * the real sec: for each second, first the timers of that second (sec's idle main-loop
 * pass), then that second's input lines in order. Output lines are stamped with the
 * second in which they were written, giving the same transcript format.
 */
public final class ScenarioRunner {

	/** One transcript line: the scenario second and the line written to stdout. */
	public record Line(long second, String text) {
		@Override
		public String toString() {
			return second + "\t" + text;
		}
	}

	/** Real time a started command may take before the replay moves on. */
	private static final long CHILD_WAIT_MILLIS = 5000;

	private ScenarioRunner() {
	}

	public static List<Line> run(RuleSet rules, Scenario scenario, SecEngine.Settings settings, SecLog log) {
		return run(rules, scenario, settings, log, null);
	}

	/** @param reloader reads the rules again on SIGHUP (sigemul HUP), or null */
	public static List<Line> run(RuleSet rules, Scenario scenario, SecEngine.Settings settings, SecLog log,
			java.util.function.Supplier<RuleSet> reloader) {
		VirtualClock clock = new VirtualClock(scenario.startEpochSeconds());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, false, StandardCharsets.ISO_8859_1);
		List<Line> transcript = new ArrayList<>();
		SecEngine engine = SecEngine.start(rules, settings, clock, out, log);
		if (reloader != null) {
			engine.setReloader(reloader);
		}
		int next = 0;
		List<Scenario.Event> events = scenario.events();
		for (long s = 0; s <= scenario.endOffset() && !engine.terminationRequested(); s++) {
			clock.advanceTo(scenario.startEpochSeconds() + s);
			engine.tick();
			engine.settleChildren(CHILD_WAIT_MILLIS);
			while (next < events.size() && events.get(next).offset() <= s && !engine.terminationRequested()) {
				engine.processLine(events.get(next).line(), "-", ActionListParser.FILE_EVENT_CONTEXT_PREFIX + "-");
				next++;
			}
			// commands started this second finish within it, as they do under sec-scenario
			engine.settleChildren(CHILD_WAIT_MILLIS);
			engine.flush();
			collect(bytes, s, transcript);
		}
		long last = Math.min(scenario.endOffset(), clock.nowSeconds() - scenario.startEpochSeconds());
		engine.shutdown();
		engine.flush();
		collect(bytes, last, transcript);
		return transcript;
	}

	private static void collect(ByteArrayOutputStream bytes, long second, List<Line> transcript) {
		if (bytes.size() == 0) {
			return;
		}
		String text = bytes.toString(StandardCharsets.ISO_8859_1);
		bytes.reset();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i == lines.length - 1 && lines[i].isEmpty()) {
				break;
			}
			transcript.add(new Line(second, lines[i]));
		}
	}
}

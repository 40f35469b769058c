package org.sec.simulator.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.sec.engine.api.SecOptions;
import org.sec.engine.scenario.Scenario;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;

/**
 * Replays a scenario as sec-scenario drives the real sec (see {@link Replay}), with
 * commands and file writes allowed as they are under sec, and returns the transcript:
 * each output line stamped with the scenario second in which it was written.
 */
public final class ScenarioRunner {

	/** One transcript line: the scenario second and the line written to stdout. */
	public record Line(long second, String text) {
		@Override
		public String toString() {
			return second + "\t" + text;
		}
	}

	private ScenarioRunner() {
	}

	public static List<Line> run(RuleSet rules, Scenario scenario, SecOptions settings, SecLog log) {
		return run(rules, scenario, settings, log, null);
	}

	/** @param reloader reads the rules again on SIGHUP (sigemul HUP), or null */
	public static List<Line> run(RuleSet rules, Scenario scenario, SecOptions settings, SecLog log,
			java.util.function.Supplier<RuleSet> reloader) {
		return run(rules, scenario, settings, log, reloader, null);
	}

	/**
	 * @param reloader     reads the rules again on SIGHUP (sigemul HUP), or null
	 * @param softReloader reads new and changed rule files on SIGABRT (sigemul ABRT), or null
	 */
	public static List<Line> run(RuleSet rules, Scenario scenario, SecOptions settings, SecLog log,
			java.util.function.Supplier<RuleSet> reloader, java.util.function.UnaryOperator<RuleSet> softReloader) {
		return run(rules, scenario, settings, log, reloader, softReloader, false);
	}

	/**
	 * @param roundTripState after every second's timers and every line, the engine's state is
	 *                       saved and a new engine goes on from it (the proof that a state
	 *                       holds everything: the transcript must not change)
	 */
	public static List<Line> run(RuleSet rules, Scenario scenario, SecOptions settings, SecLog log,
			java.util.function.Supplier<RuleSet> reloader, java.util.function.UnaryOperator<RuleSet> softReloader,
			boolean roundTripState) {
		// sec-scenario runs the real sec: commands and writes happen
		Replay.Options options = new Replay.Options(settings, SideEffects.ALLOW, OptionalLong.empty());
		try (Replay replay = Replay.start(rules, ReplaySource.of(scenario), options, log)) {
			if (reloader != null) {
				replay.setReloader(reloader);
			}
			if (softReloader != null) {
				replay.setSoftReloader(softReloader);
			}
			if (roundTripState) {
				replay.afterEachStep(() -> {
					try {
						replay.continueFromState(replay.saveState());
					} catch (org.sec.engine.api.StateException e) {
						throw new IllegalStateException("a state just saved does not restore: " + e.getMessage(), e);
					}
				});
			}
			replay.run();
			List<Line> transcript = new ArrayList<>();
			for (Replay.TranscriptLine t : replay.transcript()) {
				transcript.add(new Line(t.second() - scenario.startEpochSeconds(), t.text()));
			}
			return transcript;
		}
	}
}

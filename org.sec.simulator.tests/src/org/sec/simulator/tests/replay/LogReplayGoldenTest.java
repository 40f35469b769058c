package org.sec.simulator.tests.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sec.engine.tests.support.Transcripts.bySecond;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;
import org.sec.simulator.time.LineClock;
import org.sec.simulator.time.TimestampFormat;

/**
 * A replay of a real log, timed by its own syslog timestamps, against the real sec on
 * the same timeline. golden/replays/NAME.scn was derived from NAME.log by
 * scripts/log-to-scenario.py (an independent reading of the timestamps), and
 * NAME.transcript is what sec 2.9.1 wrote under sec-scenario for it.
 */
class LogReplayGoldenTest {

	private static Path dir() {
		return GoldenFiles.moduleDir().resolve("golden/replays");
	}

	static Stream<String> logs() throws IOException {
		try (Stream<Path> list = Files.list(dir())) {
			List<String> names = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log"))
					.map(n -> n.substring(0, n.length() - 4)).sorted().toList();
			assertFalse(names.isEmpty());
			return names.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("logs")
	void replayOfTheLogEqualsSecOnTheSameTimeline(String name) throws IOException {
		Scenario scenario = Scenario.parse(GoldenFiles.read(dir().resolve(name + ".scn")));
		RuleSet rules = RuleSet.load(dir(), List.of(name + ".rules"), 0, d -> {
		});
		ReplaySource source = ReplaySource.of(dir().resolve(name + ".log"),
				LineClock.of(TimestampFormat.syslog(ZoneOffset.UTC, 2024)));
		assertEquals(scenario.startEpochSeconds(), source.start());
		Replay.Options options = new Replay.Options(SecOptions.defaults(), SideEffects.RECORD_ONLY,
				OptionalLong.of(scenario.startEpochSeconds() + scenario.endOffset()));
		try (Replay replay = Replay.start(rules, source, options, new SecLog(() -> 0, 1, null, null))) {
			replay.run();
			List<String> ours = replay.transcript().stream()
					.map(t -> (t.second() - scenario.startEpochSeconds()) + "\t" + t.text()).toList();
			List<String> golden = List.of(GoldenFiles.read(dir().resolve(name + ".transcript")).split("\n"));
			assertEquals(bySecond(golden), bySecond(ours));
		}
	}

	@ParameterizedTest(name = "scenario of {0} is what log-to-scenario.py derives")
	@MethodSource("logs")
	void scenarioIsDerivedFromTheLog(String name) throws Exception {
		Path script = GoldenFiles.repositoryDir().resolve("scripts/log-to-scenario.py");
		String scenario = GoldenFiles.read(dir().resolve(name + ".scn"));
		String end = scenario.substring(scenario.lastIndexOf("@end ") + 5).strip();
		String lastOffset = scenario.lines().filter(l -> l.matches("\\d+ .*")).reduce((a, b) -> b).orElseThrow()
				.split(" ")[0];
		String tail = Long.toString(Long.parseLong(end) - Long.parseLong(lastOffset));
		String derived = GoldenFiles.run(dir(), List.of("python3", script.toString(), name + ".log", "2024", tail));
		assertEquals(scenario, derived);
	}

	@ParameterizedTest(name = "live sec still writes golden {0}")
	@MethodSource("logs")
	void goldenMatchesLiveSec(String name) throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; golden file not re-checked");
		Path tmp = Files.createTempDirectory("replay");
		for (String ext : List.of(".rules", ".scn")) {
			Files.copy(dir().resolve(name + ext), tmp.resolve(name + ext));
		}
		Path script = GoldenFiles.repositoryDir().resolve("scripts/sec-scenario-golden.sh");
		GoldenFiles.run(tmp, List.of("bash", script.toString(), tmp.resolve(name).toString()));
		assertEquals(bySecond(List.of(GoldenFiles.read(dir().resolve(name + ".transcript")).split("\n"))),
				bySecond(List.of(GoldenFiles.read(tmp.resolve(name + ".transcript")).split("\n"))));
	}
}

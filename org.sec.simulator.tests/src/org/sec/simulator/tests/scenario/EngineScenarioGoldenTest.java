package org.sec.simulator.tests.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.sec.engine.tests.support.Transcripts.bySecond;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.api.SecOptions;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.engine.tests.support.ScenarioGoldens;
import org.sec.engine.scenario.Scenario;
import org.sec.simulator.scenario.ScenarioRunner;

/**
 * The engine on a virtual clock against the real sec on libfaketime's: every scenario in
 * the engine tests' golden/scenarios (NAME.rules, NAME.scn) must give the transcript that
 * scripts/sec-scenario-golden.sh recorded from sec 2.9.1, second by second (see
 * {@link org.sec.engine.tests.support.Transcripts}); those in golden/sec-2.9.4/scenarios
 * were recorded from sec 2.9.4, and the engine runs them as 2.9.4.
 */
class EngineScenarioGoldenTest {

	static Stream<String> scenarios() throws IOException {
		return ScenarioGoldens.names();
	}

	private static Path dir(String qualified) {
		return ScenarioGoldens.dir(qualified);
	}

	private static String base(String qualified) {
		return ScenarioGoldens.base(qualified);
	}

	private static List<String> run(String qualified) throws IOException {
		return run(qualified, false);
	}

	/** The engine's transcript of a scenario; with {@code roundTripState}, saved and restored at every step. */
	static List<String> run(String qualified, boolean roundTripState) throws IOException {
		Path dir = dir(qualified);
		String name = base(qualified);
		org.sec.engine.api.SecVersion version = org.sec.engine.api.SecVersion.parse(GoldenFiles.secVersionOf(qualified));
		Scenario scenario = Scenario.parse(GoldenFiles.read(dir.resolve(name + ".scn")));
		List<String> conf = new ArrayList<>(List.of(name + ".rules"));
		// the scenario's @sec lines reach the engine as jsec's own options do
		SecOptions options = SecOptions
				.parse(scenario.secOptions().toArray(new String[0]), System.err);
		conf.addAll(options.conf);
		SecOptions settings = options.withSecVersion(version);
		RuleSet rules = RuleSet.load(dir, conf, 0, version, null, d -> {
		});
		SecLog log = new SecLog(() -> 0, 1, null, null);
		return ScenarioRunner.run(rules, scenario, settings, log, () -> RuleSet.load(dir, conf, 0, version, null, d -> {
		}), running -> running.softReload(dir, conf, 0, d -> {
		}), roundTripState).stream().map(Object::toString).toList();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void transcriptEqualsSec(String name) throws IOException {
		List<String> golden = ScenarioGoldens.golden(name);
		if (ScenarioGoldens.timingSensitive(name)) {
			// a command's own output arrives when the process scheduler lets it, in sec as in jsec
			assertEquals(ScenarioGoldens.withoutTimes(golden), ScenarioGoldens.withoutTimes(run(name)));
		} else {
			assertEquals(bySecond(golden), bySecond(run(name)));
		}
	}

	@ParameterizedTest(name = "live sec still writes golden {0}")
	@MethodSource("scenarios")
	void goldenMatchesLiveSec(String name) throws Exception {
		String version = GoldenFiles.secVersionOf(name);
		assumeTrue(GoldenFiles.secAvailable(version), "sec " + version + " is not installed; golden file not re-checked");
		Path tmp = Files.createTempDirectory("scenario");
		try (Stream<Path> list = Files.list(dir(name))) {
			for (Path p : list.toList()) {
				if (!p.getFileName().toString().endsWith(".transcript")) {
					Files.copy(p, tmp.resolve(p.getFileName()));
				}
			}
		}
		Path script = GoldenFiles.repositoryDir().resolve("scripts/sec-scenario-golden.sh");
		GoldenFiles.run(tmp, List.of("bash", script.toString(), tmp.resolve(base(name)).toString()),
				GoldenFiles.secEnvironment(version));
		List<String> golden = List.of(GoldenFiles.read(dir(name).resolve(base(name) + ".transcript")).split("\n"));
		List<String> live = List.of(GoldenFiles.read(tmp.resolve(base(name) + ".transcript")).split("\n"));
		if (ScenarioGoldens.timingSensitive(name)) {
			// when sec picks up a child's output depends on process scheduling, and so do the
			// times (%u) written then; the lines themselves must be the same
			assertEquals(ScenarioGoldens.withoutTimes(golden), ScenarioGoldens.withoutTimes(live));
		} else {
			assertEquals(bySecond(golden), bySecond(live));
		}
	}
}

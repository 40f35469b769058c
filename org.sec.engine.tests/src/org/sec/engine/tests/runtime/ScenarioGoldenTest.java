package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sec.engine.tests.support.Transcripts.bySecond;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.tests.support.ScenarioGoldens;
import org.sec.engine.tests.support.ScenarioHarness;

/**
 * The engine alone, in-process on a manual clock ({@link ScenarioHarness}), against the
 * transcripts real sec wrote for every golden scenario, second by second: the behaviour of
 * each part (contexts, operations, rule families, actions, timers) checked next to it,
 * without the simulator. The simulator's EngineScenarioGoldenTest runs the same goldens
 * through its replays.
 */
class ScenarioGoldenTest {

	static Stream<String> scenarios() throws IOException {
		return ScenarioGoldens.names();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void engineWritesWhatSecWrote(String name) throws IOException {
		List<String> golden = ScenarioGoldens.golden(name);
		List<String> engine = ScenarioHarness.transcript(ScenarioGoldens.dir(name), ScenarioGoldens.base(name),
				ScenarioGoldens.version(name));
		if (ScenarioGoldens.timingSensitive(name)) {
			assertEquals(ScenarioGoldens.withoutTimes(golden), ScenarioGoldens.withoutTimes(engine));
		} else {
			assertEquals(bySecond(golden), bySecond(engine));
		}
	}
}

package org.sec.simulator.tests.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sec.engine.tests.support.Transcripts.bySecond;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.tests.support.ScenarioGoldens;

/**
 * The proof that a saved state holds the whole correlation state: every golden scenario,
 * with the state saved after every second's timers and every line and a new engine going
 * on from it, gives the transcript of the uninterrupted run.
 */
class StateRoundTripTest {

	static java.util.stream.Stream<String> scenarios() throws IOException {
		return ScenarioGoldens.names();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void restoringAtEveryStepChangesNothing(String name) throws IOException {
		List<String> uninterrupted = EngineScenarioGoldenTest.run(name, false);
		List<String> roundTripped = EngineScenarioGoldenTest.run(name, true);
		if (ScenarioGoldens.timingSensitive(name)) {
			assertEquals(ScenarioGoldens.withoutTimes(uninterrupted),
					ScenarioGoldens.withoutTimes(roundTripped));
		} else {
			assertEquals(bySecond(uninterrupted), bySecond(roundTripped));
		}
	}
}

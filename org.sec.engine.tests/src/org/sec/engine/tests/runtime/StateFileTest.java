package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.api.StateException;
import org.sec.engine.tests.support.EngineHarness;

/**
 * Saving and restoring the correlation state in-process: what comes back, what a changed
 * rule ends, and the files that cannot be read (cut short, not a state, another version),
 * after which the engine is as it was.
 */
class StateFileTest {

	private static final long T0 = 1_700_000_000L;

	private static final String RULES = """
			type=SingleWithThreshold
			ptype=RegExp
			pattern=fail (\\S+)
			desc=failures of $1
			action=write - three failures of $1
			window=600
			thresh=3

			type=Pair
			ptype=RegExp
			pattern=down (\\S+)
			desc=$1 down
			action=create DOWN_$1 300 (write - $1 stayed down)
			ptype2=RegExp
			pattern2=up $1
			desc2=$1 up
			action2=delete DOWN_%1; write - %1 back after %u
			window=600

			type=Single
			ptype=SubStr
			pattern=later
			desc=later
			action=event 30 LATER_EVENT; add STORE later seen; assign %x 42

			type=Single
			ptype=SubStr
			pattern=LATER_EVENT
			desc=later event
			action=write - got the later event, x=%x
			""";

	@TempDir
	Path dir;

	private static void restore(EngineHarness h, String state) throws Exception {
		h.engine().restoreState(new ByteArrayInputStream(state.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aRestartedEngineGoesOnWhereTheSavedOneWas() throws Exception {
		String uninterrupted;
		try (EngineHarness h = EngineHarness.start(dir, RULES, T0)) {
			h.line("fail ann").line("fail ann").line("down web1").line("later");
			h.advanceTo(T0 + 10);
			h.line("fail ann").line("up web1");
			h.advanceTo(T0 + 31);
			uninterrupted = h.output();
		}
		String state;
		EngineSnapshot before;
		try (EngineHarness first = EngineHarness.start(dir, RULES, T0)) {
			first.line("fail ann").line("fail ann").line("down web1").line("later");
			first.advanceTo(T0 + 10);
			state = first.engine().saveState();
			before = first.engine().snapshot();
		}
		try (EngineHarness second = EngineHarness.startFrom(dir, RULES, T0 + 10, state)) {
			EngineSnapshot after = second.engine().snapshot();
			assertEquals(before.contexts(), after.contexts());
			assertEquals(before.operations(), after.operations());
			assertEquals(before.pendingEvents(), after.pendingEvents());
			assertEquals(before.variables(), after.variables());
			second.line("fail ann").line("up web1");
			second.advanceTo(T0 + 31);
			assertEquals("three failures of ann\nweb1 back after " + (T0 + 10) + "\ngot the later event, x=42\n",
					second.output());
			assertEquals(uninterrupted, second.output());
		}
	}

	@Test
	void operationsOfAChangedRuleEndAndTheLogSaysSo() throws Exception {
		String state;
		try (EngineHarness first = EngineHarness.start(dir, RULES, T0)) {
			first.line("fail ann").line("fail ann").line("down web1");
			state = first.engine().saveState();
		}
		String changed = RULES.replace("thresh=3", "thresh=2");
		try (EngineHarness second = EngineHarness.startFrom(dir, changed, T0 + 5, state)) {
			assertTrue(second.log().contains("Terminating 1 saved event correlation operation of rule 1 in r.sec: "
					+ "the rule changed or is gone since the state was saved"), second.log());
			assertEquals(1, second.engine().snapshot().operations().size(), "the Pair operation stays");
			second.line("fail ann");
			assertEquals("", second.output(), "the threshold counts from the start again");
		}
	}

	@Test
	void aFileThatCannotBeReadLeavesTheEngineAsItWas() throws Exception {
		String state;
		try (EngineHarness first = EngineHarness.start(dir, RULES, T0)) {
			first.line("fail ann").line("down web1");
			state = first.engine().saveState();
		}
		try (EngineHarness h = EngineHarness.start(dir, RULES, T0)) {
			h.line("fail bob");
			EngineSnapshot before = h.engine().snapshot();
			StateException cut = assertThrows(StateException.class, () -> restore(h, state.substring(0, state.length() - 40)));
			assertEquals(StateException.Problem.MALFORMED, cut.problem());
			assertTrue(cut.getMessage().startsWith("not a complete state file ("), cut.getMessage());
			StateException older = assertThrows(StateException.class,
					() -> restore(h, state.replace("\"version\":1,", "\"version\":0,")));
			assertEquals(StateException.Problem.UNSUPPORTED_VERSION, older.problem());
			assertEquals("state version 0 is not read by this jsec (it reads version 1); remove the file to start with "
					+ "no state", older.getMessage());
			StateException other = assertThrows(StateException.class, () -> restore(h, "{\"contexts\":[]}"));
			assertEquals(StateException.Problem.NOT_A_STATE, other.problem());
			StateException field = assertThrows(StateException.class,
					() -> restore(h, state.replace("\"linesProcessed\":", "\"linesProcessedX\":")));
			assertEquals(StateException.Problem.BAD_FIELD, field.problem());
			assertEquals("the state's \"linesProcessed\" is missing", field.getMessage());
			EngineSnapshot after = h.engine().snapshot();
			assertEquals(before.operations(), after.operations());
			assertEquals(before.contexts(), after.contexts());
		}
	}
}

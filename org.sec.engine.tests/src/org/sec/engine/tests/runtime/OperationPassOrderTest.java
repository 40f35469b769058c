package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.tests.support.EngineHarness;

/**
 * Operations whose windows end in one timer pass end in the table's order (first insertion),
 * however many there are: the pass sorts what is due by table position. sec walks its table
 * in Perl's hash order, so this order is jsec's own (README, "timer passes"). Contexts of
 * many lifetimes each end in their own second (the timer queues' heap hands each out once, on time).
 */
class OperationPassOrderTest {

	private static final long T0 = 1_704_067_200L;
	private static final String RULES = "type=PairWithWindow\nptype=RegExp\npattern=open (\\d+)\ndesc=op $1\n"
			+ "action=write - timeout %s\nptype2=RegExp\npattern2=^close $1$\ndesc2=closed %1\naction2=none\nwindow=10\n";

	@TempDir
	Path dir;

	@Test
	void manyWindowsEndingInOneSecondEndInTableOrder() throws IOException {
		List<Integer> keys = new ArrayList<>();
		for (int k = 0; k < 100; k++) {
			keys.add(k);
		}
		Collections.shuffle(keys, new Random(7));
		try (EngineHarness h = EngineHarness.start(dir, RULES, T0)) {
			StringBuilder expected = new StringBuilder();
			for (int k : keys.subList(0, 70)) { // one second: all due together
				h.line("open " + k);
			}
			h.line("close " + keys.get(5)); // ended before: not in the pass
			h.advanceTo(T0 + 1);
			for (int k : keys.subList(70, 100)) { // due one second later
				h.line("open " + k);
			}
			for (int k : keys.subList(0, 70)) {
				if (k != keys.get(5)) {
					expected.append("timeout op ").append(k).append('\n');
				}
			}
			h.advanceTo(T0 + 11);
			assertEquals(expected.toString(), h.output());
			for (int k : keys.subList(70, 100)) {
				expected.append("timeout op ").append(k).append('\n');
			}
			h.advanceTo(T0 + 12);
			assertEquals(expected.toString(), h.output());
		}
	}

	@Test
	void contextsOfManyLifetimesEachEndInTheirSecond() throws IOException {
		Random random = new Random(11);
		int[] lifetimes = new int[400];
		StringBuilder expected = new StringBuilder();
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=RegExp\npattern=make (\\d+) (\\d+)\n"
				+ "desc=d\naction=create C_$1 $2 (write - gone $1)\n", T0)) {
			for (int k = 0; k < lifetimes.length; k++) {
				lifetimes[k] = 1 + random.nextInt(60);
				h.line("make " + k + " " + lifetimes[k]);
			}
			for (long t = T0 + 1; t <= T0 + 62; t++) {
				h.advanceTo(t);
				for (int k = 0; k < lifetimes.length; k++) {
					if (T0 + lifetimes[k] + 1 == t) { // over once more than its lifetime has passed
						expected.append("gone ").append(k).append('\n');
					}
				}
				assertEquals(expected.toString(), h.output(), "at +" + (t - T0));
			}
		}
	}
}

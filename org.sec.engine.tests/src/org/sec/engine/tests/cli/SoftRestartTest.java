package org.sec.engine.tests.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * SIGABRT against the real sec, on real signals: scripts/softrestart-compare.sh runs both
 * engines in tail mode, changes, removes and adds rule files, sends ABRT, then USR1, and
 * compares stdout, the dump's operations and contexts and the soft-restart log lines
 * (operations of changed and removed files end, the rest stay; new files are read).
 * The unchanged-file case on a virtual clock is the simulator's softrestart scenario.
 */
class SoftRestartTest {

	@Test
	void softRestartDoesWhatSecDoes() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; nothing to compare with");
		GoldenFiles.runComparisonScript("softrestart-compare.sh");
	}
}

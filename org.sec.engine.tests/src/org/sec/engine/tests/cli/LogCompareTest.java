package org.sec.engine.tests.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * sec's log at its default level against jsec's (scripts/log-compare.sh): the run cases
 * and the simulator's scenario rules go through both engines with --notail --log, and the
 * logs must be equal line for line (timestamps cut, Perl's CODE(0x...) addresses masked).
 */
class LogCompareTest {

	@Test
	void jsecLogsWhatSecLogs() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; nothing to compare with");
		GoldenFiles.runComparisonScript("log-compare.sh");
	}
}

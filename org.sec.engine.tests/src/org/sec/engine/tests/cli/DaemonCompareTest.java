package org.sec.engine.tests.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * jsec beside the real sec as daemons, in real time: scripts/daemon-compare.sh runs both
 * with the same rules and writers (tail with appends, rotation by rename, copytruncate,
 * FIFO writers coming and going with --rwfifo and --norwfifo, a new file for an --input
 * glob and SIGHUP, SIGUSR1/USR2/TERM, --detach --pid and the refused --detach --input=-,
 * an omprog-style pipe with --notail, also with SIGUSR2, FIFOs with --notail, a child's
 * output while stdin is quiet, --syslog, --user/--group/--umask). It fails
 * when jsec's summary differs from sec's or jsec lost or duplicated an input line.
 */
class DaemonCompareTest {

	@Test
	void jsecRunsAsADaemonLikeSec() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; nothing to compare with");
		GoldenFiles.runComparisonScript("daemon-compare.sh");
	}
}

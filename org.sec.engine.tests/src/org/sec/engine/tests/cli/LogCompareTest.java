package org.sec.engine.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
		Process p = new ProcessBuilder(List.of("bash",
				GoldenFiles.repositoryDir().resolve("scripts/log-compare.sh").toString())).redirectErrorStream(true)
				.start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println(output);
		assertEquals(0, p.waitFor(), output);
	}
}

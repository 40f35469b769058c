package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.api.SecOptions;
import org.sec.engine.tests.support.EngineHarness;

/**
 * The action-list variables: built-ins (%u, %t, %s, the %.-time variables in the clock's
 * zone, the constants), assigned ones, and an unknown one, which is empty as in sec.
 * Each expected line is what sec 2.9.1 wrote for the same rule and second, by
 * {@code echo go | TZ=<zone> shared/tools/sec-run -t "<local time>" rules.sec -}.
 */
class ActionVariablesTest {

	private static final long T0 = 1_704_067_200L; // 2024-01-01 00:00:00 UTC, a Monday

	@TempDir
	Path dir;

	private String output(String action, ZoneId zone, long at) throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=SubStr\npattern=go\ndesc=the desc\naction="
				+ action + "\n", T0, SecOptions.defaults(), zone)) {
			h.advanceTo(at).line("go");
			return h.output();
		}
	}

	@Test
	void builtInsInUtc() throws IOException {
		assertEquals("1704070861|Mon Jan  1 01:01:01 2024|the desc|01:01:01|Mon|Jan| 1|UTC|+0000\n",
				output("write - %u|%t|%s|%.hmsstr|%.wdaystr|%.monstr|%.mdaystr|%.tzname|%.tzoff", ZoneId.of("UTC"),
						T0 + 3661));
	}

	/** The same second read in the clock's zone: an hour later in Berlin in winter. */
	@Test
	void builtInsInTheClocksZone() throws IOException {
		assertEquals("Mon Jan  1 02:01:01 2024|02|CET|+0100|+01:00\n",
				output("write - %t|%.hour|%.tzname|%.tzoff|%.tzoff2", ZoneId.of("Europe/Berlin"), T0 + 3661));
	}

	@Test
	void assignedConstantAndUnknown() throws IOException {
		assertEquals("[x y][%][ ][]\n", output("assign %v x y; write - [%v][%%][%.sp][%nothing]", ZoneId.of("UTC"), T0));
	}
}

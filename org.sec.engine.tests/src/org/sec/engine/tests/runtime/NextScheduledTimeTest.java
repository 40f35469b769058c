package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.tests.support.EngineHarness;

/**
 * SecEngine.nextScheduledTime(): the first second at which a tick does something. Each
 * case also advances to that second and sees the thing happen there, not a second earlier.
 */
class NextScheduledTimeTest {

	private static final long T0 = 1_704_067_200L; // 2024-01-01 00:00:00 UTC, a minute start

	@TempDir
	Path dir;

	@Test
	void nothingDueIsTheEndOfTime() throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=none\n", T0)) {
			assertEquals(Long.MAX_VALUE, h.engine().nextScheduledTime());
		}
	}

	/** A context of lifetime 30 created at 5 goes when more than 30 s have passed: at 36. */
	@Test
	void aContextIsDueOneSecondAfterItsLifetime() throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=SubStr\npattern=go\ndesc=d\n"
				+ "action=create C 30 (write - C expired)\n", T0)) {
			h.advanceTo(T0 + 5).line("go");
			assertEquals(T0 + 36, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 35);
			assertEquals("", h.output());
			h.advanceTo(T0 + 36);
			assertEquals("C expired\n", h.output());
			assertEquals(Long.MAX_VALUE, h.engine().nextScheduledTime());
		}
	}

	/** The earliest of an operation's window end and a delayed event. */
	@Test
	void theEarliestOfAWindowAndADelayedEvent() throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=SingleWithThreshold\nptype=SubStr\npattern=fail\ndesc=d\n"
				+ "action=none\nwindow=60\nthresh=5\n\ntype=Single\nptype=SubStr\npattern=later\ndesc=e\n"
				+ "action=event 15 DELAYED\n\ntype=Single\nptype=SubStr\npattern=DELAYED\ndesc=f\naction=write - got it\n",
				T0)) {
			h.line("fail");
			assertEquals(T0 + 61, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 10).line("later");
			assertEquals(T0 + 25, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 25);
			assertEquals("got it\n", h.output());
			assertEquals(T0 + 61, h.engine().nextScheduledTime());
		}
	}

	/** A Calendar rule is due at the next minute once it ran in this one. */
	@Test
	void aCalendarRuleIsDueAtTheNextMinute() throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=Calendar\ntime=* * * * *\ndesc=c\naction=write - minute\n",
				T0 + 10)) {
			h.advanceTo(T0 + 11);
			assertEquals("minute\n", h.output());
			assertEquals(T0 + 60, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 59);
			assertEquals("minute\n", h.output());
			h.advanceTo(T0 + 60);
			assertEquals("minute\nminute\n", h.output());
		}
	}

	/** With --cleantime above 1 lists run on their own schedule: every second is a candidate. */
	@Test
	void aCleantimeAboveOneMakesEverySecondDue() throws IOException {
		SecOptions every5 = SecOptions.parse(new String[] { "--cleantime=5" }, System.err);
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=SubStr\npattern=x\ndesc=d\naction=none\n", T0,
				every5)) {
			assertEquals(T0 + 1, h.engine().nextScheduledTime());
		}
	}
}

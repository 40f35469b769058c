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

	/**
	 * A lifetime or window made shorter is due earlier than it was: set gives C 5 s from 10,
	 * and SingleWith2Thresholds' second window (10 s) replaces its first (60 s). The timer
	 * passes in between find nothing due and skip the lists; these must not be skipped.
	 */
	@Test
	void aLifetimeOrWindowMadeShorterIsDueEarlier() throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=SubStr\npattern=make\ndesc=m\n"
				+ "action=create C 300 (write - C expired)\n\ntype=Single\nptype=SubStr\npattern=shorten\ndesc=s\n"
				+ "action=set C 5 (write - C expired early)\n\ntype=SingleWith2Thresholds\nptype=SubStr\npattern=fail\n"
				+ "desc=f\naction=write - many fails\nwindow=60\nthresh=2\ndesc2=calm\naction2=write - calm again\n"
				+ "window2=10\nthresh2=0\n", T0)) {
			h.line("make");
			assertEquals(T0 + 301, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 10).line("shorten");
			assertEquals(T0 + 16, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 15);
			assertEquals("", h.output());
			h.advanceTo(T0 + 16);
			assertEquals("C expired early\n", h.output());
			h.advanceTo(T0 + 20).line("fail").line("fail");
			assertEquals("C expired early\nmany fails\n", h.output());
			assertEquals(T0 + 31, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 30);
			assertEquals("C expired early\nmany fails\n", h.output());
			h.advanceTo(T0 + 31);
			assertEquals("C expired early\nmany fails\ncalm again\n", h.output());
		}
	}

	/**
	 * The same shortened lifetime and window end on time when nobody asks for the next
	 * scheduled time (as in jsec's own loop): the timer passes alone must see the change.
	 */
	@Test
	void aShortenedLifetimeOrWindowEndsOnTimeWithoutBeingAskedFor() throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=SubStr\npattern=make\ndesc=m\n"
				+ "action=create C 300 (write - C expired)\n\ntype=Single\nptype=SubStr\npattern=shorten\ndesc=s\n"
				+ "action=set C 5 (write - C expired early)\n\ntype=SingleWith2Thresholds\nptype=SubStr\npattern=fail\n"
				+ "desc=f\naction=write - many fails\nwindow=60\nthresh=2\ndesc2=calm\naction2=write - calm again\n"
				+ "window2=10\nthresh2=0\n", T0)) {
			h.line("make").advanceTo(T0 + 10).line("shorten").advanceTo(T0 + 15);
			assertEquals("", h.output());
			h.advanceTo(T0 + 16);
			assertEquals("C expired early\n", h.output());
			h.advanceTo(T0 + 20).line("fail").line("fail").advanceTo(T0 + 30);
			assertEquals("C expired early\nmany fails\n", h.output());
			h.advanceTo(T0 + 31);
			assertEquals("C expired early\nmany fails\ncalm again\n", h.output());
		}
	}

	/**
	 * A timer pass visits stale contexts in the table's order (first insertion): A before D,
	 * though both go at 6. Their expiry actions' setltime ends C and B at once (sec's
	 * setltime checks the new lifetime, L6193-6198), each inside the action that shortened it.
	 * sec walks the same table in Perl's hash order (sec-scenario, seed 0: D, B, A, C, all at
	 * 6), which changes with the hash seed; jsec keeps one order, the one its walk over every
	 * name had (the same transcript before the schedule).
	 */
	@Test
	void aTimerPassVisitsStaleContextsInTableOrder() throws IOException {
		try (EngineHarness h = EngineHarness.start(dir, "type=Single\nptype=SubStr\npattern=make\ndesc=make\n"
				+ "action=create A 5 (write - A expired; setltime C 1); create B 100 (write - B expired); "
				+ "create C 100 (write - C expired); create D 5 (write - D expired; setltime B 1)\n", T0)) {
			h.line("make");
			assertEquals(T0 + 6, h.engine().nextScheduledTime());
			h.advanceTo(T0 + 5);
			assertEquals("", h.output());
			h.advanceTo(T0 + 6);
			assertEquals("A expired\nC expired\nD expired\nB expired\n", h.output());
			assertEquals(Long.MAX_VALUE, h.engine().nextScheduledTime());
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

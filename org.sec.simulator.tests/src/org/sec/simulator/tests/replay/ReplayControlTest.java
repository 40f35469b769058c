package org.sec.simulator.tests.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.replay.Breakpoint;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;
import org.sec.simulator.time.LineClock;
import org.sec.simulator.time.TimestampFormat;
import org.sec.simulator.trace.JsonLinesTrace;
import org.sec.simulator.trace.TraceEvent;
import org.sec.simulator.trace.TraceEvent.Kind;

/** Driving a replay step by step, breakpoints, the side-effect policy and the trace. */
class ReplayControlTest {

	private static final String RULES = """
			type=SingleWithThreshold
			ptype=RegExp
			pattern=fail (\\S+)
			desc=failures of $1
			action=write - %u ALERT %s; create ALERTED_$1 30 (write - %u quiet again $1)
			window=60
			thresh=3

			type=Single
			ptype=SubStr
			pattern=page
			desc=page someone
			action=shellcmd touch %{.marker}; write %{.file} paged
			""";

	private static final String SCENARIO = """
			@start 2024-01-01 00:00:00
			0 fail alice
			10 fail alice
			20 fail alice
			25 page
			@end 120
			""";

	@TempDir
	Path dir;

	private Replay start(SideEffects sideEffects) throws IOException {
		Path marker = dir.resolve("marker");
		Path file = dir.resolve("written");
		Files.writeString(dir.resolve("r.sec"), RULES.replace("%{.marker}", marker.toString())
				.replace("%{.file}", file.toString()));
		RuleSet rules = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
		});
		Replay.Options options = new Replay.Options(SecOptions.defaults(), sideEffects, OptionalLong.empty());
		return Replay.start(rules, ReplaySource.of(Scenario.parse(SCENARIO)), options, new SecLog(() -> 0, 1, null, null));
	}

	private static final long T0 = 1704067200L;

	@Test
	void stepEventProcessesOneLineAtItsTime() throws IOException {
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			assertEquals(Replay.Reason.STEPPED, replay.stepEvent().reason());
			assertEquals(T0, replay.now());
			assertEquals(1, replay.linesReplayed());
			replay.stepEvent();
			assertEquals(T0 + 10, replay.now());
			EngineSnapshot s = replay.snapshot();
			assertEquals(1, s.operations().size());
			assertEquals(List.of(T0, T0 + 10), s.operations().get(0).eventTimes());
		}
	}

	@Test
	void breakpointOnRuleMatchStopsAfterThatLine() throws IOException {
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			replay.addBreakpoint(Breakpoint.actionExecuted("ALERT"));
			Replay.Stop stop = replay.run();
			assertEquals(Replay.Reason.BREAKPOINT, stop.reason());
			assertEquals(T0 + 20, stop.event().time());
			assertEquals(3, stop.event().lineNumber());
			assertEquals(List.of(), replay.transcript()); // written at the end of second 20
			replay.stepSecond();
			assertEquals(List.of(new Replay.TranscriptLine(T0 + 20, (T0 + 20) + " ALERT failures of alice")),
					replay.transcript());
		}
	}

	@Test
	void nextExpiryStopsWhenTheContextRunsOut() throws IOException {
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			replay.addBreakpoint(Breakpoint.context("ALERTED_alice", EnumSet.of(Kind.CONTEXT_CREATED)));
			assertEquals(Kind.CONTEXT_CREATED, replay.run().event().kind());
			Replay.Stop stop = replay.runToNextExpiry();
			assertEquals(Kind.CONTEXT_EXPIRED, stop.event().kind());
			assertEquals("ALERTED_alice", stop.event().subject());
			assertEquals(T0 + 51, replay.now()); // created at 20 with lifetime 30: gone once more than 30 s passed
			replay.run();
			assertTrue(replay.finished());
			assertEquals(T0 + 120, replay.now());
			assertTrue(replay.transcript().contains(new Replay.TranscriptLine(T0 + 51, (T0 + 51) + " quiet again alice")));
		}
	}

	/** Once the log has ended and nothing can expire, "next expiry" says so and leaves the replay where it is. */
	@Test
	void nextExpiryWithNothingDueSaysSoAndStays() throws IOException {
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			Replay.Stop stop = replay.runToNextExpiry();
			for (int guard = 0; stop.reason() == Replay.Reason.BREAKPOINT && guard < 10; guard++) {
				stop = replay.runToNextExpiry();
			}
			assertEquals(Replay.Reason.NOTHING_DUE, stop.reason());
			assertFalse(replay.finished(), "the replay stays paused, not finished");
			long at = replay.now();
			assertTrue(at < T0 + 120, "it stopped before running the idle seconds to the end: " + (at - T0));
			assertEquals(Replay.Reason.NOTHING_DUE, replay.runToNextExpiry().reason());
			assertEquals(at, replay.now());
			replay.run();
			assertTrue(replay.finished());
		}
	}

	/** Run to Line on a rule: the next match of that rule, once (the one-shot breakpoint is gone afterwards). */
	@Test
	void runToRuleStopsAtTheRulesNextMatchOnce() throws IOException {
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			Replay.Stop stop = replay.runToRule("r.sec", 9);
			assertEquals(Replay.Reason.BREAKPOINT, stop.reason());
			assertEquals("page someone", stop.event().subject());
			assertEquals(T0 + 25, stop.event().time());
			assertEquals(Replay.Reason.FINISHED, replay.runToRule("r.sec", 9).reason(), "page comes once");
		}
	}

	/**
	 * Step Into walks the rules one by one inside the event: at the threshold rule's match on
	 * the third failure its actions have not run (no context yet); the event ends there
	 * (DontCont) with the actions' effects; "page" then passes both rules.
	 */
	@Test
	void stepRuleStopsAfterEachRuleInsideTheEvent() throws IOException {
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			replay.stepEvent();
			replay.stepEvent();
			Replay.Stop first = replay.stepRule();
			assertEquals(Kind.RULE_EVALUATED, first.event().kind());
			assertEquals("1", first.event().detail().get("line"));
			assertEquals("matched", first.event().detail().get("result"));
			assertEquals(3, first.event().lineNumber());
			assertTrue(replay.insideEvent());
			assertEquals(2, replay.linesReplayed(), "the third line is not done yet");
			assertTrue(replay.snapshot().contexts().isEmpty(), "its actions have not run");
			Replay.Stop end = replay.stepRule();
			assertEquals(new Replay.Stop(Replay.Reason.STEPPED, null, null), end, "DontCont: no rule after it");
			assertFalse(replay.insideEvent());
			assertTrue(replay.snapshot().contexts().stream().anyMatch(c -> c.names().contains("ALERTED_alice")),
					"the event is done and its actions ran");
			Replay.Stop noMatch = replay.stepRule(); // "page": the threshold rule first, then the Single rule
			assertEquals("1", noMatch.event().detail().get("line"));
			assertEquals("no_match", noMatch.event().detail().get("result"));
			assertEquals(4, noMatch.event().lineNumber());
			Replay.Stop page = replay.stepRule();
			assertEquals("9", page.event().detail().get("line"));
			assertEquals("matched", page.event().detail().get("result"));
			replay.stepRule();
			assertFalse(replay.insideEvent());
			assertEquals(4, replay.linesReplayed());
		}
	}

	/** Any other command first lets the event that Step Into is inside run to its end, as it would have. */
	@Test
	void otherCommandsFinishTheSteppedEventFirst() throws IOException {
		List<Replay.TranscriptLine> straight;
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			replay.run();
			straight = replay.transcript();
		}
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			replay.stepEvent();
			replay.stepEvent();
			replay.stepRule();
			assertEquals(Replay.Reason.STEPPED, replay.stepEvent().reason());
			assertFalse(replay.insideEvent());
			assertEquals(3, replay.linesReplayed(), "Step Over from inside the event finishes that event only");
			replay.stepRule();
			assertEquals(Replay.Reason.FINISHED, replay.run().reason());
			assertEquals(straight, replay.transcript());
		}
	}

	/** A condition is a context expression with the match's $1, evaluated when the rule matches. */
	@Test
	void conditionalBreakpointStopsOnlyWhenItsContextExpressionHolds() throws IOException {
		String more = """
				@start 2024-01-01 00:00:00
				0 fail bob
				5 page
				10 fail alice
				11 fail alice
				12 fail alice
				20 fail bob
				30 fail alice
				40 page
				@end 60
				""";
		try (Replay replay = Replay.start(rulesIn(dir), ReplaySource.of(Scenario.parse(more)),
				Replay.Options.defaults(), new SecLog(() -> 0, 1, null, null))) {
			replay.addBreakpoint(Breakpoint.ruleMatched("r.sec", 9).when("ALERTED_alice"));
			Replay.Stop stop = replay.run();
			assertEquals(Replay.Reason.BREAKPOINT, stop.reason());
			assertEquals(T0 + 40, stop.event().time(), "the page at 5 s came before alice's alert");
			assertEquals("rule at r.sec:9 matched if ALERTED_alice", stop.breakpoint().description());
		}
		try (Replay replay = Replay.start(rulesIn(dir), ReplaySource.of(Scenario.parse(more)),
				Replay.Options.defaults(), new SecLog(() -> 0, 1, null, null))) {
			replay.addBreakpoint(Breakpoint.ruleMatched("r.sec", 1).when("ALERTED_$1"));
			Replay.Stop stop = replay.run();
			assertEquals(T0 + 30, stop.event().time(), "alice's failure after her alert (at 12 it did not exist yet)");
			assertEquals("alice", stop.event().detail().get("$1"));
			assertEquals(Replay.Reason.FINISHED, replay.run().reason(), "ALERTED_bob never exists");
		}
		IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> Breakpoint.ruleMatched("r.sec", 1).when("A &&"));
		assertEquals("Invalid context expression ' A && '", bad.getMessage());
	}

	private RuleSet rulesIn(Path dir) throws IOException {
		start(SideEffects.RECORD_ONLY).close(); // writes r.sec
		return RuleSet.load(dir, List.of("r.sec"), 0, d -> {
		});
	}

	/**
	 * Seconds with no input and nothing due are skipped (the engine's next scheduled time),
	 * and the replay ends exactly as one ticked second by second: same transcript, same state.
	 */
	@Test
	void idleSecondsAreSkippedWithTheSameResultAsTickingThem() throws IOException {
		String sparse = """
				@start 2024-01-01 00:00:00
				0 fail alice
				10 fail alice
				20 fail alice
				7200 fail alice
				7201 page
				@end 10000
				""";
		RuleSet rules = rulesIn(dir);
		Replay.Options options = Replay.Options.defaults();
		List<Replay.TranscriptLine> ticked;
		EngineSnapshot tickedState;
		long allSeconds;
		try (Replay replay = Replay.start(rules, ReplaySource.of(Scenario.parse(sparse)), options,
				new SecLog(() -> 0, 1, null, null))) {
			while (replay.stepSecond().reason() != Replay.Reason.FINISHED) {
				// one second at a time: every second ticks
			}
			ticked = replay.transcript();
			tickedState = replay.snapshot();
			allSeconds = replay.secondsTicked();
		}
		try (Replay replay = Replay.start(rules, ReplaySource.of(Scenario.parse(sparse)), options,
				new SecLog(() -> 0, 1, null, null))) {
			assertEquals(Replay.Reason.FINISHED, replay.run().reason());
			assertEquals(ticked, replay.transcript());
			assertEquals(tickedState.contexts(), replay.snapshot().contexts());
			assertEquals(tickedState.operations(), replay.snapshot().operations());
			assertEquals(T0 + 10000, replay.now());
			assertEquals(10001, allSeconds);
			assertTrue(replay.secondsTicked() < 40, "ticked " + replay.secondsTicked() + " of 10001 seconds");
		}
	}

	/** With --intevents the internal events are events of the trace too (SEC_SHUTDOWN at the end). */
	@Test
	void internalEventsAreInTheTrace() throws IOException {
		Replay.Options options = new Replay.Options(SecOptions.parse(new String[] { "--intevents" }, System.err),
				SideEffects.RECORD_ONLY, OptionalLong.empty());
		try (Replay replay = Replay.start(rulesIn(dir), ReplaySource.of(Scenario.parse(SCENARIO)), options,
				new SecLog(() -> 0, 1, null, null))) {
			List<TraceEvent> seen = new ArrayList<>();
			replay.trace().subscribe(seen::add);
			replay.run();
			List<String> internal = seen.stream().filter(e -> e.kind() == Kind.LINE_CONSUMED
					&& "true".equals(e.detail().get("synthetic"))).map(TraceEvent::subject).toList();
			assertEquals(List.of("SEC_SHUTDOWN"), internal);
		}
	}

	@Test
	void runToStopsAtTheTimeAfterItsTimers() throws IOException {
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			assertEquals(Replay.Reason.TIME_REACHED, replay.runTo(T0 + 15).reason());
			assertEquals(T0 + 15, replay.now());
			assertEquals(2, replay.linesReplayed());
		}
	}

	@Test
	void recordOnlyKeepsCommandsAndFileWritesFromRunning() throws IOException {
		List<TraceEvent> suppressed = new ArrayList<>();
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			replay.trace().subscribe(e -> {
				if (e.kind() == Kind.ACTION_SUPPRESSED) {
					suppressed.add(e);
				}
			});
			replay.run();
		}
		assertFalse(Files.exists(dir.resolve("marker")));
		assertFalse(Files.exists(dir.resolve("written")));
		assertEquals(List.of("shellcmd touch " + dir.resolve("marker"), "write " + dir.resolve("written") + " paged"),
				suppressed.stream().map(TraceEvent::subject).toList());
	}

	@Test
	void allowRunsThem() throws IOException {
		try (Replay replay = start(SideEffects.ALLOW)) {
			replay.run();
		}
		assertTrue(Files.exists(dir.resolve("marker")));
		assertEquals("paged\n", Files.readString(dir.resolve("written")));
	}

	@Test
	void traceAsJsonLines() throws IOException {
		StringWriter out = new StringWriter();
		try (Replay replay = start(SideEffects.RECORD_ONLY)) {
			replay.trace().subscribe(new JsonLinesTrace(out));
			replay.stepEvent();
		}
		List<String> lines = out.toString().lines().toList();
		assertEquals("{\"time\":1704067200,\"line\":1,\"kind\":\"line_consumed\",\"subject\":\"fail alice\","
				+ "\"detail\":{\"source\":\"-\"}}", lines.get(0));
		assertTrue(lines.get(1).startsWith("{\"time\":1704067200,\"line\":1,\"kind\":\"rule_matched\","
				+ "\"subject\":\"failures of alice\",\"detail\":{\"file\":\"r.sec\",\"rule\":\"0\",\"line\":\"1\","
				+ "\"type\":\"SingleWithThreshold\",\"$1\":\"alice\""), lines.get(1));
		assertEquals("{\"time\":1704067200,\"line\":1,\"kind\":\"operation_started\",\"subject\":\"r.sec | 0 | "
				+ "failures of alice\",\"detail\":{\"file\":\"r.sec\",\"rule\":\"0\",\"line\":\"1\","
				+ "\"type\":\"SingleWithThreshold\"}}", lines.get(2));
	}

	@Test
	void aLogWithTimeGoingBackIsReplayedInOrderWithAWarning() throws IOException {
		Path log = dir.resolve("app.log");
		Files.writeString(log, "2024-01-01T00:00:10Z fail bob\n2024-01-01T00:00:05Z fail bob\nno stamp fail bob\n");
		Files.writeString(dir.resolve("r.sec"), RULES);
		RuleSet rules = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
		});
		try (Replay replay = Replay.start(rules,
				ReplaySource.of(log, LineClock.of(TimestampFormat.iso8601(java.time.ZoneOffset.UTC))),
				Replay.Options.defaults(), new SecLog(() -> 0, 1, null, null))) {
			replay.run();
			assertEquals(List.of("line 2 is stamped 1704067205, before the line ahead of it; replayed at 1704067210 "
					+ "(time does not go back)"), replay.warnings());
			assertEquals(List.of(new Replay.TranscriptLine(T0 + 10, (T0 + 10) + " ALERT failures of bob")),
					replay.transcript());
		}
	}

	/**
	 * The speed field changes while a replay runs: the new speed paces from that moment (it
	 * used to pace from the command's start, so slowing a fast replay slept for as long as the
	 * replay had already run), and Pause ends a paced wait at once.
	 */
	@Test
	void aSpeedChangedWhileRunningPacesFromThenAndPauseEndsTheWait() throws Exception {
		String hours = """
				@start 2024-01-01 00:00:00
				0 fail alice
				@end 100000
				""";
		try (Replay replay = Replay.start(rulesIn(dir), ReplaySource.of(Scenario.parse(hours)),
				Replay.Options.defaults(), new SecLog(() -> 0, 1, null, null))) {
			replay.setSpeed(1000);
			Replay.Stop[] stop = new Replay.Stop[1];
			Thread runner = new Thread(() -> stop[0] = replay.run(), "replay");
			runner.start();
			waitFor("the replay reaches its 200th second", () -> replay.now() >= T0 + 200);
			replay.setSpeed(2);
			long slowedAt = replay.now();
			// paced from the command's start, the 200 seconds already run would mean a 100 s nap
			waitFor("the slowed replay goes on", () -> replay.now() >= slowedAt + 2);
			assertTrue(replay.now() < slowedAt + 20, "slowed to 2 s per second: " + (replay.now() - slowedAt));
			replay.setSpeed(0.001);
			Thread.sleep(300); // into the 1000 s wait for its next second
			replay.pause();
			runner.join(10_000);
			assertFalse(runner.isAlive(), "Pause ended the paced wait of a 1000 s second");
			assertEquals(Replay.Reason.PAUSED, stop[0].reason());
			assertFalse(replay.finished());
		}
	}

	/** The UI plays by busy seconds, to show progress between them: the set speed holds for those too. */
	@Test
	void playingBusySecondByBusySecondKeepsTheSetSpeed() throws IOException {
		String twentySeconds = """
				@start 2024-01-01 00:00:00
				0 fail alice
				10 fail alice
				@end 20
				""";
		try (Replay replay = Replay.start(rulesIn(dir), ReplaySource.of(Scenario.parse(twentySeconds)),
				Replay.Options.defaults(), new SecLog(() -> 0, 1, null, null))) {
			replay.setSpeed(40);
			long started = System.nanoTime();
			int chunks = 0;
			while (replay.stepBusySecond(3600).reason() == Replay.Reason.STEPPED && !replay.finished()) {
				chunks++;
			}
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertTrue(replay.finished());
			assertEquals(20, chunks, "paced, no second is skipped");
			assertTrue(millis >= 450, "20 virtual seconds at 40 per second took " + millis + " ms");
		}
	}

	private static void waitFor(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + 20_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < end, "timed out: " + what);
			Thread.sleep(10);
		}
	}
}

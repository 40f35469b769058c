package org.sec.simulator.ruletest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;
import org.sec.simulator.trace.TraceEvent;

/** Runs the cases of a {@link SecTest}, each on a fresh engine and virtual clock. */
public final class SecTestRunner {

	/** The outcome of one case: no failures means it passed. Failures start with "file:line: ". */
	public record Result(SecTest test, SecTest.Case testCase, List<String> failures, double seconds) {
		public boolean passed() {
			return failures.isEmpty();
		}
	}

	private SecTestRunner() {
	}

	public static List<Result> run(SecTest test) {
		List<Result> results = new ArrayList<>();
		try (PerlBridge perl = PerlBridge.fromPath()) {
			for (SecTest.Case c : test.cases()) {
				results.add(run(test, c, perl));
			}
		}
		return results;
	}

	private static Result run(SecTest test, SecTest.Case c, PerlBridge perl) {
		long started = System.nanoTime();
		List<String> failures = new ArrayList<>();
		RuleSet rules = RuleSet.load(Path.of("/"), test.rules().stream().map(Path::toString).toList(), 0, perl, d -> {
		});
		for (String e : rules.errors()) {
			failures.add(test.file() + ":" + c.line() + ": the rules do not load cleanly: " + e);
		}
		long end = c.until();
		for (SecTest.Input i : c.inputs()) {
			end = Math.max(end, i.offset());
		}
		for (SecTest.Expectation e : c.expectations()) {
			end = Math.max(end, e.offset());
		}
		List<Scenario.Event> events = c.inputs().stream().sorted(Comparator.comparingLong(SecTest.Input::offset))
				.map(i -> new Scenario.Event(i.offset(), i.text())).toList();
		Scenario scenario = new Scenario(test.start(), Math.max(end, 0), events, List.of());
		SecOptions settings = SecOptions.defaults().withIntevents(test.intevents()).withIntcontexts(test.intcontexts());
		Map<Long, List<String>> actions = new TreeMap<>();
		Map<Long, Set<String>> contexts = new TreeMap<>();
		List<Replay.TranscriptLine> transcript;
		try (Replay replay = Replay.start(rules, ReplaySource.of(scenario),
				new Replay.Options(settings, SideEffects.RECORD_ONLY, OptionalLong.empty()),
				SecLog.toTerminal(() -> 0, 1, null))) {
			replay.trace().subscribe(e -> {
				if (e.kind() == TraceEvent.Kind.ACTION_EXECUTED || e.kind() == TraceEvent.Kind.ACTION_SUPPRESSED) {
					actions.computeIfAbsent(e.time() - test.start(), s -> new ArrayList<>()).add(e.subject());
				}
			});
			while (!replay.finished()) {
				replay.stepSecond();
				EngineSnapshot snapshot = replay.snapshot();
				Set<String> names = new HashSet<>();
				snapshot.contexts().forEach(v -> names.addAll(v.names()));
				contexts.put(replay.now() - test.start(), names);
			}
			transcript = replay.transcript();
		}
		checkOutputs(test, c, transcript, failures);
		for (SecTest.Expectation e : c.expectations()) {
			String where = test.file() + ":" + e.line() + ": ";
			switch (e.kind()) {
			case ACTION -> {
				List<String> ran = actionsAt(actions, e.offset());
				if (ran.stream().noneMatch(a -> a.contains(e.text()))) {
					failures.add(where + "no action containing '" + e.text() + "' ran at " + when(e.offset())
							+ (ran.isEmpty() ? " (none ran then)" : "; these ran: " + ran));
				}
			}
			case NO_ACTION -> {
				List<String> ran = actionsAt(actions, e.offset()).stream().filter(a -> a.contains(e.text())).toList();
				if (!ran.isEmpty()) {
					failures.add(where + "an action containing '" + e.text() + "' ran at " + when(e.offset()) + ": "
							+ ran.get(0));
				}
			}
			case CONTEXT -> {
				if (!contexts.getOrDefault(e.offset(), Set.of()).contains(e.text())) {
					failures.add(where + "context " + e.text() + " does not exist at the end of +" + e.offset());
				}
			}
			case NO_CONTEXT -> {
				if (contexts.getOrDefault(e.offset(), Set.of()).contains(e.text())) {
					failures.add(where + "context " + e.text() + " still exists at the end of +" + e.offset());
				}
			}
			default -> {
			}
			}
		}
		return new Result(test, c, failures, (System.nanoTime() - started) / 1e9);
	}

	private static List<String> actionsAt(Map<Long, List<String>> actions, long offset) {
		if (offset == SecTest.ANY_TIME) {
			return actions.values().stream().flatMap(List::stream).toList();
		}
		return actions.getOrDefault(offset, List.of());
	}

	private static String when(long offset) {
		return offset == SecTest.ANY_TIME ? "any time" : "+" + offset;
	}

	/** Outputs are a multiset per second: each expected line once, nothing else. */
	private static void checkOutputs(SecTest test, SecTest.Case c, List<Replay.TranscriptLine> transcript,
			List<String> failures) {
		List<Replay.TranscriptLine> unexpected = new ArrayList<>(transcript);
		for (SecTest.Expectation e : c.expectations()) {
			if (e.kind() != SecTest.Kind.OUTPUT) {
				continue;
			}
			Replay.TranscriptLine wanted = new Replay.TranscriptLine(test.start() + e.offset(), e.text());
			if (!unexpected.remove(wanted)) {
				String elsewhere = transcript.stream().filter(t -> t.text().equals(e.text()))
						.map(t -> "+" + (t.second() - test.start())).findFirst().map(s -> "; it was written at " + s)
						.orElse("");
				failures.add(test.file() + ":" + e.line() + ": expected output at +" + e.offset() + " was not written: "
						+ e.text() + elsewhere);
			}
		}
		for (Replay.TranscriptLine t : unexpected) {
			failures.add(test.file() + ":" + c.line() + ": unexpected output at +" + (t.second() - test.start()) + ": "
					+ t.text());
		}
	}
}

package org.sec.simulator.tests.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sec.engine.tests.support.Transcripts.bySecond;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.api.EngineListener.Evaluation;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.simulator.explain.Explainer;
import org.sec.simulator.explain.Explanation;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;
import org.sec.simulator.trace.TraceEvent;

/**
 * Explanations never disagree with the engine. Every event of the golden scenarios is
 * explained instead of simply processed; then (1) the rules an explanation calls
 * matched are exactly those the engine reported matching, (2) a rule's pattern checked
 * alone agrees with the engine's own pattern result, and (3) the whole replay still
 * writes sec's transcript, so explaining changes nothing.
 */
class ExplainerPropertyTest {

	private static Path dir() {
		return GoldenFiles.engineGoldenDir().resolve("scenarios");
	}

	static Stream<String> scenarios() throws IOException {
		try (Stream<Path> list = Files.list(dir())) {
			List<String> names = new ArrayList<>();
			for (Path p : list.filter(p -> p.toString().endsWith(".scn")).sorted().toList()) {
				String text = Files.readString(p);
				Scenario s = Scenario.parse(text);
				if (s.secOptions().isEmpty() && !text.contains("# timing-sensitive")) {
					String n = p.getFileName().toString();
					names.add(n.substring(0, n.length() - 4));
				}
			}
			assertTrue(names.size() >= 8, "too few scenarios: " + names);
			return names.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void explanationsAgreeWithTheEngine(String name) throws IOException {
		Scenario scenario = Scenario.parse(GoldenFiles.read(dir().resolve(name + ".scn")));
		RuleSet rules = RuleSet.load(dir(), List.of(name + ".rules"), 0, d -> {
		});
		Scenario timeline = new Scenario(scenario.startEpochSeconds(), scenario.endOffset(), List.of(), List.of());
		Replay.Options options = new Replay.Options(SecOptions.defaults(), SideEffects.ALLOW,
				OptionalLong.empty());
		int explained = 0;
		try (Replay replay = Replay.start(rules, ReplaySource.of(timeline), options, SecLog.toTerminal(() -> 0, 1, null))) {
			Set<String> matchedByEngine = new TreeSet<>();
			replay.trace().subscribe(e -> {
				if (e.kind() == TraceEvent.Kind.RULE_MATCHED && e.detail().get("synthetic") == null) {
					matchedByEngine.add(e.detail().get("file") + ":" + e.detail().get("line"));
				}
			});
			for (Scenario.Event event : scenario.events()) {
				replay.runTo(scenario.startEpochSeconds() + event.offset());
				matchedByEngine.clear();
				Explanation x = Explainer.explain(replay, rules, event.line());
				Set<String> matchedByExplanation = new TreeSet<>();
				for (Explanation.RuleStep s : x.steps()) {
					if (s.matched()) {
						matchedByExplanation.add(s.rule().file() + ":" + s.rule().line());
					}
					List<Map.Entry<Integer, Evaluation>> first = s.evaluations().stream().filter(e -> e.getKey() == 1)
							.toList();
					Boolean alone = patternAlone(rules, s, event.line());
					if (!first.isEmpty() && alone != null && first.get(0).getValue() != Evaluation.CONTEXT_FALSE_BEFORE_PATTERN) {
						assertEquals(alone, first.get(0).getValue() != Evaluation.NO_MATCH,
								name + ": pattern of " + s.rule() + " on '" + event.line() + "'");
					}
				}
				assertTrue(matchedByEngine.containsAll(matchedByExplanation), name + ": " + event.line());
				assertEquals(matchedByEngine.stream().filter(matchedByExplanation::contains).count(),
						(long) matchedByExplanation.size());
				explained++;
			}
			replay.run();
			List<String> ours = replay.transcript().stream()
					.map(t -> (t.second() - scenario.startEpochSeconds()) + "\t" + t.text()).toList();
			List<String> golden = List.of(GoldenFiles.read(dir().resolve(name + ".transcript")).split("\n"));
			assertEquals(bySecond(golden), bySecond(ours));
		}
		assertFalse(scenario.events().isEmpty() && explained == 0);
	}

	/** The explainer's own check of a pattern alone, applied to a rule the event reached. */
	private static Boolean patternAlone(RuleSet rules, Explanation.RuleStep s, String line) {
		return rules.files().stream().flatMap(f -> f.rules().stream())
				.filter(r -> r.file().equals(s.rule().file()) && r.id() == s.rule().number()).findFirst()
				.map(r -> Explainer.patternAlone(r, line)).orElse(null);
	}

	@Test
	void unreachedRulesSayWhetherTheirPatternWouldMatch() throws IOException {
		Path tmp = Files.createTempDirectory("explain");
		Files.writeString(tmp.resolve("r.sec"), """
				type=Suppress
				ptype=SubStr
				pattern=noise

				type=Single
				ptype=SubStr
				pattern=noise and more
				desc=never reached
				action=write - x
				""");
		RuleSet rules = RuleSet.load(tmp, List.of("r.sec"), 0, d -> {
		});
		try (Replay replay = Replay.start(rules, ReplaySource.of(new Scenario(0, 0, List.of(), List.of())),
				Replay.Options.defaults(), SecLog.toTerminal(() -> 0, 1, null))) {
			Explanation x = Explainer.explain(replay, rules, "noise and more");
			assertTrue(x.steps().get(0).matched());
			assertFalse(x.steps().get(1).reached());
			assertEquals(Boolean.TRUE, x.steps().get(1).patternAlone());
			String text = Explainer.format(x);
			assertTrue(text.contains("processing of this event ended here"), text);
			assertTrue(text.contains("not reached; its pattern alone would match"), text);
		}
	}
}

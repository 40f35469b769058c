package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sec.engine.action.ActionListParser;
import org.sec.engine.api.Clock;
import org.sec.engine.api.EngineListener;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * The literal index only spares patterns that cannot match: with it on and off the engine
 * writes the same output and log, and a listener hears the same evaluations. The clock
 * moves every third line but the timers run every seventh, so contexts go stale between
 * timer passes and are deleted by the context checks of rules, as in a sec daemon.
 * (testdata/literal-index/README.md says how the inputs were made; the scenario golden
 * literal-index checks the index's paths against sec itself.)
 */
class LiteralIndexTest {

	private static final Path DATA = GoldenFiles.moduleDir().resolve("testdata/literal-index");
	private static final long START = 1704067200L;

	private long now;
	/** Whether the listener asks for every evaluation (else the index passes over rules that cannot match). */
	private boolean evaluationsWanted = true;

	/** Output, then log, then (when listening) what the listener heard. */
	private String run(String rules, boolean index, boolean listen) throws IOException {
		List<String> lines = Files.readAllLines(DATA.resolve("auth-3000.log"), StandardCharsets.ISO_8859_1);
		return run(DATA, rules, lines, index, listen, 3, 7);
	}

	/** The lines in order; the clock moves one second every {@code linesPerSecond} lines, the timers run every {@code linesPerTick}. */
	private String run(Path dir, String rules, List<String> lines, boolean index, boolean listen, int linesPerSecond,
			int linesPerTick) throws IOException {
		now = START;
		Clock clock = Clock.of(() -> now, java.time.ZoneId.of("UTC"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream logged = new ByteArrayOutputStream();
		SecLog log = SecLog.toTerminal(clock, 6, new PrintStream(logged, true, StandardCharsets.ISO_8859_1));
		StringBuilder heard = new StringBuilder();
		EngineListener listener = !listen ? EngineListener.NONE : new EngineListener() {
			@Override
			public void ruleEvaluated(RuleRef rule, int slot, Evaluation result) {
				heard.append(rule.number()).append('/').append(slot).append(' ').append(result).append('\n');
			}

			@Override
			public boolean hearsEvaluations() {
				return evaluationsWanted;
			}

			@Override
			public void ruleMatched(RuleRef rule, Map<String, String> variables, String desc) {
				heard.append(rule.number()).append(" matched ").append(variables).append(' ').append(desc).append('\n');
			}
		};
		RuleSet set = RuleSet.load(dir, List.of(rules), 0, d -> {
		});
		SecEngine engine = SecEngine.start(set, SecOptions.defaults(), clock,
				new PrintStream(out, true, StandardCharsets.ISO_8859_1), log, listener, SideEffects.RECORD_ONLY);
		engine.useLiteralIndex(index);
		for (int i = 0; i < lines.size(); i++) {
			if (i % linesPerSecond == 0) {
				now++;
			}
			if (i % linesPerTick == 0) {
				engine.tick();
			}
			engine.processLine(lines.get(i), "-", ActionListParser.FILE_EVENT_CONTEXT_PREFIX + "-");
		}
		engine.shutdown();
		engine.flush();
		return out.toString(StandardCharsets.ISO_8859_1) + "\n--- log\n" + logged.toString(StandardCharsets.ISO_8859_1)
				+ "\n--- heard\n" + heard;
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "bench-50.rules", "family-500.sec" })
	void sameOutputAndLogWithAndWithoutTheIndex(String rules) throws IOException {
		String plain = run(rules, false, false);
		String output = plain.substring(0, plain.indexOf("\n--- log\n"));
		assertTrue(output.lines().count() > 100, () -> "the rules write for the log: " + output);
		if (rules.startsWith("bench")) {
			assertTrue(plain.contains("Deleting stale context"), "contexts go stale between timer passes");
		}
		assertEquals(plain, run(rules, true, false));
	}

	/**
	 * A [context] is checked before the pattern (check_context_preeval L2090), so also when
	 * the pattern cannot match: the first line of a new second, before that second's timer
	 * pass, finds it stale there and deletes it, running its action (valid_context), before
	 * the rules after it see the line. So with a Pair's [context2] before each operation's pattern2.
	 */
	@ParameterizedTest(name = "index {0}")
	@ValueSource(booleans = { true, false })
	void staleContextsAreDeletedByTheRuleThatChecksThem(boolean index, @TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("r.sec"), """
				type=Single
				ptype=SubStr
				pattern=make
				desc=make
				action=create C 1 (write - C expired); create D 1 (write - D expired)

				type=Single
				ptype=SubStr
				pattern=needle
				context=[C]
				desc=needle
				action=write - needle while C

				type=Pair
				ptype=SubStr
				pattern=pair
				desc=pair
				action=none
				ptype2=SubStr
				pattern2=haystack
				context2=[D]
				desc2=pair end
				action2=write - haystack while D
				window=0

				type=Single
				ptype=RegExp
				pattern=(.*)
				desc=any
				action=write - saw $1
				""");
		// C and D (lifetime 1, made at second 1) are stale at second 3, when "other" comes
		String out = run(dir, "r.sec", List.of("make", "pair", "other", "more"), index, false, 1, 1000);
		assertEquals("C expired\nD expired\nsaw other\nsaw more\n", out.substring(0, out.indexOf("\n--- log")));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "bench-50.rules", "family-500.sec" })
	void aListenerHearsEveryEvaluationAsWithoutTheIndex(String rules) throws IOException {
		String plain = run(rules, false, true);
		assertTrue(plain.contains(" NO_MATCH\n") && plain.contains(" matched "));
		assertEquals(plain, run(rules, true, true));
	}

	/** A replay's trace without Step Into or explain: the rules that cannot match are passed over, the matches are the same. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "bench-50.rules", "family-500.sec" })
	void aListenerOfMatchesOnlyHearsTheSameMatchesAsWithoutTheIndex(String rules) throws IOException {
		evaluationsWanted = false;
		String plain = run(rules, false, true);
		assertTrue(plain.contains(" matched ") && !plain.contains(" NO_MATCH\n"), "matches, and no evaluations");
		assertEquals(plain, run(rules, true, true));
	}
}

package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;

/**
 * SingleWithScript: the exit code picks action or action2, the script reads the context
 * names on stdin, and a command line without shell metacharacters is run directly, as
 * Perl's exec does (so "exit 0" is no program and fails). When sec reaps the child
 * depends on scheduling, so this is a unit test rather than a timed scenario.
 */
class SingleWithScriptTest {

	@Test
	void exitCodeChoosesTheActionAndTheScriptSeesContexts() throws Exception {
		Path dir = Files.createTempDirectory("sws");
		Files.writeString(dir.resolve("r.sec"), String.join("\n",
				"type=Single", "ptype=SubStr", "pattern=MAKE", "desc=make", "action=create CTX_A", "",
				"type=SingleWithScript", "ptype=RegExp", "pattern=^RUN (.*)", "script=$1", "desc=run $1",
				"action=write - ok: %s", "action2=write - failed: %s", ""));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
		RuleSet rules = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
		});
		SecEngine engine = SecEngine.start(rules, SecOptions.defaults(), () -> 1_700_000_000L, out,
				new SecLog(() -> 0, 1, null, null));
		engine.processLine("MAKE", "-", null);
		for (String line : List.of("RUN true", "RUN false", "RUN exit 0", "RUN grep -q '^CTX_A$'",
				"RUN grep -q '^CTX_B$'")) {
			engine.processLine(line, "-", null);
			engine.settleChildren(10_000);
		}
		engine.shutdown();
		assertEquals(String.join("\n", "ok: run true", "failed: run false", "failed: run exit 0",
				"ok: run grep -q '^CTX_A$'", "failed: run grep -q '^CTX_B$'", ""), bytes.toString(StandardCharsets.ISO_8859_1));
	}
}

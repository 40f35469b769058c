package org.sec.simulator.tests.ruletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.simulator.ruletest.JUnitXmlReport;
import org.sec.simulator.ruletest.SecTest;
import org.sec.simulator.ruletest.SecTestParser;
import org.sec.simulator.ruletest.SecTestRunner;
import org.sec.simulator.ruletest.junit.SecTestFactory;

class SecTestRunnerTest {

	private static final String RULES = """
			type=Single
			ptype=RegExp
			pattern=login (\\S+)
			desc=login $1
			action=write - hello $1; create USER_$1 10
			""";

	@TempDir
	Path dir;

	private SecTest write(String test) throws Exception {
		Files.writeString(dir.resolve("r.sec"), RULES);
		Path file = dir.resolve("t.sectest");
		Files.writeString(file, test);
		return SecTestParser.parse(file);
	}

	@Test
	void passingCase() throws Exception {
		SecTest test = write("""
				rules: r.sec
				test: greets
				  +3 login bob
				  output +3 hello bob
				  action +3 create USER_bob 10
				  context +13 USER_bob
				  nocontext +14 USER_bob
				""");
		List<SecTestRunner.Result> results = SecTestRunner.run(test);
		assertEquals(1, results.size());
		assertEquals(List.of(), results.get(0).failures());
	}

	@Test
	void failuresNameTheLineOfEachUnmetExpectation() throws Exception {
		SecTest test = write("""
				rules: r.sec
				test: wrong
				  +3 login bob
				  output +4 hello bob
				  action +3 delete USER_bob
				  context +20 USER_bob
				""");
		SecTestRunner.Result r = SecTestRunner.run(test).get(0);
		String f = dir.resolve("t.sectest").toString();
		assertEquals(List.of(f + ":4: expected output at +4 was not written: hello bob; it was written at +3",
				f + ":2: unexpected output at +3: hello bob",
				f + ":5: no action containing 'delete USER_bob' ran at +3; these ran: [write - hello bob, create USER_bob 10]",
				f + ":6: context USER_bob does not exist at the end of +20"), r.failures());
		StringWriter xml = new StringWriter();
		JUnitXmlReport.write(List.of(r), xml);
		assertTrue(xml.toString().contains("<testsuite name=\"" + f + "\" tests=\"1\" failures=\"1\""), xml.toString());
		assertTrue(xml.toString().contains("<failure message=\"" + f + ":4: expected output"), xml.toString());
	}

	@Test
	void unreadableFilesNameFileAndLine() throws Exception {
		SecTestParser.SecTestException e = assertThrows(SecTestParser.SecTestException.class, () -> write("""
				rules: r.sec
				test: x
				  3 login bob
				"""));
		assertEquals(dir.resolve("t.sectest") + ":3: expected '+SECONDS line', 'output|action|noaction|context|nocontext "
				+ "+SECONDS text' or 'until +SECONDS', found '3 login bob'", e.getMessage());
		e = assertThrows(SecTestParser.SecTestException.class, () -> write("test: x\n  +1 a\n"));
		assertEquals(dir.resolve("t.sectest") + ":1: no 'rules:' line: name the rule files to test", e.getMessage());
		e = assertThrows(SecTestParser.SecTestException.class, () -> write("rules: r.sec\nstart: yesterday\ntest: x\n"));
		assertTrue(e.getMessage().endsWith(":2: start must be an ISO-8601 instant such as 2024-01-01T00:00:00Z, not 'yesterday'"));
	}

	@Test
	void rulesThatDoNotLoadFailTheCase() throws Exception {
		Files.writeString(dir.resolve("bad.sec"), "type=Single\nptype=RegExp\npattern=(\ndesc=x\naction=none\n");
		Path file = dir.resolve("b.sectest");
		Files.writeString(file, "rules: bad.sec\ntest: x\n  +1 a\n");
		SecTestRunner.Result r = SecTestRunner.run(SecTestParser.parse(file)).get(0);
		assertFalse(r.passed());
		assertTrue(r.failures().get(0).startsWith(file + ":2: the rules do not load cleanly: Rule in "), r.failures().get(0));
	}

	@Test
	void noactionAtAnyTime() throws Exception {
		SecTest test = write("""
				rules: r.sec
				test: t
				  +3 login bob
				  output +3 hello bob
				  noaction +* delete
				  noaction +* create USER_bob
				""");
		SecTestRunner.Result r = SecTestRunner.run(test).get(0);
		assertEquals(List.of(dir.resolve("t.sectest") + ":6: an action containing 'create USER_bob' ran at any time: "
				+ "create USER_bob 10"), r.failures());
	}

	/** The repository's example rule tests, as a user's build would run them. */
	@TestFactory
	Stream<DynamicNode> exampleRuleTests() throws IOException {
		return SecTestFactory.from(GoldenFiles.repositoryDir().resolve("examples"));
	}

	/** Rule tests for corpus rulesets that come with sample lines (sectests/). */
	@TestFactory
	Stream<DynamicNode> corpusRuleTests() throws IOException {
		return SecTestFactory.from(GoldenFiles.moduleDir().resolve("sectests"));
	}
}

package org.sec.engine.tests.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.RuleLoader;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.engine.tests.support.TestonlyGolden;
import org.sec.engine.tests.support.TestonlyGolden.Case;

/**
 * The loader's verdict against sec --testonly: every corpus ruleset, and the generated
 * mutation files (scripts/gen-config-mutations.py), each compared with the log real sec
 * wrote for it. Equal messages mean equal per-rule verdicts, rule counts and file verdict.
 */
class LoaderVerdictTest {

	static Stream<Case> corpusCases() throws IOException {
		List<Case> cases = TestonlyGolden.corpusCases();
		assertFalse(cases.isEmpty(), "no corpus files");
		return cases.stream();
	}

	static Stream<Case> mutationCases() throws IOException {
		List<Case> cases = TestonlyGolden.mutationCases();
		assertFalse(cases.isEmpty(), "no mutation files");
		return cases.stream();
	}

	private static void assertSameVerdict(Case c) throws IOException {
		String fileName = c.rules().getFileName().toString();
		LoadedRuleFile loaded = RuleLoader.load(fileName, GoldenFiles.read(c.rules()), 0);
		TestonlyGolden sec = TestonlyGolden.parse(GoldenFiles.read(c.golden()));
		TestonlyGolden ours = TestonlyGolden.of(loaded);
		assertEquals(sec.rejectedRuleLines(), ours.rejectedRuleLines(), "rejected rules of " + c);
		assertEquals(sec.messages(), ours.messages(), "messages of " + c);
		assertEquals(sec.exitCode(), ours.exitCode(), "verdict of " + c);
	}

	@ParameterizedTest(name = "corpus {0}")
	@MethodSource("corpusCases")
	void corpusVerdictEqualsSec(Case c) throws IOException {
		assertSameVerdict(c);
	}

	@ParameterizedTest(name = "mutations {0}")
	@MethodSource("mutationCases")
	void mutationVerdictEqualsSec(Case c) throws IOException {
		assertSameVerdict(c);
	}

	/**
	 * Valid Perl that java.util.regex cannot express (\\K, recursion, conditionals), loaded
	 * without perl: sec's verdict and messages, plus one warning per pattern naming jsec's
	 * difference (the rule loads and never matches). With perl they match in perl
	 * (RunGoldenTest regex-perl-constructs), and branch reset is translated.
	 */
	@Test
	void untranslatablePatternsLoadWithoutPerlAsInSecWithAWarning() throws IOException {
		java.nio.file.Path rules = GoldenFiles.moduleDir().resolve("golden/verdicts/untranslatable.sec");
		LoadedRuleFile loaded = RuleLoader.load("untranslatable.sec", GoldenFiles.read(rules), 0);
		TestonlyGolden sec = TestonlyGolden
				.parse(GoldenFiles.read(GoldenFiles.moduleDir().resolve("golden/verdicts/untranslatable.sec.testonly")));
		List<String> jsecOnly = loaded.messages(org.sec.engine.config.ConfigDiagnostic.Severity.WARNING).stream()
				.map(org.sec.engine.config.ConfigDiagnostic::message).toList();
		String notHere = ", and perl is not installed: jsec and the simulator load the rule and it never matches there";
		assertEquals(List.of(
				"Rule in untranslatable.sec at line 2: Regular expression 'user=\\w+\\K\\d+' is valid Perl, but \\K (keep"
						+ " left part) is not supported by the Java regex engine" + notHere,
				"Rule in untranslatable.sec at line 14: Regular expression '^(\\((?:[^()]|(?1))*\\))$' is valid Perl, but"
						+ " recursion (?R), (?N), (?&name) is not supported by the Java regex engine" + notHere,
				"Rule in untranslatable.sec at line 20: Regular expression '^(a)?(?(1)b|c)$' is valid Perl, but"
						+ " conditional (?(...)...) is not supported by the Java regex engine" + notHere),
				jsecOnly);
		List<String> rest = new java.util.ArrayList<>(TestonlyGolden.of(loaded).messages());
		rest.removeAll(jsecOnly);
		assertEquals(sec.messages(), rest);
		assertEquals(sec.exitCode(), TestonlyGolden.of(loaded).exitCode());
		assertEquals(4, loaded.rules().size());
	}

	/**
	 * jsec --testonly as users run it (deep stack, Perl bridge) writes sec's log line for line,
	 * perl's own text included: Perl's regex limits, "<$fh> line N" and "(eval N)" in its
	 * messages, ASCII-only uc, nestings 3,000 to 5,000 deep.
	 */
	@ParameterizedTest(name = "jsec --testonly writes sec's log for {0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "untranslatable.sec", "huge-numbers.sec", "deep-nesting.sec",
			"latin1-case.sec", "perl-messages.sec" })
	void jsecTestonlyLogEqualsSecsLineForLine(String name) throws Exception {
		assumeTrue(new org.sec.engine.perl.PerlBridge("perl").available(), "perl is not installed");
		java.nio.file.Path golden = GoldenFiles.moduleDir().resolve("golden/verdicts/" + name);
		java.nio.file.Path log = java.nio.file.Files.createTempFile("verdict", ".log");
		java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
		java.io.PrintStream stream = new java.io.PrintStream(sink, true);
		int exit = org.sec.engine.cli.Jsec.run(new String[] { "--conf=" + golden, "--testonly", "--notail", "--debug=6",
				"--log=" + log }, stream, stream);
		String ours = GoldenFiles.read(log).replaceAll("(?m)^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}: ", "")
				.replace(golden.toString(), name).replaceAll("(?m)^SEC \\(Simple Event Correlator\\).*\n", "");
		java.nio.file.Files.delete(log);
		String sec = GoldenFiles.read(java.nio.file.Path.of(golden + ".testonly"));
		assertEquals(sec.substring(sec.indexOf('\n') + 1), ours + "exit " + exit + "\n");
	}

	@ParameterizedTest(name = "live sec still gives golden verdict {0}")
	@org.junit.jupiter.params.provider.ValueSource(strings = { "untranslatable.sec", "huge-numbers.sec", "deep-nesting.sec",
			"latin1-case.sec", "perl-messages.sec" })
	void verdictGoldenMatchesLiveSec(String name) throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; golden file not re-checked");
		java.nio.file.Path dir = GoldenFiles.moduleDir().resolve("golden/verdicts");
		String live = GoldenFiles.run(dir, List.of("bash",
				GoldenFiles.repositoryDir().resolve("scripts/sec-testonly-golden.sh").toString(), name));
		assertEquals(GoldenFiles.read(dir.resolve(name + ".testonly")), live);
	}

	@Test
	void windowsAndThresholdsBeyond64BitsLoadAsInSec() throws IOException {
		java.nio.file.Path dir = GoldenFiles.moduleDir().resolve("golden/verdicts");
		LoadedRuleFile loaded = RuleLoader.load("huge-numbers.sec", GoldenFiles.read(dir.resolve("huge-numbers.sec")), 0);
		assertEquals(TestonlyGolden.parse(GoldenFiles.read(dir.resolve("huge-numbers.sec.testonly"))),
				TestonlyGolden.of(loaded));
		assertEquals(3, loaded.rules().size());
	}

	@Test
	void mutationSuiteIsLargeEnough() throws IOException {
		int variants = 0;
		int rejectedBySec = 0;
		for (Case c : mutationCases().toList()) {
			String text = GoldenFiles.read(c.rules());
			variants += text.split("\n\n", -1).length - 1;
			rejectedBySec += TestonlyGolden.parse(GoldenFiles.read(c.golden())).rejectedRuleLines().size();
		}
		System.out.println("mutation suite: " + variants + " variants, " + rejectedBySec + " rejected by sec");
		assertEquals(true, variants >= 500, "only " + variants + " variants");
	}

	@ParameterizedTest(name = "live sec still writes golden {0}")
	@MethodSource({ "corpusCases", "mutationCases" })
	void goldenMatchesLiveSec(Case c) throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; golden file not re-checked");
		Path script = GoldenFiles.repositoryDir().resolve("scripts/sec-testonly-golden.sh");
		String live = GoldenFiles.run(c.rules().getParent(), List.of("bash", script.toString(), c.rules().getFileName().toString()));
		assertEquals(TestonlyGolden.parse(GoldenFiles.read(c.golden())), TestonlyGolden.parse(live));
	}

	/** Rule files named one way (a workspace path) and read from elsewhere (the project's folder). */
	@Test
	void namedFilesAreReadFromTheirLocationAndKeepTheirNames() throws IOException {
		Path folder = Files.createTempDirectory("project-elsewhere");
		Files.writeString(folder.resolve("r.sec"), "type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=none\n");
		List<String> log = new java.util.ArrayList<>();
		org.sec.engine.rules.RuleSet rules = org.sec.engine.rules.RuleSet.loadNamed(
				java.util.Map.of("project/r.sec", folder.resolve("r.sec"), "project/missing.sec", folder.resolve("missing.sec")),
				0, org.sec.engine.api.SecVersion.V2_9_1, null, d -> log.add(d.message()));
		assertEquals(List.of("project/r.sec"), rules.files().stream().map(LoadedRuleFile::fileName).toList());
		assertEquals(List.of("Can't open configuration file project/missing.sec (No such file or directory)"), rules.errors());
		assertFalse(rules.valid());
	}
}

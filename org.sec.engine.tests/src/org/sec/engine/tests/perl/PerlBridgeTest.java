package org.sec.engine.tests.perl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlException;
import org.sec.engine.perl.PerlRef;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.RuleLoader;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * The Perl bridge runs rule code as sec does. The load-time verdict on golden/runs/perl
 * equals sec --testonly's log (rules.sec.testonly); what the code does at run time is
 * checked against sec's output by RunGoldenTest on the same case.
 */
class PerlBridgeTest {

	private static PerlBridge perl;

	@BeforeAll
	static void startPerl() {
		perl = PerlBridge.fromPath();
	}

	@AfterAll
	static void stopPerl() {
		perl.close();
	}

	private static void assumePerl() {
		try {
			perl.version();
		} catch (PerlException e) {
			assumeTrue(false, "perl is not installed: " + e.getMessage());
		}
	}

	private static Path caseDir() {
		return GoldenFiles.moduleDir().resolve("golden/runs/perl");
	}

	@Test
	void loadVerdictEqualsSecTestonly() throws Exception {
		assumePerl();
		String text = GoldenFiles.read(caseDir().resolve("rules.sec"));
		LoadedRuleFile loaded = RuleLoader.load("rules.sec", text, 0, perl);
		List<String> ours = loaded.messages().stream().map(ConfigDiagnostic::message).toList();
		List<String> sec = Arrays.stream(GoldenFiles.read(caseDir().resolve("rules.sec.testonly")).split("\n"))
				.filter(l -> !l.startsWith("# made by:") && !l.startsWith("exit ")).toList();
		assertEquals(sec, ours);
		assertFalse(loaded.valid());
		assertEquals(9, loaded.rules().size());
	}

	@Test
	void withoutPerlTheCodeIsNotCompiledAndTheRuleIsKept() throws Exception {
		String text = GoldenFiles.read(caseDir().resolve("rules.sec"));
		LoadedRuleFile loaded = RuleLoader.load("rules.sec", text, 0);
		assertTrue(loaded.valid());
		assertEquals(10, loaded.rules().size());
	}

	@Test
	void testonlyGoldenStillMatchesLiveSec() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; golden file not re-checked");
		Path script = GoldenFiles.repositoryDir().resolve("scripts/sec-testonly-golden.sh");
		String live = GoldenFiles.run(caseDir(), List.of("bash", script.toString(), "rules.sec"));
		assertEquals(GoldenFiles.read(caseDir().resolve("rules.sec.testonly")), live);
	}

	@Test
	void compileRejectsWhatIsNotACodeReferenceWithPerlsText() {
		assumePerl();
		assertEquals("42", assertThrows(PerlException.class, () -> perl.compile("42")).getMessage());
		assertEquals("undef", assertThrows(PerlException.class, () -> perl.compile("undef")).getMessage());
		String syntax = assertThrows(PerlException.class, () -> perl.compile("sub {")).getMessage();
		assertTrue(syntax.startsWith("Missing right curly"), syntax);
	}

	@Test
	void perlFuncResultsArePositionalOrNamed() throws Exception {
		assumePerl();
		PerlBridge.MatchResult positional = perl.callMatch("sub { $_[0] =~ /(\\w+) (\\w+)/ }", List.of("hello world"));
		assertEquals(List.of("hello", "world"), positional.values());
		assertTrue(positional.matched());
		PerlBridge.MatchResult named = perl.callMatch("sub { return { user => 'bob', none => undef } }", List.of("x"));
		assertEquals(Map.of("user", "bob"), Map.of("user", named.named().get("user")));
		assertTrue(named.named().containsKey("none"));
		assertEquals(null, named.named().get("none"));
		assertFalse(perl.callMatch("sub { return 0 }", List.of("x")).matched());
		assertFalse(perl.callMatch("sub { return () }", List.of("x")).matched());
		assertTrue(perl.callMatch("sub { return (0, 0) }", List.of("x")).matched());
	}

	@Test
	void hashArgumentsAndUndefReachTheCode() throws Exception {
		assumePerl();
		String code = "sub { defined($_[0]) ? $_[0]->{'status'} eq 'Accepted' : 'undef' }";
		assertTrue(perl.callBoolean(code, List.of(Map.of("status", "Accepted"))));
		assertFalse(perl.callBoolean(code, List.of(Map.of("status", "Failed"))));
		assertTrue(perl.callBoolean(code, Arrays.asList((Object) null)));
	}

	@Test
	void globalsPersistBetweenCallsAsInsideSec() throws Exception {
		assumePerl();
		assertEquals(Arrays.asList("5", "a", null), perl.evalList("($persisted = 5, 'a', undef)"));
		assertTrue(perl.evalBoolean("++$persisted == 6"));
	}

	@Test
	void aCodeReferenceStaysInPerlAndCanBeCalled() throws Exception {
		assumePerl();
		List<Object> values = perl.evalList("sub { join('-', @_) }");
		PerlRef ref = assertInstanceOf(PerlRef.class, values.get(0));
		assertTrue(ref.text().startsWith("CODE(0x"), ref.text());
		assertEquals(List.of("a-b c"), perl.callRef(ref, List.of("a", "b c")));
	}

	@Test
	void dyingCodeReportsPerlsMessage() {
		assumePerl();
		String message = assertThrows(PerlException.class, () -> perl.callBoolean("sub { die \"boom\\n\" }", List.of()))
				.getMessage();
		assertEquals("boom", message);
	}

	@Test
	void bytesPassUnchanged() throws Exception {
		assumePerl();
		String bytes = "caf\u00e9 \u00ff\n\u0000end";
		assertEquals(List.of(bytes), perl.callList("sub { return $_[0] }", List.of(bytes)));
		assertEquals(List.of(Integer.toString(bytes.length())), perl.callList("sub { length($_[0]) }", List.of(bytes)));
	}
}

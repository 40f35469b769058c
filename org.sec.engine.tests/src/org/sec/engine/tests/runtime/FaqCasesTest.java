package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlException;
import org.sec.engine.perl.SecInternals;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * The FAQ answers that need more than a run case (golden/runs/faq-*, compared with sec
 * by RunGoldenTest): Q8's rules are what sec's own swatch2sec.pl writes, and Q15's
 * save/restore of %main::context_list is jsec's deliberate difference, named at load time.
 */
class FaqCasesTest {

	private static final Path SWATCH2SEC = Paths.get("/usr/share/doc/sec/examples/swatch2sec.pl");

	@Test
	void q08RulesAreWhatSwatch2secWrites() throws Exception {
		assumeTrue(Files.exists(SWATCH2SEC), "sec's examples are not installed (apt-get install sec)");
		Path dir = GoldenFiles.moduleDir().resolve("golden/runs/faq-q08-swatch");
		Process p = new ProcessBuilder("perl", SWATCH2SEC.toString()).redirectInput(dir.resolve("swatchrc").toFile())
				.start();
		String converted = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
		assertEquals(0, p.waitFor());
		assertEquals(GoldenFiles.read(dir.resolve("rules.sec")), converted);
	}

	/** A started Perl bridge; the test is skipped where perl is not installed. */
	private static PerlBridge perlOrSkip() {
		PerlBridge perl = PerlBridge.fromPath();
		try {
			perl.version();
		} catch (PerlException e) {
			perl.close();
			assumeTrue(false, "perl is not installed: " + e.getMessage());
		}
		return perl;
	}

	@Test
	void q15CodeThatUsesSecsContextTableLoadsWithoutWarnings() {
		List<ConfigDiagnostic> log = new ArrayList<>();
		try (PerlBridge perl = perlOrSkip()) {
			RuleSet rules = RuleSet.load(GoldenFiles.moduleDir().resolve("golden/faq"), List.of("q15-save-contexts.sec"),
					0, perl, log::add);
			assertTrue(rules.valid(), "sec accepts the Q15 rules, so jsec must load them: " + log);
			// %main::context_list is handed to perl (the recipe itself runs in FaqRecipesTest)
			assertEquals(List.of(), log.stream().filter(d -> d.severity() == ConfigDiagnostic.Severity.WARNING)
					.map(d -> d.line() + " " + d.message()).toList());
		}
	}

	@Test
	void secTablesThatStayInJavaAreNamedAtLoadTime() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("internals");
		java.nio.file.Files.writeString(dir.resolve("r.sec"),
				"type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=lcall %n -> ( sub { scalar(keys %main::corr_list) } )\n");
		List<ConfigDiagnostic> log = new ArrayList<>();
		try (PerlBridge perl = perlOrSkip()) {
			RuleSet.load(dir, List.of("r.sec"), 0, perl, log::add);
			assertEquals(List.of("1 Rule in r.sec at line 1: Perl code uses sec's internal %main::corr_list, which jsec does"
					+ " not have: the code runs in jsec's Perl bridge and sees an empty variable, not jsec's state"),
					log.stream().filter(d -> d.severity() == ConfigDiagnostic.Severity.WARNING)
							.map(d -> d.line() + " " + d.message()).toList());
		}
		assertEquals(List.of(), SecInternals.notShared("%main::context_list = (); $main::variables{x} = 1"));
	}

	@Test
	void secInternalsAreFoundInEveryPerlSpelling() {
		assertEquals(List.of("%main::context_list"), SecInternals.referencedBy("keys %main::context_list"));
		assertEquals(List.of("%main::context_list"), SecInternals.referencedBy("$main::context_list{'X'}"));
		assertEquals(List.of("%main::corr_list", "@main::pending_events"),
				SecInternals.referencedBy("%::corr_list; $::pending_events[0]; $::corr_list {k}"));
		assertEquals(List.of("%main::variables"), SecInternals.referencedBy("\\%main::variables"));
		// user globals in package main are not sec's
		assertEquals(List.of(), SecInternals.referencedBy("$main::counter++; %main::seen = ()"));
	}
}

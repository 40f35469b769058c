package org.sec.engine.tests.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.api.SecVersion;
import org.sec.engine.cli.Jsec;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.RuleLoader;
import org.sec.engine.tests.support.GoldenFiles;

/** The target sec release: how it is found, named, and what it changes in a rule file's verdict. */
class SecVersionTest {

	private static final String TRIM_RULE = "type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=add C one; trim -10 C %old\n";

	@Test
	void theReleaseIsReadFromSecsOwnVersionLine() throws Exception {
		assertEquals(SecVersion.V2_9_4, SecVersion.versionOf(GoldenFiles.sec294()));
		Path dir = Files.createTempDirectory("secs");
		Path fake = dir.resolve("sec");
		Files.writeString(fake, "#!/usr/bin/perl\n$SEC_VERSION = \"SEC (Simple Event Correlator) 2.9.2\";\n");
		assertEquals(SecVersion.V2_9_2, SecVersion.versionOf(fake));
		Files.writeString(fake, "#!/usr/bin/perl\n$SEC_VERSION = \"SEC (Simple Event Correlator) 2.8.3\";\n");
		assertNull(SecVersion.versionOf(fake), "a release jsec does not emulate");
		assertNull(SecVersion.versionOf(dir.resolve("missing")));
	}

	@Test
	void namesAndFeaturesFollowSecsChangeLog() {
		assertEquals("SEC (Simple Event Correlator) 2.9.3", SecVersion.V2_9_3.banner());
		assertEquals("Copyright (C) 2000-2022 Risto Vaarandi", SecVersion.V2_9_1.copyright());
		assertEquals(SecVersion.V2_9_4, SecVersion.parse("2.9.4"));
		assertNull(SecVersion.parse("3.0"));
		assertFalse(SecVersion.V2_9_1.passesGroupTimes());
		assertTrue(SecVersion.V2_9_2.passesGroupTimes());
		assertEquals(31, SecVersion.V2_9_2.lastChrVariable());
		assertEquals(255, SecVersion.V2_9_3.lastChrVariable());
		assertFalse(SecVersion.V2_9_3.hasTrim());
		assertTrue(SecVersion.V2_9_4.hasTrim() && SecVersion.V2_9_4.hasEventStoreTimes());
	}

	/** sec 2.9.1 logs exactly these lines for the rule (checked with sec --testonly). */
	@Test
	void trimIsAnInvalidActionBefore294() {
		LoadedRuleFile old = RuleLoader.load("r.sec", TRIM_RULE, 0, SecVersion.V2_9_1, null);
		assertFalse(old.valid());
		assertEquals(List.of("Rule in r.sec at line 1: Invalid action 'trim -10 C %old'",
				"Rule in r.sec at line 1: Invalid action list ' add C one; trim -10 C %old '"),
				old.messages(ConfigDiagnostic.Severity.ERROR).stream().map(ConfigDiagnostic::message).toList().subList(0, 2));
		assertTrue(RuleLoader.load("r.sec", TRIM_RULE, 0, SecVersion.V2_9_4, null).valid());
		LoadedRuleFile badVariable = RuleLoader.load("r.sec", TRIM_RULE.replace("%old", "old"), 0, SecVersion.V2_9_4, null);
		assertEquals("Rule in r.sec at line 1: Variable old does not have the form %<letter>[<letter>|<digit>|<underscore>]...",
				badVariable.messages(ConfigDiagnostic.Severity.ERROR).get(0).message());
	}

	@Test
	void jsecTakesTheTargetAndRefusesOneItDoesNotKnow() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		assertEquals(0, Jsec.run(new String[] { "--sec-version=2.9.4", "--version" }, o, e));
		assertEquals("jsec (SEC Workbench engine), emulating SEC (Simple Event Correlator) 2.9.4\n",
				out.toString(StandardCharsets.UTF_8));
		assertEquals(1, Jsec.run(new String[] { "--sec-version=2.10", "--version" }, o, e));
		assertEquals("jsec: unknown --sec-version '2.10'; jsec behaves as sec 2.9.1, 2.9.2, 2.9.3, 2.9.4\n",
				err.toString(StandardCharsets.UTF_8));
	}
}

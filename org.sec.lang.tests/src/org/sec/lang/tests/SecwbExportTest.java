package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sec.engine.rules.RuleLoader;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.cli.Secwb;

class SecwbExportTest {

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return Secwb.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
	}

	@Test
	void refusesWhileErrorsExistAndListsThem() throws Exception {
		Path bundle = Files.createTempDirectory("bundle").resolve("out");
		Path ssh = GoldenFiles.sharedDir().resolve("corpus/rulesets/ssh.sec");
		assertEquals(1, run("export", "-o", bundle.toString(), ssh.toString()));
		assertTrue(err.toString().contains(ssh + ":142:11: error: Invalid context expression"), err::toString);
		assertTrue(err.toString().contains("not exported: 2 errors"), err::toString);
		assertFalse(Files.exists(bundle));
	}

	/** The bundle names its sec release, and rules that need a newer sec than the target are refused. */
	@Test
	void theTargetSecReleaseIsWrittenAndNewerFeaturesAreRefused() throws Exception {
		Path dir = Files.createTempDirectory("trim");
		Path rules = dir.resolve("trim.sec");
		Files.writeString(rules, "type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=add C one; trim -10 C\n");
		Path refused = dir.resolve("old");
		assertEquals(1, run("export", "-o", refused.toString(), "--sec-version=2.9.1", rules.toString()));
		assertTrue(err.toString().contains(rules + ":5:1: error: trim needs sec 2.9.4; this project targets 2.9.1"),
				err::toString);
		assertFalse(Files.exists(refused));
		Path bundle = dir.resolve("new");
		assertEquals(0, run("export", "-o", bundle.toString(), "--sec-version=2.9.4", rules.toString()), err::toString);
		assertEquals("2.9.4\n", Files.readString(bundle.resolve("sec-version")));
		assertTrue(Files.readString(bundle.resolve("README.txt")).contains("validation with sec 2.9.4's verdict"));
	}

	@Test
	void writesTheBundleWithNormalisedRulesThatLoadTheSame() throws Exception {
		Path bundle = Files.createTempDirectory("bundle").resolve("out");
		Path example = GoldenFiles.repositoryDir().resolve("examples/ssh-login-failures/ssh-login-failures.sec");
		assertEquals(0, run("export", "-o", bundle.toString(), "--name", "sec-ssh", "--input", "/var/log/auth.log",
				example.toString()), err::toString);
		Path rules = bundle.resolve("rules/ssh-login-failures.sec");
		assertEquals(3, RuleLoader.load("r.sec", Files.readString(rules), 0).rules().size());
		String sysconfig = Files.readString(bundle.resolve("sec.sysconfig"));
		assertTrue(sysconfig.contains(
				"OPTIONS=\"--conf=/etc/sec/ssh-login-failures.sec --input=/var/log/auth.log --log=/var/log/sec.log\""),
				sysconfig);
		String unit = Files.readString(bundle.resolve("sec.service"));
		assertTrue(unit.contains("EnvironmentFile=-/etc/sysconfig/sec-ssh\nExecStart=/usr/bin/sec $OPTIONS\n"), unit);
		assertTrue(Files.readString(bundle.resolve("rsyslog-omprog.conf")).contains("module(load=\"omprog\")"));
		assertTrue(Files.readString(bundle.resolve("syslog-ng-program.conf")).contains("destination d_sec_ssh {"));
		assertTrue(Files.readString(bundle.resolve("sec.cmdline")).contains("/usr/bin/sec --conf=/etc/sec/ssh-login-failures.sec"));
		assertTrue(out.toString().startsWith("exported 1 rule file to " + bundle), out::toString);
	}

	@Test
	void exportedRulesAreAcceptedByTheRealSecWhenInstalled() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(GoldenFiles.secInstalled(), "sec is not installed");
		Path bundle = Files.createTempDirectory("bundle").resolve("out");
		Path corpus = GoldenFiles.sharedDir().resolve("corpus/rulesets/bsd");
		assertEquals(0, run("export", "-o", bundle.toString(), corpus.toString()), err::toString);
		for (Path rules : Files.list(bundle.resolve("rules")).toList()) {
			String log = GoldenFiles.run(rules.getParent(), java.util.List.of("bash",
					GoldenFiles.repositoryDir().resolve("scripts/sec-testonly-golden.sh").toString(),
					rules.getFileName().toString()));
			assertTrue(log.contains("exit 0"), log);
		}
	}
}

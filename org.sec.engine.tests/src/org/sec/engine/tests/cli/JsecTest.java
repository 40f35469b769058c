package org.sec.engine.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.sec.engine.cli.Jsec;
import org.junit.jupiter.api.Test;

class JsecTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return Jsec.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	@Test
	void versionNamesTheEmulatedSecRelease() {
		assertEquals(0, run("--version"));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("SEC (Simple Event Correlator) 2.9.1"));
	}

	@Test
	void helpListsSecsOptions() {
		assertEquals(0, run("-?"));
		String help = out.toString(StandardCharsets.UTF_8);
		assertTrue(help.contains("--conf=<file pattern> ..."), help);
		assertTrue(help.contains("--testonly, --notestonly"), help);
	}

	@Test
	void tailModeRunsUntilTerm() throws Exception {
		java.nio.file.Path rules = java.nio.file.Files.createTempFile("term", ".sec");
		java.nio.file.Files.writeString(rules,
				"type=Single\nptype=SubStr\npattern=SEC_STARTUP\ndesc=stop\naction=write - stopping; sigemul TERM\n");
		assertEquals(0, run("--conf=" + rules, "--intevents"));
		assertEquals("stopping\n", out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void notailRunProcessesInputFilesToTheEnd() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jsec");
		java.nio.file.Path rules = dir.resolve("r.sec");
		java.nio.file.Path input = dir.resolve("in.log");
		java.nio.file.Files.writeString(rules, "type=Single\nptype=RegExp\npattern=user (\\w+)\ndesc=$1\naction=write - hello $1\n");
		java.nio.file.Files.writeString(input, "user ann\nnoise\nuser bob");
		assertEquals(0, run("--conf=" + rules, "--input=" + input, "--notail"));
		assertEquals("hello ann\nhello bob\n", out.toString(StandardCharsets.UTF_8));
	}

	/**
	 * (.*a){20}$ backtracks for minutes in java.util.regex on a line of a's that ends in '!'
	 * and is instant in sec: past its budget the match goes to perl, which gives sec's
	 * result ("hit a" for the second line only, as sec 2.9.1 prints), and the log says so.
	 */
	@Test
	void aMatchPastItsBudgetIsAnsweredByPerlAndLogged() throws Exception {
		try (org.sec.engine.perl.PerlBridge perl = new org.sec.engine.perl.PerlBridge("perl")) {
			org.junit.jupiter.api.Assumptions.assumeTrue(perl.available(), "perl is not installed");
		}
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jsec");
		java.nio.file.Path rules = dir.resolve("r.sec");
		java.nio.file.Path input = dir.resolve("in.log");
		java.nio.file.Path log = dir.resolve("sec.log");
		java.nio.file.Files.writeString(rules, "type=Single\nptype=RegExp\npattern=(.*a){20}$\ndesc=x\naction=write - hit $1\n");
		java.nio.file.Files.writeString(input, "a".repeat(28) + "!\n" + "a".repeat(25) + "\n" + "b".repeat(30) + "!\n");
		assertEquals(0, run("--conf=" + rules, "--input=" + input, "--notail", "--log=" + log));
		assertEquals("hit a\n", out.toString(StandardCharsets.UTF_8));
		String logged = java.nio.file.Files.readString(log);
		assertTrue(logged.contains("Regular expression '(.*a){20}$' ran past 2 s in Java on a text of 29 characters,"
				+ " perl matches it from now on"), logged);
	}

	/** --input-timeout (sec L12932-12973): "script 1 FILE" after the quiet time, "script 0 FILE" when lines return. */
	@Test
	void inputTimeoutRunsTheScriptWhenInputStopsAndWhenItReturns() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jsec");
		java.nio.file.Path rules = dir.resolve("r.sec");
		java.nio.file.Path input = dir.resolve("in.log");
		java.nio.file.Path calls = dir.resolve("calls");
		java.nio.file.Path script = dir.resolve("timeout.sh");
		java.nio.file.Files.writeString(rules, "type=Single\nptype=SubStr\npattern=STOP\ndesc=stop\naction=sigemul TERM\n");
		java.nio.file.Files.writeString(input, "");
		java.nio.file.Files.writeString(script, "#!/bin/sh\necho \"$1 $2\" >> " + calls + "\n");
		script.toFile().setExecutable(true);
		Thread jsec = new Thread(() -> run("--conf=" + rules, "--input=" + input, "--input-timeout=1",
				"--timeout-script=" + script));
		jsec.start();
		waitFor(calls, "1 " + input + "\n");
		java.nio.file.Files.writeString(input, "DATA\n", java.nio.file.StandardOpenOption.APPEND);
		// the script is one of jsec's children, as in sec: stopping jsec before it ran would TERM it
		waitFor(calls, "1 " + input + "\n0 " + input + "\n");
		java.nio.file.Files.writeString(input, "STOP\n", java.nio.file.StandardOpenOption.APPEND);
		jsec.join(10_000);
		assertTrue(!jsec.isAlive(), "jsec did not stop on sigemul TERM");
		assertEquals("1 " + input + "\n0 " + input + "\n", java.nio.file.Files.readString(calls));
	}

	/** sigemul INT (sec's check_signals L13281): the debug level steps by the signals counted, and says so. */
	@Test
	void intSignalsStepTheDebugLevel() throws Exception {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("jsec");
		java.nio.file.Path rules = dir.resolve("r.sec");
		java.nio.file.Path input = dir.resolve("in.log");
		java.nio.file.Path log = dir.resolve("sec.log");
		java.nio.file.Files.writeString(rules, "type=Single\nptype=SubStr\npattern=INT\ndesc=int\n"
				+ "action=sigemul INT; sigemul INT\n\ntype=Single\nptype=SubStr\npattern=AFTER\ndesc=after\n"
				+ "action=logonly after at level 4\n");
		java.nio.file.Files.writeString(input, "INT\nAFTER\n");
		assertEquals(0, run("--conf=" + rules, "--input=" + input, "--notail", "--debug=3", "--log=" + log));
		// what sec 2.9.1 writes for the same run, timestamps cut off
		assertEquals(java.util.List.of("2 SIGINT signal(s) received: setting debuglevel from 3 to 5", "after at level 4"),
				java.nio.file.Files.readAllLines(log).stream().map(l -> l.substring(l.indexOf(": ") + 2)).toList());
	}

	/** Waits (up to 10 s) until {@code file} holds {@code text}: the script runs in its own process. */
	private static void waitFor(java.nio.file.Path file, String text) throws Exception {
		for (int i = 0; i < 200; i++) {
			if (java.nio.file.Files.exists(file) && java.nio.file.Files.readString(file).equals(text)) {
				return;
			}
			Thread.sleep(50);
		}
	}

	@Test
	void testonlyFailsForAFileThatCannotBeOpened() {
		assertEquals(1, run("--conf=/nonexistent/x.sec", "--testonly"));
	}

	@Test
	void badOptionValuesGetSecsMessagesAndDefaults() {
		assertEquals(0, run("--debug=9", "--bufsize=-1", "--test", "--conf="));
		String messages = err.toString(StandardCharsets.UTF_8);
		assertTrue(messages.contains("'--debug' option requires a value from range 1..6"), messages);
		assertTrue(messages.contains("'--bufsize' option requires a non-negative value"), messages);
		assertTrue(messages.contains("'--conf' option requires a non-empty value"), messages);
	}
}

package org.sec.engine.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * jsec --state-file across real restarts of the jsec process (bin/jsec): contexts,
 * operations and variables go on as if the process had never stopped, whether it ended at
 * the end of its input (--notail) or on SIGTERM; a torn file stops jsec with a clear
 * error and stays as it was.
 */
class StateFileRestartTest {

	private static final String RULES = """
			type=SingleWithThreshold
			ptype=RegExp
			pattern=fail (\\S+)
			desc=failures of $1
			action=write - three failures of $1 (last run saw %last)
			window=3600
			thresh=3

			type=Single
			ptype=RegExp
			pattern=login (\\S+)
			desc=login $1
			action=create SEEN_$1 3600; assign %last $1

			type=Single
			ptype=RegExp
			pattern=check (\\S+)
			context=SEEN_$1
			desc=check $1
			action=write - $1 was seen before
			""";

	@TempDir
	Path dir;

	private Process start(String input, String... more) throws IOException {
		List<String> cmd = new ArrayList<>(List.of(GoldenFiles.repositoryDir().resolve("bin/jsec").toString(),
				"--conf=" + dir.resolve("r.sec"), "--input=" + dir.resolve(input), "--state-file=" + dir.resolve("state.json"),
				"--log=" + dir.resolve("jsec.log"), "--debug=6"));
		cmd.addAll(List.of(more));
		return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
	}

	private String run(String input, String lines, String... more) throws Exception {
		Files.writeString(dir.resolve(input), lines);
		Process p = start(input, more);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jsec did not end");
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), out);
		return out;
	}

	@Test
	void contextsOperationsAndVariablesContinueAfterTheInputEnds() throws Exception {
		Files.writeString(dir.resolve("r.sec"), RULES);
		assertEquals("", run("one.log", "fail ann\nfail ann\nlogin bob\n", "--notail"));
		assertTrue(Files.exists(dir.resolve("state.json")), "no state saved at the end of the input");
		assertEquals("three failures of ann (last run saw bob)\nbob was seen before\n",
				run("two.log", "fail ann\ncheck bob\ncheck eve\n", "--notail"));
		assertTrue(Files.readString(dir.resolve("jsec.log")).contains("State restored from " + dir.resolve("state.json")));
	}

	@Test
	void aTermSavesTheStateForTheNextStart() throws Exception {
		Files.writeString(dir.resolve("r.sec"), RULES);
		Files.writeString(dir.resolve("live.log"), "");
		Process p = start("live.log");
		Path log = dir.resolve("jsec.log");
		waitFor(log, "Opening input file"); // tail mode reads what comes after the file is opened
		Files.writeString(dir.resolve("live.log"), "fail cat\nfail cat\nlogin dan\n", java.nio.file.StandardOpenOption.APPEND);
		waitFor(log, "Creating context 'SEEN_dan'");
		p.destroy(); // SIGTERM
		assertTrue(p.waitFor(30, TimeUnit.SECONDS), "jsec did not end on TERM");
		assertEquals("three failures of cat (last run saw dan)\ndan was seen before\n",
				run("next.log", "fail cat\ncheck dan\n", "--notail"));
	}

	private static void waitFor(Path log, String text) throws Exception {
		long deadline = System.currentTimeMillis() + 30_000;
		while (!(Files.exists(log) && Files.readString(log).contains(text))) {
			assertTrue(System.currentTimeMillis() < deadline, "jsec did not log '" + text + "'");
			Thread.sleep(100);
		}
	}

	@Test
	void aTornStateFileStopsJsecAndStaysAsItWas() throws Exception {
		Files.writeString(dir.resolve("r.sec"), RULES);
		run("one.log", "fail ann\n", "--notail");
		String saved = Files.readString(dir.resolve("state.json"));
		String torn = saved.substring(0, saved.length() / 2);
		Files.writeString(dir.resolve("state.json"), torn);
		Files.writeString(dir.resolve("two.log"), "fail ann\n");
		Process p = start("two.log", "--notail");
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals(1, p.exitValue());
		String log = Files.readString(dir.resolve("jsec.log"));
		assertTrue(log.contains("Can't restore state from " + dir.resolve("state.json") + ": not a complete state file"),
				log);
		assertEquals(torn, Files.readString(dir.resolve("state.json")));
		assertFalse(Files.exists(dir.resolve("state.json.tmp")));
	}
}

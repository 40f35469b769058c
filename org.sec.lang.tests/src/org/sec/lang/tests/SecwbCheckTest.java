package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.cli.Secwb;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class SecwbCheckTest {

	private final StringWriter out = new StringWriter();
	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		return Secwb.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
	}

	@Test
	void reportsSecsErrorsGccStyleWithASummaryAndExitCode1() {
		Path ssh = GoldenFiles.sharedDir().resolve("corpus/rulesets/ssh.sec");
		assertEquals(1, run("check", ssh.toString()));
		List<String> lines = List.of(out.toString().split("\n"));
		assertTrue(lines.contains(ssh + ":142:11: error: Invalid context expression"
				+ " ' $3 < 1025 && ! tie_event_received_$1_$2 ' (sec reports it for the rule at line 137)"), out::toString);
		assertTrue(lines.get(lines.size() - 1).matches("1 file checked: 2 errors, \\d+ warnings?"), out::toString);
	}

	@Test
	void checksFoldersAndConfFilesThatHoldRulesAndExitsZeroWhenClean() throws Exception {
		Path dir = Files.createTempDirectory("check");
		Files.writeString(dir.resolve("a.sec"), "type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=none\n");
		Files.writeString(dir.resolve("rules.conf"), "type=Suppress\nptype=SubStr\npattern=y\n");
		Files.writeString(dir.resolve("other.conf"), "[section]\nkey=value\n");
		assertEquals(0, run("check", dir.toString()));
		assertEquals("2 files checked: 0 errors, 0 warnings\n", out.toString());
	}

	@Test
	void jsonOutputCarriesEveryIssue() throws Exception {
		Path file = Files.createTempFile("bad", ".sec");
		Files.writeString(file, "type=Single\nptype=RegExp\npattern=(x\ndesc=x\naction=none\n");
		assertEquals(1, run("check", "--json", file.toString()));
		JsonObject root = JsonParser.parseString(out.toString()).getAsJsonObject();
		assertEquals(1, root.get("errors").getAsInt());
		JsonObject issue = root.getAsJsonArray("issues").get(0).getAsJsonObject();
		assertEquals("error", issue.get("severity").getAsString());
		assertEquals(3, issue.get("line").getAsInt());
		assertTrue(issue.get("message").getAsString().startsWith("Invalid regular expression '(x':"), issue::toString);
		assertEquals("sec.invalidPattern", issue.get("code").getAsString());
	}

	@Test
	void missingPathIsAUsageError() {
		assertEquals(2, run("check", "/nonexistent/rules.sec"));
		assertTrue(err.toString().contains("no such file or directory"));
	}
}

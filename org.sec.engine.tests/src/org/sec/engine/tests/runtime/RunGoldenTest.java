package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * jsec as a drop-in: each case in golden/runs (rules.sec, input.log, optionally
 * sec-options with more command-line options, one per line) is run by scripts/jsec-run
 * on the same frozen clock that shared/tools/sec-run gives the real sec, and stdout must
 * equal sec's byte for byte (stdout.golden, made by scripts/sec-run-golden.sh).
 * golden/runs/README.md says which cases stand for which FAQ answers.
 */
class RunGoldenTest {

	private static final Path LIBFAKETIME = Paths.get("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

	/** "runs/NAME" (made by sec 2.9.1) and "sec-2.9.4/runs/NAME" (made by sec 2.9.4). */
	static Stream<String> cases() throws IOException {
		List<String> names = new java.util.ArrayList<>();
		for (String dir : List.of("runs", GoldenFiles.SEC_294_DIR + "/runs")) {
			try (Stream<Path> list = Files.list(GoldenFiles.moduleDir().resolve("golden").resolve(dir))) {
				list.filter(Files::isDirectory).map(p -> dir + "/" + p.getFileName()).sorted().forEach(names::add);
			}
		}
		assertFalse(names.isEmpty());
		return names.stream();
	}

	private static Path caseDir(String name) {
		return GoldenFiles.moduleDir().resolve("golden").resolve(name);
	}

	/** The command for a case: the runner, the case's files and its sec-options. */
	private static List<String> command(String runner, String name) throws IOException {
		List<String> command = new java.util.ArrayList<>(List.of("bash", runner, "rules.sec", "input.log", "--"));
		Path options = caseDir(name).resolve("sec-options");
		if (Files.exists(options)) {
			Files.readAllLines(options).stream().filter(l -> !l.isBlank()).forEach(command::add);
		}
		return command;
	}

	/** jsec's command: as sec's, and behaving as the release that made the golden file. */
	private static List<String> jsecCommand(String name) throws IOException {
		List<String> command = command(GoldenFiles.repositoryDir().resolve("scripts/jsec-run").toString(), name);
		command.add("--sec-version=" + GoldenFiles.secVersionOf(name));
		return command;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void jsecStdoutEqualsSec(String name) throws Exception {
		assumeTrue(Files.exists(LIBFAKETIME), "libfaketime is not installed (apt-get install libfaketime)");
		String ours = GoldenFiles.run(caseDir(name), jsecCommand(name));
		assertEquals(GoldenFiles.read(caseDir(name).resolve("stdout.golden")), ours);
	}

	@ParameterizedTest(name = "live sec still writes golden {0}")
	@MethodSource("cases")
	void goldenMatchesLiveSec(String name) throws Exception {
		String version = GoldenFiles.secVersionOf(name);
		assumeTrue(GoldenFiles.secAvailable(version), "sec " + version + " is not installed; golden file not re-checked");
		Path tool = GoldenFiles.sharedDir().resolve("tools/sec-run");
		String live = GoldenFiles.run(caseDir(name), command(tool.toString(), name), GoldenFiles.secEnvironment(version));
		assertEquals(GoldenFiles.read(caseDir(name).resolve("stdout.golden")), live);
	}
}

package org.sec.engine.tests.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.config.ConfigStructure;
import org.sec.engine.rules.RuleLoader;
import org.sec.engine.tests.support.GoldenFiles;
import org.junit.jupiter.api.Test;

/**
 * Compares how the engine splits a rule file with what the real sec 2.9.1 logged for the
 * same file (golden/config-lines/*.testonly, made by scripts/sec-testonly-golden.sh).
 * Every rule in these files is valid, so sec's rule count equals our group count.
 */
class ConfigStructureGoldenTest {

	private static final String FILE = "joining.sec";

	private static Path goldenDir() {
		return GoldenFiles.moduleDir().resolve("golden/config-lines");
	}

	@Test
	void diagnosticsAndRuleCountEqualSecsLog() throws IOException {
		assertEquals(expectedFromSec(GoldenFiles.read(goldenDir().resolve(FILE + ".testonly"))), ours());
	}

	@Test
	void goldenFileStillMatchesLiveSec() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed; golden file not re-checked");
		Path script = GoldenFiles.repositoryDir().resolve("scripts/sec-testonly-golden.sh");
		String live = GoldenFiles.run(goldenDir(), List.of("bash", script.toString(), FILE));
		assertEquals(GoldenFiles.read(goldenDir().resolve(FILE + ".testonly")), live);
	}

	private static List<String> ours() throws IOException {
		String text = GoldenFiles.read(goldenDir().resolve(FILE));
		ConfigStructure structure = ConfigStructure.parse(text);
		List<String> lines = new ArrayList<>();
		RuleLoader.load(FILE, text, 0).messages().stream().map(ConfigDiagnostic::message)
				.filter(m -> !m.startsWith("Reading configuration from")).forEach(lines::add);
		// every rule of this file is valid, so the grouping alone must give sec's count too
		assertEquals(lines.get(lines.size() - 1), structure.rules().size() + " rules loaded from " + FILE);
		return lines;
	}

	private static List<String> expectedFromSec(String golden) {
		return Arrays.stream(golden.split("\n"))
				.filter(l -> !l.startsWith("# made by:") && !l.startsWith("Reading configuration from")
						&& !l.startsWith("exit "))
				.collect(Collectors.toList());
	}
}

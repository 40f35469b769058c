package org.sec.simulator.tests.ruletest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.simulator.ruletest.SecTest;
import org.sec.simulator.ruletest.SecTestParser;

/**
 * The rule tests shipped in examples/ state what the rules write; this checks each
 * case's expected outputs against the real sec, run on the case's timeline with
 * shared/tools/sec-scenario, so that an example never teaches behaviour sec lacks.
 */
class SecTestAgainstSecTest {

	record Case(Path file, String name) {
		@Override
		public String toString() {
			return file.getFileName() + ": " + name;
		}
	}

	static Stream<Case> cases() throws Exception {
		List<Case> cases = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(GoldenFiles.repositoryDir().resolve("examples"))) {
			for (Path f : walk.filter(p -> p.toString().endsWith(".sectest")).sorted().toList()) {
				for (SecTest.Case c : SecTestParser.parse(f).cases()) {
					cases.add(new Case(f, c.name()));
				}
			}
		}
		assertFalse(cases.isEmpty());
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void expectedOutputsAreWhatSecWrites(Case which) throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed");
		SecTest test = SecTestParser.parse(which.file());
		SecTest.Case c = test.cases().stream().filter(k -> k.name().equals(which.name())).findFirst().orElseThrow();
		Path tmp = Files.createTempDirectory("sectest");
		Files.writeString(tmp.resolve("case.scn"), scenario(test, c));
		List<String> command = new ArrayList<>(List.of("python3",
				GoldenFiles.sharedDir().resolve("tools/sec-scenario").toString(), "-o", tmp.resolve("out").toString(),
				test.rules().get(0).toString(), tmp.resolve("case.scn").toString(), "--"));
		test.rules().stream().skip(1).forEach(r -> command.add("--conf=" + r));
		GoldenFiles.run(tmp, command);
		List<String> sec = Files.readAllLines(tmp.resolve("out/transcript")).stream().filter(l -> !l.startsWith("#"))
				.sorted().toList();
		List<String> expected = c.expectations().stream().filter(e -> e.kind() == SecTest.Kind.OUTPUT)
				.map(e -> e.offset() + "\t" + e.text()).sorted().toList();
		assertEquals(expected, sec);
	}

	private static String scenario(SecTest test, SecTest.Case c) throws IOException {
		StringBuilder b = new StringBuilder();
		b.append("@start ").append(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
				.format(Instant.ofEpochSecond(test.start()).atZone(ZoneOffset.UTC))).append('\n');
		if (test.intevents()) {
			b.append("@sec --intevents\n");
		}
		if (test.intcontexts()) {
			b.append("@sec --intcontexts\n");
		}
		long end = c.until();
		for (SecTest.Input i : c.inputs().stream().sorted(Comparator.comparingLong(SecTest.Input::offset)).toList()) {
			b.append(i.offset()).append(' ').append(i.text()).append('\n');
			end = Math.max(end, i.offset());
		}
		for (SecTest.Expectation e : c.expectations()) {
			end = Math.max(end, e.offset());
		}
		b.append("@end ").append(end).append('\n');
		return b.toString();
	}
}

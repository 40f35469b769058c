package org.sec.simulator.ruletest.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.sec.simulator.ruletest.SecTest;
import org.sec.simulator.ruletest.SecTestParser;
import org.sec.simulator.ruletest.SecTestRunner;

/**
 * Rule tests as JUnit 5 dynamic tests, so that a Maven or Gradle build can test its
 * rulesets:
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicNode&gt; rules() {
 *     return SecTestFactory.from(Path.of("src/test/sec"));
 * }
 * </pre>
 *
 * One container per .sectest file, one test per case; a failure lists every unmet
 * expectation with its file and line.
 */
public final class SecTestFactory {

	private SecTestFactory() {
	}

	public static Stream<DynamicNode> from(Path fileOrDirectory) {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
			files = walk.filter(f -> f.toString().endsWith(".sectest")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return files.stream().map(SecTestFactory::container);
	}

	private static DynamicNode container(Path file) {
		SecTest test;
		try {
			test = SecTestParser.parse(file);
		} catch (IOException | SecTestParser.SecTestException e) {
			return DynamicTest.dynamicTest(file.getFileName().toString(), file.toUri(), () -> Assertions.fail(e.getMessage()));
		}
		List<SecTestRunner.Result> results = SecTestRunner.run(test);
		return DynamicContainer.dynamicContainer(file.getFileName().toString(), file.toUri(),
				results.stream().map(r -> DynamicTest.dynamicTest(r.testCase().name(), () -> {
					if (!r.passed()) {
						Assertions.fail(String.join("\n", r.failures()));
					}
				})));
	}
}

package org.sec.engine.tests.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.rules.LoadedRuleFile;

/**
 * A golden log of {@code sec --testonly} (made by scripts/sec-testonly-golden.sh) and the
 * same view of our loader's result, normalised the same way for comparison:
 * <ul>
 * <li>the version and "Reading configuration" lines are left out;</li>
 * <li>for invalid regular expressions only "... Invalid regular expression 'P':" is kept,
 * because the rest is Perl's own error text;</li>
 * <li>lines are sorted: sec reports missing and illegal keywords in Perl hash order.</li>
 * </ul>
 */
public record TestonlyGolden(List<String> messages, int exitCode) {

	/** A rule file and the log sec --testonly wrote for it. */
	public record Case(String name, java.nio.file.Path rules, java.nio.file.Path golden) {
		@Override
		public String toString() {
			return name;
		}
	}

	/** Every corpus rule file with its golden in org.sec.engine.tests/golden/corpus ("dir/f.sec" -> "dir_f.sec.testonly"). */
	public static List<Case> corpusCases() throws java.io.IOException {
		java.nio.file.Path corpus = GoldenFiles.sharedDir().resolve("corpus/rulesets");
		java.nio.file.Path goldens = GoldenFiles.repositoryDir().resolve("org.sec.engine.tests/golden/corpus");
		try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(corpus)) {
			return walk.filter(p -> p.toString().endsWith(".sec")).sorted().map(p -> {
				String relative = corpus.relativize(p).toString();
				return new Case(relative, p, goldens.resolve(relative.replace('/', '_') + ".testonly"));
			}).toList();
		}
	}

	/** The generated mutation files (scripts/gen-config-mutations.py), each with its "NAME.testonly". */
	public static List<Case> mutationCases() throws java.io.IOException {
		java.nio.file.Path dir = GoldenFiles.repositoryDir().resolve("org.sec.engine.tests/golden/mutations");
		try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(dir)) {
			return list.filter(p -> p.toString().endsWith(".sec")).sorted()
					.map(p -> new Case(p.getFileName().toString(), p, java.nio.file.Path.of(p + ".testonly"))).toList();
		}
	}

	private static final Pattern REGEX_ERROR = Pattern.compile("^(.*Invalid regular expression '.*?'):.*$");
	private static final Pattern EXIT = Pattern.compile("^exit (\\d+)$");

	public static TestonlyGolden parse(String golden) {
		List<String> messages = new ArrayList<>();
		int exit = -1;
		for (String line : golden.split("\n")) {
			Matcher m = EXIT.matcher(line);
			if (m.matches()) {
				exit = Integer.parseInt(m.group(1));
			} else if (!line.startsWith("# made by:") && !line.isBlank()) {
				messages.add(line);
			}
		}
		return new TestonlyGolden(normalise(messages), exit);
	}

	public static TestonlyGolden of(LoadedRuleFile file) {
		List<String> messages = file.messages().stream().map(ConfigDiagnostic::message).toList();
		return new TestonlyGolden(normalise(messages), file.valid() ? 0 : 1);
	}

	private static List<String> normalise(List<String> lines) {
		List<String> result = new ArrayList<>();
		for (String line : lines) {
			if (line.startsWith("Reading configuration from") || line.startsWith("SEC (Simple Event Correlator)")) {
				continue;
			}
			Matcher m = REGEX_ERROR.matcher(line);
			result.add(m.matches() ? m.group(1) + ":" : line);
		}
		String[] sorted = result.toArray(new String[0]);
		Arrays.sort(sorted);
		return List.of(sorted);
	}

	/** Lines sec rejected rules at: "Rule in F at line N:" of error messages. */
	public List<Integer> rejectedRuleLines() {
		Pattern p = Pattern.compile("^Rule in .* at line (\\d+): (?!label |can't go backwards|Variable maps are|Invalid procallin)");
		List<Integer> lines = new ArrayList<>();
		for (String m : messages) {
			Matcher x = p.matcher(m);
			if (x.find()) {
				int line = Integer.parseInt(x.group(1));
				if (!lines.contains(line)) {
					lines.add(line);
				}
			}
		}
		lines.sort(null);
		return lines;
	}
}

package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigStructure;
import org.sec.engine.config.RawRule;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.ide.SecIde;
import org.sec.lang.model.RuleFields;
import org.sec.lang.sec.SecFile;

/**
 * Parses every ruleset of the shared corpus with the Xtext grammar and checks it against
 * the engine's reading of the same text, which follows sec's read_configfile line by line:
 * same rules, same keywords, same joined values, and syntax errors exactly on the lines
 * that sec rejects as malformed.
 */
class CorpusParsingTest {

	static Stream<Path> corpusFiles() throws IOException {
		Path corpus = GoldenFiles.sharedDir().resolve("corpus/rulesets");
		assertTrue(Files.isDirectory(corpus), "corpus not found at " + corpus);
		List<Path> files;
		try (Stream<Path> walk = Files.walk(corpus)) {
			files = walk.filter(p -> p.toString().endsWith(".sec")).sorted().collect(Collectors.toList());
		}
		assertFalse(files.isEmpty(), "no .sec files in " + corpus);
		return files.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpusFiles")
	void grammarAgreesWithSecsLineReader(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		XtextResource resource = SecIde.parse(text, file.getFileName().toString());
		ConfigStructure sec = ConfigStructure.parse(text);

		assertEquals(List.of(), resource.getErrors(), "a rule file always parses; sec's errors come from validation");
		SecFile model = (SecFile) resource.getContents().get(0);
		Set<Integer> malformedLines = sec.malformedLines().stream().map(ConfigLine::lastLine)
				.collect(Collectors.toCollection(TreeSet::new));
		Set<Integer> ours = new TreeSet<>();
		model.getRules().forEach(r -> r.getMalformed()
				.forEach(m -> ours.add(NodeModelUtils.findActualNodeFor(m).getEndLine())));
		model.getRules().forEach(r -> r.getFields().stream().filter(f -> "".equals(f.getValue()))
				.forEach(f -> ours.add(NodeModelUtils.findActualNodeFor(f).getEndLine())));
		assertEquals(malformedLines, ours, "lines that are not keyword=value");
		List<String> grouped = model.getRules().stream().filter(RuleFields::isRuleDefinition)
				.map(rule -> rule.getFields().stream().filter(f -> f.getValue() != null && !f.getValue().isEmpty())
						.map(f -> f.getKey() + "=" + f.getValue()).collect(Collectors.joining("\n")))
				.collect(Collectors.toList());
		List<String> secs = sec.rules().stream().map(CorpusParsingTest::fieldsOf).collect(Collectors.toList());
		assertEquals(secs, grouped);
	}

	private static String fieldsOf(RawRule rule) {
		return rule.lines().stream().filter(l -> l.kind() == ConfigLine.Kind.FIELD)
				.map(l -> l.keyword() + "=" + l.value()).collect(Collectors.joining("\n"));
	}
}

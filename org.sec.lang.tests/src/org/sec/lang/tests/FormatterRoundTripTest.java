package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.action.Action;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleLoader;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.formatting.SecFormatter;

/** Formatting the whole corpus changes no rule the engine loads, and formatting twice changes nothing more. */
class FormatterRoundTripTest {

	static Stream<Path> corpusFiles() throws IOException {
		return CorpusParsingTest.corpusFiles();
	}

	/** Everything the engine keeps of a rule, as text. */
	static String fingerprint(Rule r) {
		StringBuilder b = new StringBuilder();
		b.append(r.kind()).append('|').append(r.id()).append('|').append(r.desc()).append('|').append(r.desc2())
				.append('|').append(r.window()).append('|').append(r.threshold()).append('|').append(r.window2())
				.append('|').append(r.threshold2()).append('|').append(r.script()).append('|').append(r.cfset())
				.append('|').append(r.constSet()).append('|').append(r.multipleActions());
		for (PatternSlot s : r.slots()) {
			b.append("|slot:").append(s.whatNext()).append(s.gotoRule()).append(s.varmap()).append(s.threshold())
					.append(s.egToken()).append(s.count());
			if (s.pattern() != null) {
				b.append(s.pattern().type()).append(s.pattern().negated()).append(s.pattern().lines())
						.append(s.pattern().text());
			}
			if (s.context() != null) {
				b.append(s.context().expression()).append(s.context().preEvaluated());
			}
		}
		for (String field : List.of("action", "action2", "init", "slide", "end")) {
			List<Action> actions = r.actions(field);
			b.append('|').append(field).append(actions);
		}
		return b.toString();
	}

	private static List<String> loaded(String name, String text) {
		LoadedRuleFile file = RuleLoader.load(name, text, 0);
		List<String> result = new ArrayList<>();
		file.rules().forEach(r -> result.add(fingerprint(r)));
		result.add("valid=" + file.valid());
		// same messages; only line numbers may move
		file.messages().stream().map(ConfigDiagnostic::message).map(m -> m.replaceAll(" line \\d+", " line N"))
				.forEach(result::add);
		return result;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpusFiles")
	void formattingKeepsTheRulesSecLoads(Path file) throws IOException {
		String text = GoldenFiles.read(file);
		String formatted = SecFormatter.format(text);
		assertEquals(loaded("f.sec", text), loaded("f.sec", formatted));
		assertEquals(formatted, SecFormatter.format(formatted), "formatting is idempotent");
	}

	@Test
	void joinsContinuationsTrimsKeywordsAndKeepsComments() {
		String text = "# head \\\n  continued\n\n\n  type = Single  \naction=write - a;\\\n  # kept\n\ndesc=x \\\n";
		assertEquals("# head   continued\n\ntype=Single\naction=write - a;  # kept\n", SecFormatter.format(text));
	}
}

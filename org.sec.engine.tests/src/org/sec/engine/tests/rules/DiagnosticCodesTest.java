package org.sec.engine.tests.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.config.ConfigDiagnostic.Code;
import org.sec.engine.rules.RuleLoader;

/**
 * Each of the loader's messages says as structure what sec's wording says: the code, the
 * keyword (as the rule spells it) and the subject. Tools read these, never the message, so
 * that rewording cannot silently break a quick fix.
 */
class DiagnosticCodesTest {

	private static final String BASE = "type=Single\nptype=RegExp\npattern=x\ndesc=d\naction=none\n";

	/** The first error or warning of a file: code, keyword, subject (| stands for a line break). */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = {
			"type=Singel|ptype=RegExp|pattern=x|desc=d|action=none; INVALID_RULE_TYPE; type; Singel",
			"type=Single|ptype=RegEx|pattern=x|desc=d|action=none; INVALID_PATTERN_TYPE; ptype; RegEx",
			"type=Pair|ptype=RegExp|pattern=x|desc=d|action=none|ptype2=SubStrr|pattern2=y|desc2=e|action2=none;"
					+ " INVALID_PATTERN_TYPE; ptype2; SubStrr",
			"type=Single|ptype=RegExp|pattern=(x|desc=d|action=none; INVALID_PATTERN; pattern; (x",
			"type=Single|ptype=RegExp|pattern=x|action=none; MISSING_KEYWORD; desc; SINGLE",
			"type=Single|ptype=RegExp|pattern=x|desc=d|action=none|Window=5; ILLEGAL_KEYWORD; Window; SINGLE",
			"type=Single|ptype=RegExp|pattern=x|desc=d|action=frobnicate now; INVALID_ACTION; action; frobnicate now",
			"type=Single|ptype=RegExp|pattern=x|desc=d|action=assign foo bar; INVALID_VARIABLE; action; foo",
			"type=Single|ptype=RegExp|pattern=x|context=A &&|desc=d|action=none; INVALID_CONTEXT; context; A &&",
			"type=SingleWithThreshold|ptype=RegExp|pattern=x|desc=d|action=none|window=0|thresh=2;"
					+ " INVALID_VALUE; window; 0",
			"type=Calendar|time=61 * * * *|desc=d|action=none; INVALID_VALUE; time; 61",
			"type=Single|ptype=RegExp|pattern=x|desc=d|action=none|continue=GoTo nowhere; BAD_LABEL; continue; nowhere",
			"type=Single|ptype=RegExp|pattern=x|desc=d|action=none|desc=again; DUPLICATE_KEYWORD; desc; d",
			"type=Single|ptype=SubStr|pattern=x|varmap=a=1|desc=d|action=none; INVALID_VARMAP; varmap; a=1",
			"type=EventGroup|ptype=RegExp|pattern=x|desc=d|action=none|window=5|egptype=RegExp;"
					+ " KEYWORD_NEEDS_ANOTHER; egptype; egpattern" })
	void firstProblemIsStructured(String rule, String code, String keyword, String subject) {
		List<ConfigDiagnostic> problems = RuleLoader.load("r.sec", rule.replace('|', '\n') + "\n", 0).messages().stream()
				.filter(d -> d.severity() == ConfigDiagnostic.Severity.ERROR
						|| d.severity() == ConfigDiagnostic.Severity.WARNING)
				.toList();
		ConfigDiagnostic first = problems.get(0);
		assertEquals(List.of(Code.valueOf(code), keyword, subject), List.of(first.code(), first.keyword(), first.subject()),
				first.message());
	}

	/** A line that is not keyword=value, and a file without a valid rule, concern no field. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = { "this is not keyword=value; MALFORMED_LINE", "type=Nothing; NO_VALID_RULES" })
	void fileLevelProblems(String line, String code) {
		String text = line.startsWith("type=") ? line + "\n" : BASE.replace("pattern=x\n", "pattern=x\n" + line + "\n");
		List<ConfigDiagnostic> problems = RuleLoader.load("r.sec", text, 0).messages();
		ConfigDiagnostic found = problems.stream().filter(d -> d.code() == Code.valueOf(code)).findFirst().orElseThrow();
		assertEquals(null, found.keyword(), found.message());
	}
}

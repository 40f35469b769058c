package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.sec.lang.ide.SecIde;

/** Validation with sec's messages, on the field each message is about. */
class SecValidatorTest {

	static List<Issue> validate(String text, String name) {
		XtextResource resource = SecIde.parse(text, name);
		return resource.getResourceServiceProvider().get(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
	}

	private static String describe(Issue i) {
		return i.getSeverity() + "@" + i.getLineNumber() + ": " + i.getMessage();
	}

	@Test
	void duplicateKeywordWarnsWithSecsMessageOnTheLaterField() {
		String text = "type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=none\nrem=a\nrem=b\ndesc=y \\\n z\n";
		List<Issue> issues = validate(text, "v.sec");
		assertEquals(1, issues.size(), () -> issues.toString());
		Issue issue = issues.get(0);
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertEquals("Several 'desc' keywords specified, overriding previous value 'x' with 'y  z'", issue.getMessage());
		assertEquals(8, issue.getLineNumber());
		assertEquals(text.lastIndexOf("desc"), issue.getOffset());
		assertEquals(4, issue.getLength());
	}

	/** trim came with sec 2.9.4: before it, sec's own verdict (checked with sec 2.9.1) and why, on the action field. */
	@Test
	void anActionTheTargetSecLacksIsSecsVerdictPlusWhatIsNeeded() {
		String text = "type=Single\nptype=SubStr\npattern=x\ndesc=x\naction=add C one; trim -10 C %old\n";
		XtextResource old = SecIde.parse(text, "t.sec");
		org.sec.lang.validation.SecTarget.set(old, org.sec.engine.api.SecVersion.V2_9_1);
		List<Issue> issues = old.getResourceServiceProvider().get(IResourceValidator.class).validate(old, CheckMode.ALL,
				CancelIndicator.NullImpl);
		assertEquals(List.of("ERROR@5: Invalid action 'trim -10 C %old' (sec reports it for the rule at line 1)",
				"ERROR@5: Invalid action list ' add C one; trim -10 C %old ' (sec reports it for the rule at line 1)",
				"ERROR@5: trim needs sec 2.9.4; this project targets 2.9.1",
				"WARNING@1: No valid rules found in configuration file t.sec"),
				issues.stream().map(SecValidatorTest::describe).sorted().collect(Collectors.toList()));
		assertEquals(org.sec.lang.validation.SecValidator.NEEDS_NEWER_SEC,
				issues.stream().filter(i -> i.getMessage().startsWith("trim needs")).findFirst().orElseThrow().getCode());
		XtextResource current = SecIde.parse(text, "t.sec");
		org.sec.lang.validation.SecTarget.set(current, org.sec.engine.api.SecVersion.V2_9_4);
		assertEquals(List.of(), current.getResourceServiceProvider().get(IResourceValidator.class)
				.validate(current, CheckMode.ALL, CancelIndicator.NullImpl));
	}

	/**
	 * Issues carry the loader's code and data (keyword, subject), which quick fixes read; the
	 * position comes from them too: the misspelt pattern type of the second pattern, on its value.
	 */
	@Test
	void issuesCarryTheLoadersCodeKeywordAndSubject() {
		String text = "type=Pair\nptype=RegExp\npattern=x\ndesc=d\naction=none\nptype2=SubStrr\npattern2=y\n"
				+ "desc2=e\naction2=none\n";
		Issue issue = validate(text, "p.sec").stream().filter(i -> i.getSeverity() == Severity.ERROR).findFirst()
				.orElseThrow();
		assertEquals("Invalid pattern type 'SubStrr' (sec reports it for the rule at line 1)", issue.getMessage());
		assertEquals("sec.invalidPatternType", issue.getCode());
		assertEquals(List.of("ptype2", "SubStrr"), List.of(issue.getData()));
		assertEquals(6, issue.getLineNumber());
		assertEquals(text.indexOf("SubStrr"), issue.getOffset());
		assertEquals("SubStrr".length(), issue.getLength());
	}

	@Test
	void missingKeywordIsAnErrorOnTheTypeField() {
		String text = "# c\ntype=Single\nptype=SubStr\npattern=x\naction=none\n";
		List<Issue> issues = validate(text, "m.sec");
		assertEquals(List.of("ERROR@2: Keyword 'desc' missing (needed for SINGLE rule)",
				"WARNING@2: No valid rules found in configuration file m.sec"),
				issues.stream().map(SecValidatorTest::describe).collect(Collectors.toList()));
		assertEquals(text.indexOf("type"), issues.get(0).getOffset());
	}

	@Test
	void invalidActionListIsReportedOnTheFieldThatHoldsIt() {
		String text = "type=Pair\nptype=SubStr\npattern=a\ndesc=d\naction=none\nptype2=SubStr\npattern2=b\n"
				+ "desc2=d2\naction2=copy CTX var\n";
		List<Issue> issues = validate(text, "a.sec");
		assertEquals(List.of(
				"ERROR@9: Invalid action list ' copy CTX var ' (sec reports it for the rule at line 1)",
				"ERROR@9: Variable var does not have the form %<letter>[<letter>|<digit>|<underscore>]..."
						+ " (sec reports it for the rule at line 1)",
				"WARNING@1: No valid rules found in configuration file a.sec"),
				issues.stream().map(SecValidatorTest::describe).sorted().collect(Collectors.toList()));
		Issue onField = issues.stream().filter(i -> i.getMessage().startsWith("Invalid action list")).findFirst()
				.orElseThrow();
		assertEquals(text.indexOf("copy CTX var"), onField.getOffset());
		assertEquals("copy CTX var".length(), onField.getLength());
		Issue onVariable = issues.stream().filter(i -> i.getMessage().startsWith("Variable")).findFirst().orElseThrow();
		assertEquals(text.indexOf("var\n"), onVariable.getOffset());
		assertEquals(3, onVariable.getLength());
	}

	@Test
	void aPatternJavaCannotRunMatchesInPerlAndPerlsRegexErrorsAreSecs() {
		assumeTrue(new org.sec.engine.perl.PerlBridge("perl").available(), "perl is not installed");
		// valid Perl without a Java translation: perl runs it, as in sec, so nothing to report
		assertEquals(List.of(), validate("type=Single\nptype=RegExp\npattern=a\\Kb\ndesc=x\naction=none\n", "k.sec")
				.stream().map(SecValidatorTest::describe).collect(Collectors.toList()));
		// perl's limit, with perl's message as sec logs it
		String text = "type=Single\nptype=RegExp\npattern=a{1,70000}\ndesc=x\naction=none\n";
		assertEquals(List.of("ERROR@3: Invalid regular expression 'a{1,70000}': Quantifier in {,} bigger than 65534 in regex;"
				+ " marked by <-- HERE in m/a{1,70000 <-- HERE }/ at /usr/bin/sec line 711, <$fh> line 5.\n"
				+ " (sec reports it for the rule at line 1)", "WARNING@1: No valid rules found in configuration file q.sec"),
				validate(text, "q.sec").stream().map(SecValidatorTest::describe).sorted().collect(Collectors.toList()));
	}

	@Test
	void messagesMarkThePartOfTheValueTheyAreAboutAcrossContinuationLines() {
		String text = "type=Single\nptype=RegExp\npattern=(unclosed \\\n   group\ndesc=x\naction=none\n\n"
				+ "type=Single\nptype=SubStr\npattern=y\ndesc=y\naction=write - a; \\\n       frobnicate now; none\n";
		List<Issue> issues = validate(text, "s.sec");
		Issue regex = issues.stream().filter(i -> i.getMessage().startsWith("Invalid regular expression")).findFirst()
				.orElseThrow();
		assertEquals(text.indexOf("(unclosed"), regex.getOffset());
		assertEquals(text.indexOf("group\n") + "group".length() - text.indexOf("(unclosed"), regex.getLength(),
				"the whole pattern, continuation line included");
		Issue action = issues.stream().filter(i -> i.getMessage().startsWith("Invalid action 'frobnicate now'")).findFirst()
				.orElseThrow();
		assertEquals(text.indexOf("frobnicate now"), action.getOffset());
		assertEquals("frobnicate now".length(), action.getLength());
		assertEquals(13, action.getLineNumber(), "on the continuation line that holds it");

		List<Issue> label = validate("type=Single\ncontinue=GoTo  nowhere\nptype=SubStr\npattern=x\ndesc=x\naction=none\n",
				"l.sec");
		assertEquals("type=Single\ncontinue=GoTo  ".length(), label.get(0).getOffset());
		assertEquals("nowhere".length(), label.get(0).getLength());
	}

	@Test
	void caseSensitiveKeywordsAndUnknownLabelsAsSecSeesThem() {
		List<Issue> issues = validate("type=Single\ncontinue=GoTo nowhere\nptype=SubStr\npattern=x\ndesc=x\n"
				+ "Action=none\n", "c.sec");
		assertEquals(List.of("ERROR@1: Keyword 'action' missing (needed for SINGLE rule)",
				"ERROR@6: Keyword 'Action' illegal (not allowed for SINGLE rule) (sec reports it for the rule at line 1)",
				"WARNING@1: No valid rules found in configuration file c.sec"),
				issues.stream().map(SecValidatorTest::describe).sorted().collect(Collectors.toList()));
		List<Issue> label = validate("type=Single\ncontinue=GoTo nowhere\nptype=SubStr\npattern=x\ndesc=x\naction=none\n",
				"l.sec");
		assertEquals(List.of("WARNING@2: label nowhere does not exist, assuming continue=DontCont"
				+ " (sec reports it for the rule at line 1)"),
				label.stream().map(SecValidatorTest::describe).collect(Collectors.toList()));
	}
}

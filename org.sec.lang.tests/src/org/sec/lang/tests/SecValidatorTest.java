package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

class SecValidatorTest {

	private static List<Issue> validate(String text) {
		XtextResource resource = SecIde.parse(text, "v.sec");
		return resource.getResourceServiceProvider().get(IResourceValidator.class).validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
	}

	@Test
	void duplicateKeywordWarnsWithSecsMessageOnTheLaterField() {
		String text = "type=Single\ndesc=x\nrem=a\nrem=b\ndesc=y \\\n z\n";
		List<Issue> issues = validate(text);
		assertEquals(1, issues.size(), () -> issues.toString());
		Issue issue = issues.get(0);
		assertEquals(Severity.WARNING, issue.getSeverity());
		assertEquals("Several 'desc' keywords specified, overriding previous value 'x' with 'y  z'", issue.getMessage());
		assertEquals(5, issue.getLineNumber());
		assertEquals(text.lastIndexOf("desc"), issue.getOffset());
		assertEquals(4, issue.getLength());
	}

	@Test
	void keywordsAreCaseSensitiveAndRulesAreSeparate() {
		List<Issue> issues = validate("type=Single\nType=Pair\n\ntype=Single\n");
		assertEquals(List.of(), issues.stream().map(Issue::getMessage).collect(Collectors.toList()));
	}
}

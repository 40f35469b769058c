package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.engine.tests.support.TestonlyGolden;
import org.sec.engine.tests.support.TestonlyGolden.Case;
import org.sec.lang.ide.SecIde;
import org.sec.lang.sec.Rule;
import org.sec.lang.sec.SecFile;
import org.sec.lang.validation.SecValidator;

/**
 * The editor's verdict against sec --testonly: for every corpus file and every generated
 * mutation file, "we report an error" equals "sec rejects", per rule (the rules with an
 * error are exactly the rules sec rejected) and per file.
 */
class VerdictTest {

	static Stream<Case> cases() throws IOException {
		List<Case> cases = new ArrayList<>(TestonlyGolden.corpusCases());
		cases.addAll(TestonlyGolden.mutationCases());
		assertFalse(cases.isEmpty());
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void editorVerdictEqualsSec(Case c) throws IOException {
		String text = GoldenFiles.read(c.rules());
		XtextResource resource = SecIde.parse(text, c.rules().getFileName().toString());
		List<Issue> issues = resource.getResourceServiceProvider().get(IResourceValidator.class).validate(resource,
				CheckMode.ALL, CancelIndicator.NullImpl);
		TestonlyGolden sec = TestonlyGolden.parse(GoldenFiles.read(c.golden()));

		TreeSet<Integer> rejected = new TreeSet<>();
		SecFile file = (SecFile) resource.getContents().get(0);
		boolean anyError = false;
		for (Issue issue : issues) {
			if (issue.getSeverity() != Severity.ERROR) {
				continue;
			}
			anyError = true;
			if (issue.isSyntaxError() || SecValidator.MALFORMED_LINE.equals(issue.getCode())) {
				continue; // the file is invalid, but sec still loads the rule around the line
			}
			EObject target = resource.getEObject(issue.getUriToProblem().fragment());
			while (target != null && !(target instanceof Rule)) {
				target = target.eContainer();
			}
			if (target != null) {
				rejected.add(NodeModelUtils.findActualNodeFor(target).getStartLine());
			}
		}
		assertEquals(new TreeSet<>(sec.rejectedRuleLines()), rejected, "rejected rules of " + c);
		assertEquals(sec.exitCode() != 0, anyError, "file verdict of " + c);
		assertEquals(false, file == null);
	}
}

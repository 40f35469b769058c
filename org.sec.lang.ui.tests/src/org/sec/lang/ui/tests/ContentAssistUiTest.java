package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sec.lang.ui.editor.SecContentAssistProcessor;
import org.sec.lang.ui.editor.SecEditor;

/** Content assist in the SEC editor: what a user gets with Ctrl+Space at typical places. */
class ContentAssistUiTest {

	private static final String RULES = """
			type=SingleWithThreshold
			ptype=RegExp
			pattern=Failed password for (\\S+)
			desc=failures for $1
			action=write - alert; cre
			th
			continue=

			label=done
			type=
			ptype=SubStr
			pattern=x
			context=ADMIN_MODE && US
			desc=x
			action=create USER_ACTIVE 60; assign %last %.h
			""";

	@AfterEach
	void close() {
		TestProjects.page().closeAllEditors(false);
	}

	private static SecEditor open() throws Exception {
		IFile file = TestProjects.file("assist", "assist.sec", RULES);
		return assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
	}

	private static List<String> shown(IDocument doc, String after) throws Exception {
		int offset = RULES.indexOf(after) + after.length();
		return Arrays.stream(SecContentAssistProcessor.proposals(doc, offset).toArray(ICompletionProposal[]::new))
				.map(ICompletionProposal::getDisplayString).toList();
	}

	@Test
	void ruleTemplatesAreRulesSecAccepts() throws Exception {
		org.eclipse.jface.text.Document doc = new org.eclipse.jface.text.Document("# rules\n\n");
		List<ICompletionProposal> templates = SecContentAssistProcessor.proposals(doc, doc.getLength()).stream()
				.filter(p -> p.getDisplayString().endsWith(" rule (template)")).toList();
		assertEquals(11, templates.size(), templates.stream().map(ICompletionProposal::getDisplayString).toList().toString());
		for (ICompletionProposal p : templates) {
			org.eclipse.jface.text.Document rule = new org.eclipse.jface.text.Document("# rules\n\n");
			p.apply(rule);
			org.sec.engine.rules.LoadedRuleFile loaded = org.sec.engine.rules.RuleLoader.load("t.sec", rule.get(), 0);
			assertTrue(loaded.valid(), p.getDisplayString() + ": " + loaded.messages());
			assertEquals(1, loaded.rules().size(), p.getDisplayString());
		}
	}

	/** A template's values are placeholders: inserted in the editor, the first value is selected and Tab goes on. */
	@Test
	void aTemplateIsFilledInByTabbingThroughItsValues() throws Exception {
		IFile file = TestProjects.file("assist", "template.sec", "# rules\n\n");
		SecEditor editor = assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
		IDocument doc = editor.getDocument();
		org.eclipse.jface.text.ITextViewer viewer = (org.eclipse.jface.text.ITextViewer) editor
				.getAdapter(org.eclipse.jface.text.ITextOperationTarget.class);
		int at = doc.getLength();
		ICompletionProposal single = SecContentAssistProcessor.proposals(doc, at).stream()
				.filter(p -> p.getDisplayString().equals("Single rule (template)")).findFirst().orElseThrow();
		((org.eclipse.jface.text.contentassist.ICompletionProposalExtension2) single).apply(viewer, '\0', 0, at);
		assertTrue(org.eclipse.jface.text.link.LinkedModeModel.hasInstalledModel(doc), "the values are linked placeholders");
		org.eclipse.swt.graphics.Point first = single.getSelection(doc);
		assertEquals("RegExp", doc.get(first.x, first.y), "the first value (ptype) is selected, ready to type over");
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "editor-template-placeholders");
	}

	@Test
	void proposalsFollowTheRuleType() throws Exception {
		SecEditor editor = open();
		IDocument doc = editor.getDocument();
		assertEquals(List.of("thresh (required)"), shown(doc, "\nth"));
		assertEquals(List.of("create [name [time [(action list)]]] - creates the context (default %s) for time seconds"
				+ " (0: forever), with an action list for when it expires"), shown(doc, "; cre"));
		assertEquals(List.of("%.hour - hours, two digits", "%.hmsstr - HH:MM:SS"), shown(doc, "%last %.h"));
		assertEquals(List.of("%last - used in this file"), shown(doc, "assign %l"));
		assertEquals(List.of("USER_ACTIVE"), shown(doc, "&& US"));
		assertEquals(List.of("TakeNext", "DontCont", "EndMatch", "GoTo done"), shown(doc, "continue="));
		List<String> types = shown(doc, "label=done\ntype=");
		assertTrue(types.containsAll(List.of("Single", "SingleWithThreshold", "EventGroup", "Calendar", "Jump")), types.toString());

		// the editor's own assistant offers the same: apply the keyword proposal as Ctrl+Space + Enter would
		ITextOperationTarget target = editor.getAdapter(ITextOperationTarget.class);
		SourceViewer viewer = assertInstanceOf(SourceViewer.class, target);
		assertTrue(viewer.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS));
		int offset = RULES.indexOf("\nth") + 3;
		ICompletionProposal thresh = SecContentAssistProcessor.proposals(doc, offset).get(0);
		thresh.apply(doc);
		assertTrue(doc.get().contains("\nthresh=\n"), doc.get());
		viewer.setSelectedRange(RULES.indexOf("; cre") + 5, 0);
		viewer.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		Screenshots.flush(Display.getCurrent());
		assertNotNull(Screenshots.save(editor.getSite().getShell(), "editor-content-assist"));
	}
}

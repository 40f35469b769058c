package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sec.lang.ui.editor.SecEditor;
import org.sec.lang.ui.editor.SecHyperlinkDetector;

/** Toggle comment (Ctrl+/ command) and GoTo-label hyperlinks in the SEC editor. */
class EditorActionsUiTest {

	private static final String RULES = "type=Single\nptype=SubStr\npattern=a\ncontinue=GoTo after\ndesc=a\naction=none\n\n"
			+ "label=after\ntype=Single\nptype=SubStr\npattern=b\ndesc=b\naction=none\n";

	@AfterEach
	void close() {
		TestProjects.page().closeAllEditors(false);
	}

	private static SecEditor open() throws Exception {
		IFile file = TestProjects.file("actions", "actions.sec", RULES);
		return assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
	}

	@Test
	void formatCommandNormalisesTheFileAsOneUndoableChange() throws Exception {
		SecEditor editor = open();
		IDocument doc = editor.getDocument();
		doc.set("type = Single\nptype=SubStr\npattern=a \\\n b\n\n\n\ndesc=a\naction=none\n");
		IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
		handlers.executeCommand("org.sec.lang.ui.format", null);
		assertEquals("type=Single\nptype=SubStr\npattern=a  b\n\ndesc=a\naction=none\n", doc.get());
		SourceViewer viewer = assertInstanceOf(SourceViewer.class, editor.getAdapter(ITextOperationTarget.class));
		viewer.doOperation(ITextOperationTarget.UNDO);
		assertEquals("type = Single\nptype=SubStr\npattern=a \\\n b\n\n\n\ndesc=a\naction=none\n", doc.get());
	}

	@Test
	void toggleCommentCommandCommentsAndUncommentsTheSelectedLines() throws Exception {
		SecEditor editor = open();
		IDocument doc = editor.getDocument();
		editor.getSelectionProvider().setSelection(new TextSelection(doc, 0, "type=Single\nptype".length()));
		IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
		handlers.executeCommand("org.sec.lang.ui.toggleComment", null);
		assertEquals("#type=Single\n#ptype=SubStr\n" + RULES.substring("type=Single\nptype=SubStr\n".length()), doc.get());
		editor.getSelectionProvider().setSelection(new TextSelection(doc, 0, "#type=Single\n#ptype".length()));
		handlers.executeCommand("org.sec.lang.ui.toggleComment", null);
		assertEquals(RULES, doc.get());
	}

	@Test
	void hoversExplainKeywordsAndPatterns() throws Exception {
		String rules = "type=SingleWithThreshold\nptype=RegExp\npattern=from (\\S+) port (?:\\d+) user (?<user>\\w+)\n"
				+ "desc=x\naction=none\nwindow=60\nthresh=3\nscript=x\n";
		org.eclipse.jface.text.Document doc = new org.eclipse.jface.text.Document(rules);
		assertEquals("thresh: required in SingleWithThreshold rules\nhow many events within the window fire the action",
				org.sec.lang.ui.editor.SecTextHover.info(doc, rules.indexOf("thresh=") + 2));
		assertEquals("none\ndoes nothing", org.sec.lang.ui.editor.SecTextHover.info(doc, rules.indexOf("=none") + 2));
		assertEquals("script: not allowed in SingleWithThreshold rules (sec rejects the rule)\n"
				+ "SingleWithScript: the command whose exit code picks action (0) or action2",
				org.sec.lang.ui.editor.SecTextHover.info(doc, rules.indexOf("script=") + 1));
		String pattern = org.sec.lang.ui.editor.SecTextHover.info(doc, rules.indexOf("pattern=") + 10);
		assertEquals("$1 = (\\S+)\n$2 = (?<user>\\w+)\n$+{user} is a named group\njava.util.regex: ",
				pattern.substring(0, pattern.indexOf("java.util.regex: ") + "java.util.regex: ".length()));
	}

	@Test
	void quickFixesRepairTheCommonMistakes() throws Exception {
		String text = "type=Singel\nptype=RegExp\npattern=a\ndesc=a\naction=none\n\n"
				+ "type=Single\nPtype=RegExp\npattern=a\ndesc=a\naction=none\n\n"
				+ "type=Single\nptype=RegExpp\npattern=a\ndesc=a\naction=none\n\n"
				+ "type=Single\nptype=SubStr\npattern=a\naction=none\n";
		IFile file = TestProjects.file("actions", "fixes.sec", text);
		SecEditor editor = assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
		org.sec.lang.ui.validation.ProblemMarkers.update(file, editor.getDocument().get());
		java.util.List<String> applied = new java.util.ArrayList<>();
		for (int round = 0; round < 6; round++) {
			org.eclipse.core.resources.IMarker[] markers = file.findMarkers(
					org.sec.lang.ui.validation.ProblemMarkers.MARKER_TYPE, false, 0);
			org.eclipse.ui.IMarkerResolution fix = null;
			for (org.eclipse.core.resources.IMarker m : markers) {
				org.eclipse.ui.IMarkerResolution[] r = org.eclipse.ui.ide.IDE.getMarkerHelpRegistry().getResolutions(m);
				if (r.length > 0) {
					fix = r[0];
					fix.run(m);
					applied.add(fix.getLabel());
					break;
				}
			}
			if (fix == null) {
				break;
			}
			org.sec.lang.ui.validation.ProblemMarkers.update(file, editor.getDocument().get());
		}
		assertEquals(java.util.Set.of("Change the rule type to Single", "Write the keyword in lower case: ptype",
				"Change the pattern type to RegExp", "Add the missing keyword: desc=CHANGE_ME: describe what this rule detects"),
				new java.util.HashSet<>(applied));
		String fixed = editor.getDocument().get();
		assertEquals("type=Single\nptype=RegExp\npattern=a\ndesc=a\naction=none\n\n"
				+ "type=Single\nptype=RegExp\npattern=a\ndesc=a\naction=none\n\n"
				+ "type=Single\nptype=RegExp\npattern=a\ndesc=a\naction=none\n\n"
				+ "type=Single\nptype=SubStr\npattern=a\naction=none\ndesc=CHANGE_ME: describe what this rule detects\n", fixed);
	}

	/** Ctrl+1 in the editor: the fixes of the caret's line, as the Problems view has them, applied in place. */
	@Test
	void ctrl1OffersTheQuickFixesOfTheCaretsLine() throws Exception {
		String text = "type=Singel\nptype=RegExp\npattern=a\ndesc=a\naction=none\n";
		IFile file = TestProjects.file("actions", "ctrl1.sec", text);
		SecEditor editor = assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
		org.sec.lang.ui.validation.ProblemMarkers.update(file, editor.getDocument().get());
		org.eclipse.jface.text.source.ISourceViewer viewer = (org.eclipse.jface.text.source.ISourceViewer) editor
				.getAdapter(org.eclipse.jface.text.ITextOperationTarget.class);
		assertTrue(((org.eclipse.jface.text.ITextOperationTarget) viewer)
				.canDoOperation(org.eclipse.jface.text.source.ISourceViewer.QUICK_ASSIST), "Ctrl+1 is wired to the editor");
		org.sec.lang.ui.editor.SecQuickAssistProcessor processor = new org.sec.lang.ui.editor.SecQuickAssistProcessor();
		org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext caret = new org.eclipse.jface.text.source.TextInvocationContext(
				viewer, 5, -1);
		UiWait.until("the editor shows the problem of line 1", 30_000,
				() -> processor.computeQuickAssistProposals(caret).length > 0);
		((org.eclipse.jface.text.ITextOperationTarget) viewer).doOperation(org.eclipse.jface.text.source.ISourceViewer.QUICK_ASSIST);
		Screenshots.flush(org.eclipse.swt.widgets.Display.getCurrent());
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "editor-ctrl1-quick-fix");
		org.eclipse.jface.text.contentassist.ICompletionProposal[] proposals = processor.computeQuickAssistProposals(caret);
		assertEquals("Change the rule type to Single", proposals[0].getDisplayString());
		proposals[0].apply(editor.getDocument());
		assertEquals(text.replace("Singel", "Single"), editor.getDocument().get());
	}

	@Test
	void eachRuleFolds() throws Exception {
		SecEditor editor = open();
		java.util.List<org.eclipse.jface.text.Position> regions = editor.foldingRegions();
		assertEquals(2, regions.size());
		assertEquals(0, regions.get(0).getOffset());
		assertEquals("type=Single\nptype=SubStr\npattern=a\ncontinue=GoTo after\ndesc=a\naction=none\n",
				editor.getDocument().get(regions.get(0).getOffset(), regions.get(0).getLength()));
		org.eclipse.jface.text.source.projection.ProjectionViewer viewer = assertInstanceOf(
				org.eclipse.jface.text.source.projection.ProjectionViewer.class,
				editor.getAdapter(ITextOperationTarget.class));
		int[] count = { 0 };
		viewer.getProjectionAnnotationModel().getAnnotationIterator().forEachRemaining(a -> count[0]++);
		assertEquals(2, count[0], "one fold per rule in the editor");
	}

	@Test
	void valuesAreHighlightedInside() throws Exception {
		String text = "type=Single\nptype=RegExp\npattern=user (\\S+) from ([\\d.]+){1,2}\ncontext=A_$1 && !B\n"
				+ "desc=login $1\naction=write - %s; create X_$1\n";
		IFile file = TestProjects.file("actions", "colours.sec", text);
		SecEditor editor = assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
		org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
		while (display.readAndDispatch()) {
			// let the presentation be applied
		}
		org.eclipse.swt.custom.StyledText styled = (org.eclipse.swt.custom.StyledText) editor
				.getAdapter(org.eclipse.swt.widgets.Control.class);
		java.util.function.BiFunction<String, Integer, org.eclipse.swt.graphics.RGB> colourAt = (s, delta) -> styled
				.getStyleRangeAtOffset(text.indexOf(s) + delta).foreground.getRGB();
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.REGEX_GROUP, colourAt.apply("(\\S+)", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.REGEX_CLASS, colourAt.apply("\\S+", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.REGEX_QUANTIFIER, colourAt.apply("{1,2}", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.VALUE, colourAt.apply("user (", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.CONTEXT_OPERATOR, colourAt.apply("&&", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.VARIABLE, colourAt.apply("$1 &&", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.ACTION_NAME, colourAt.apply("write -", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.ACTION_NAME, colourAt.apply("create X", 0));
		assertEquals(org.sec.lang.ui.editor.SecHighlightingColors.VARIABLE, colourAt.apply("%s;", 0));
		Screenshots.save(editor.getSite().getShell(), "editor-highlighting-inside-values");
	}

	@Test
	void gotoLabelIsAHyperlinkToTheLabel() throws Exception {
		SecEditor editor = open();
		IDocument doc = editor.getDocument();
		SourceViewer viewer = assertInstanceOf(SourceViewer.class, editor.getAdapter(ITextOperationTarget.class));
		int onLabel = RULES.indexOf("GoTo after") + "GoTo a".length();
		IHyperlink[] links = SecHyperlinkDetector.detect(viewer, doc, onLabel);
		assertNotNull(links);
		assertEquals(RULES.indexOf("GoTo after") + 5, links[0].getHyperlinkRegion().getOffset());
		links[0].open();
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(RULES.indexOf("label=after"), selection.getOffset());
		assertNull(SecHyperlinkDetector.detect(viewer, doc, RULES.indexOf("continue=")), "only the label is a link");

		// F3 (the Open Declaration command) does the same from the caret
		editor.getSelectionProvider().setSelection(new TextSelection(doc, onLabel, 0));
		IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
		handlers.executeCommand("org.sec.lang.ui.openDeclaration", null);
		assertEquals(RULES.indexOf("label=after"), ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());
	}

	@Test
	void contextNameIsAHyperlinkToTheActionsThatCreateIt() throws Exception {
		String rules = "type=Single\nptype=RegExp\npattern=login (\\w+)\ndesc=login\naction=create USER_$1 60\n\n"
				+ "type=Single\nptype=SubStr\npattern=su\ndesc=su\naction=write - su; add USER_root %s\n\n"
				+ "type=Single\nptype=SubStr\npattern=x\ncontext=!USER_root && OTHER\ndesc=x\naction=none\n";
		org.eclipse.jface.text.Document doc = new org.eclipse.jface.text.Document(rules);
		SecEditor editor = open();
		SourceViewer viewer = assertInstanceOf(SourceViewer.class, editor.getAdapter(ITextOperationTarget.class));
		viewer.setDocument(doc);
		int onName = rules.indexOf("!USER_root") + 3;
		IHyperlink[] links = SecHyperlinkDetector.detect(viewer, doc, onName);
		assertNotNull(links);
		assertEquals(List.of("Go to where USER_root is created (line 5)", "Go to where USER_root is created (line 11)"),
				java.util.Arrays.stream(links).map(IHyperlink::getHyperlinkText).toList());
		assertEquals(rules.indexOf("USER_root &&"), links[0].getHyperlinkRegion().getOffset());
		links[1].open();
		assertEquals(rules.indexOf("USER_root %s"), viewer.getSelectedRange().x);
		assertNull(SecHyperlinkDetector.detect(viewer, doc, rules.indexOf("OTHER") + 1), "nothing creates OTHER");
	}
}

package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IProject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sec.engine.config.ConfigStructure;
import org.sec.engine.config.RawRule;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.ui.editor.SecEditor;
import org.sec.lang.ui.editor.SecHighlightingColors;
import org.sec.lang.ui.outline.SecOutlinePage;
import org.sec.lang.ui.resources.SecNature;
import org.sec.lang.ui.validation.ProblemMarkers;
import org.sec.lang.ui.workbench.ExampleProject;

/** Drives the real workbench: opens corpus rulesets in the SEC editor and looks at what the user sees. */
class SecEditorUiTest {

	private static final String CORPUS_FILE = "bsd/bsd-general.sec";

	@AfterEach
	void closeEditors() {
		TestProjects.page().closeAllEditors(false);
	}

	/** Rule count that the real sec reported for the corpus file (golden/bsd-general.sec.testonly). */
	private static int rulesLoadedBySec() throws Exception {
		String golden = GoldenFiles.read(GoldenFiles.moduleDir().resolve("golden/bsd-general.sec.testonly"));
		Matcher m = Pattern.compile("(?m)^(\\d+) rules loaded from bsd-general\\.sec$").matcher(golden);
		assertTrue(m.find(), golden);
		return Integer.parseInt(m.group(1));
	}

	@Test
	void corpusRulesetOpensWithOutlineAndHighlighting() throws Exception {
		assertNotNull(Display.getCurrent(), "test must run in the UI thread");
		Path source = GoldenFiles.sharedDir().resolve("corpus/rulesets").resolve(CORPUS_FILE);
		String text = Files.readString(source, StandardCharsets.UTF_8);
		IFile file = TestProjects.file("corpus", "bsd-general.sec", text);

		IEditorPart part = IDE.openEditor(TestProjects.page(), file);
		SecEditor editor = assertInstanceOf(SecEditor.class, part);
		IViewPart view = TestProjects.page().showView("org.eclipse.ui.views.ContentOutline");
		TestProjects.page().activate(editor);
		Screenshots.flush(Display.getCurrent());

		SecOutlinePage outline = assertInstanceOf(SecOutlinePage.class, ((ContentOutline) view).getCurrentPage());
		assertEquals(rulesLoadedBySec(), outline.entries().size());
		RawRule first = ConfigStructure.parse(text).rules().get(0);
		assertEquals(first.value("type").orElseThrow() + ": " + first.value("desc").orElseThrow(),
				outline.entries().get(0).label());

		StyledText styled = (StyledText) editor.getAdapter(Control.class);
		int keyword = text.indexOf("\ntype=") + 1;
		StyleRange keywordStyle = styled.getStyleRangeAtOffset(keyword);
		assertNotNull(keywordStyle, "no style on the 'type' keyword");
		assertEquals(SecHighlightingColors.FIELD_KEYWORD, keywordStyle.foreground.getRGB());
		assertEquals(SWT.BOLD, keywordStyle.fontStyle & SWT.BOLD);
		StyleRange typeValueStyle = styled.getStyleRangeAtOffset(keyword + "type=".length());
		assertNotNull(typeValueStyle, "no style on the rule type");
		assertEquals(SecHighlightingColors.RULE_TYPE, typeValueStyle.foreground.getRGB());
		StyleRange commentStyle = styled.getStyleRangeAtOffset(text.indexOf('#'));
		assertNotNull(commentStyle, "no style on the first comment");
		assertEquals(SecHighlightingColors.COMMENT, commentStyle.foreground.getRGB());

		Path shot = Screenshots.save(editor.getSite().getShell(), "editor-bsd-general");
		assertTrue(Files.size(shot) > 0);
	}

	@Test
	void secsErrorsAppearAsProblemMarkersOnTheLinesSecNames() throws Exception {
		Path source = GoldenFiles.sharedDir().resolve("corpus/rulesets/ssh.sec");
		IFile file = TestProjects.file("corpus", "ssh.sec", Files.readString(source, StandardCharsets.UTF_8));
		SecEditor editor = assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
		IMarker[] markers = new IMarker[0];
		long end = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < end) {
			Screenshots.flush(Display.getCurrent());
			markers = file.findMarkers(ProblemMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO);
			if (markers.length > 0) {
				break;
			}
		}
		List<String> errors = new ArrayList<>();
		for (IMarker m : markers) {
			if (m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR) {
				errors.add(m.getAttribute(IMarker.LINE_NUMBER, -1) + ": " + m.getAttribute(IMarker.MESSAGE, ""));
			}
		}
		errors.sort(null);
		// sec rejects the rules at lines 137 and 146 (org.sec.engine.tests/golden/corpus/ssh.sec.testonly)
		assertEquals(List.of(
				"142: Invalid context expression ' $3 < 1025 && ! tie_event_received_$1_$2 ' (sec reports it for the rule at line 137)",
				"151: Invalid context expression ' $3 < 1025 && tie_event_received_$1_$2 ' (sec reports it for the rule at line 146)"),
				errors);
		editor.selectAndReveal(Files.readString(source, StandardCharsets.UTF_8).indexOf("context = $3 < 1025"), 0);
		Screenshots.save(editor.getSite().getShell(), "editor-ssh-markers");
	}

	@Test
	void outlineFollowsEdits() throws Exception {
		IFile file = TestProjects.file("edits", "edit.sec", "type=Single\nptype=SubStr\npattern=a\ndesc=first\naction=none\n");
		SecEditor editor = assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), file));
		IViewPart view = TestProjects.page().showView("org.eclipse.ui.views.ContentOutline");
		TestProjects.page().activate(editor);
		SecOutlinePage outline = assertInstanceOf(SecOutlinePage.class, ((ContentOutline) view).getCurrentPage());
		assertEquals(1, outline.entries().size());
		editor.getDocument().replace(editor.getDocument().getLength(), 0, "\ntype=Suppress\nptype=SubStr\npattern=b\n");
		Screenshots.flush(Display.getCurrent());
		assertEquals(2, outline.entries().size());
		assertEquals("Suppress", outline.entries().get(1).label());
	}

	@Test
	void confFilesOpenInSecEditorWhenTheyHoldSecRulesOrTheProjectHasTheNature() throws Exception {
		IFile rules = TestProjects.file("plain", "rules.conf", "# sec rules\ntype=Single\nptype=SubStr\npattern=x\ndesc=x\naction=none\n");
		IFile other = TestProjects.file("plain", "other.conf", "[section]\nkey = value\n");
		assertEquals(SecEditor.ID, IDE.getEditorDescriptor(rules, true, false).getId());
		assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), rules));
		assertNotEquals(SecEditor.ID, IDE.getEditorDescriptor(other, true, false).getId());

		Path folder = Files.createTempDirectory("sec-nature");
		Files.writeString(folder.resolve("include.conf"), "[section]\nkey = value\n");
		IProject secProject = ExampleProject.importFolder(folder, null);
		assertTrue(secProject.hasNature(SecNature.ID));
		IFile include = secProject.getFile("include.conf");
		assertEquals(SecEditor.ID, IDE.getEditorDescriptor(include, true, false).getId());
		assertInstanceOf(SecEditor.class, IDE.openEditor(TestProjects.page(), include));
	}
}

package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.resources.IFile;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MStackElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.sec.lang.ui.editor.LogEditor;

/**
 * Marks the log line a suspended replay is processing in the read-only log editor, beside
 * Eclipse's instruction pointer on the selected frame: when a rule frame is on top, the
 * rule and its log line are both in view. One mark per replay; it moves with each stop.
 */
final class CurrentLogLine {

	/** Annotation type (plugin.xml: highlighted line, arrow in the ruler). */
	static final String TYPE = "org.sec.lang.ui.currentLogLine";

	private ITextEditor editor;
	private Annotation annotation;

	/** Shows {@code line} (from 1) of {@code log}, opening its editor without taking the focus. UI thread. */
	void show(IFile log, int line, String text) {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow() == null ? null
				: PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		if (page == null || log == null || line < 1) {
			return;
		}
		clear();
		IEditorPart part;
		try {
			part = page.openEditor(new FileEditorInput(log), LogEditor.ID, false,
					IWorkbenchPage.MATCH_INPUT | IWorkbenchPage.MATCH_ID);
		} catch (PartInitException e) {
			return;
		}
		if (!(part instanceof ITextEditor text1)) {
			return;
		}
		IDocument document = text1.getDocumentProvider().getDocument(text1.getEditorInput());
		IAnnotationModel model = text1.getDocumentProvider().getAnnotationModel(text1.getEditorInput());
		if (document == null || model == null || line > document.getNumberOfLines()) {
			return;
		}
		try {
			IRegion region = document.getLineInformation(line - 1);
			annotation = new Annotation(TYPE, false, "Replay is processing line " + line + ": " + text);
			model.addAnnotation(annotation, new Position(region.getOffset(), region.getLength()));
			editor = text1;
			besideTheOtherEditors(part);
			text1.selectAndReveal(region.getOffset(), 0);
		} catch (BadLocationException e) {
			annotation = null;
		}
	}

	/**
	 * Gives the log editor a stack of its own right of the other editors, once, so that the
	 * rule with the instruction pointer and the log line are seen at once (as a user would
	 * drag the tab).
	 */
	private static void besideTheOtherEditors(IEditorPart part) {
		MPart log = part.getSite().getService(MPart.class);
		EModelService models = part.getSite().getService(EModelService.class);
		if (log == null || models == null || !((Object) log.getParent() instanceof MPartStack stack)
				|| stack.getChildren().stream().noneMatch(c -> c != log && c.isToBeRendered())) {
			return;
		}
		MPartStack beside = models.createModelElement(MPartStack.class);
		beside.getTags().add("EditorStack");
		models.insert(beside, stack, EModelService.RIGHT_OF, 0.45f);
		stack.getChildren().remove(log);
		beside.getChildren().add(log);
		beside.setSelectedElement(log);
		if (stack.getSelectedElement() == null || stack.getSelectedElement() == log) {
			stack.getChildren().stream().filter(MStackElement::isToBeRendered).findFirst()
					.ifPresent(stack::setSelectedElement);
		}
	}

	/** Removes the mark (on resume and at the end). UI thread. */
	void clear() {
		if (editor != null && annotation != null) {
			IAnnotationModel model = editor.getDocumentProvider() == null ? null
					: editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
			if (model != null) {
				model.removeAnnotation(annotation);
			}
		}
		editor = null;
		annotation = null;
	}

	/** The line marked now (from 1), or -1; for tests and the status line. */
	int markedLine() {
		if (editor == null || annotation == null) {
			return -1;
		}
		IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		Position p = model == null ? null : model.getPosition(annotation);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		try {
			return p == null ? -1 : document.getLineOfOffset(p.getOffset()) + 1;
		} catch (BadLocationException e) {
			return -1;
		}
	}
}

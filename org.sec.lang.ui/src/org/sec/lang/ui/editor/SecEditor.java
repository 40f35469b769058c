package org.sec.lang.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.sec.lang.ui.validation.ProblemMarkers;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.sec.lang.ui.outline.SecOutlinePage;

/** The SEC rule editor: a platform text editor with SEC highlighting and a rule outline. */
public class SecEditor extends TextEditor {

	public static final String ID = "org.sec.lang.ui.editor";

	private static final int VALIDATE_DELAY_MS = 500;

	private SecOutlinePage outlinePage;
	private final Runnable validate = this::validateNow;
	private final IDocumentListener revalidate = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// the result of the change is what gets validated
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			Display display = Display.getCurrent();
			if (display != null) {
				display.timerExec(-1, validate);
				display.timerExec(VALIDATE_DELAY_MS, validate);
			}
		}
	};

	public SecEditor() {
		setSourceViewerConfiguration(new SecSourceViewerConfiguration());
	}

	@Override
	protected void createActions() {
		super.createActions();
		// Ctrl+Space: the platform's content-assist command, served by SecContentAssistProcessor
		org.eclipse.jface.action.IAction assist = new org.eclipse.jface.action.Action("Content Assist") {
			@Override
			public void run() {
				org.eclipse.jface.text.ITextOperationTarget target = getAdapter(
						org.eclipse.jface.text.ITextOperationTarget.class);
				if (target != null && target.canDoOperation(org.eclipse.jface.text.source.ISourceViewer.CONTENTASSIST_PROPOSALS)) {
					target.doOperation(org.eclipse.jface.text.source.ISourceViewer.CONTENTASSIST_PROPOSALS);
				}
			}
		};
		assist.setActionDefinitionId(org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction("ContentAssistProposal", assist);
	}

	/**
	 * Comments out the selected lines with '#', or uncomments them when all of them
	 * already are comments (blank lines do not count).
	 */
	public void toggleComment() {
		org.eclipse.jface.text.ITextOperationTarget target = getAdapter(org.eclipse.jface.text.ITextOperationTarget.class);
		org.eclipse.jface.text.ITextSelection selection = (org.eclipse.jface.text.ITextSelection) getSelectionProvider()
				.getSelection();
		IDocument doc = getDocument();
		boolean allComments = true;
		try {
			for (int line = selection.getStartLine(); line <= selection.getEndLine(); line++) {
				org.eclipse.jface.text.IRegion r = doc.getLineInformation(line);
				String text = doc.get(r.getOffset(), r.getLength());
				if (!text.isBlank() && !text.startsWith("#")) {
					allComments = false;
				}
			}
		} catch (org.eclipse.jface.text.BadLocationException e) {
			return;
		}
		int op = allComments ? org.eclipse.jface.text.ITextOperationTarget.STRIP_PREFIX
				: org.eclipse.jface.text.ITextOperationTarget.PREFIX;
		if (target != null && target.canDoOperation(op)) {
			target.doOperation(op);
		}
	}

	/**
	 * Formats the file with the DSL's formatter (what sec loads stays the same), as one
	 * undoable change; the caret stays on its line where that line still exists.
	 */
	public void format() {
		IDocument doc = getDocument();
		String formatted = org.sec.lang.formatting.SecFormatter.format(doc.get());
		if (formatted.equals(doc.get())) {
			return;
		}
		org.eclipse.jface.text.ITextSelection selection = (org.eclipse.jface.text.ITextSelection) getSelectionProvider()
				.getSelection();
		try {
			doc.replace(0, doc.getLength(), formatted);
			int line = Math.min(selection.getStartLine(), doc.getNumberOfLines() - 1);
			selectAndReveal(doc.getLineOffset(Math.max(0, line)), 0);
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// the document changed under us; nothing to restore
		}
	}

	/** The document being edited, or {@code null} before the editor is initialised. */
	public IDocument getDocument() {
		return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
	}

	@Override
	protected void doSetInput(IEditorInput input) throws org.eclipse.core.runtime.CoreException {
		IDocument old = getDocument();
		if (old != null) {
			old.removeDocumentListener(revalidate);
		}
		super.doSetInput(input);
		IDocument document = getDocument();
		if (document != null) {
			document.addDocumentListener(revalidate);
			validateNow();
		}
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		super.doSave(monitor);
		validateNow();
	}

	/** Replaces the file's problem markers with the validator's verdict on the current text; updates folding. */
	public void validateNow() {
		IDocument document = getDocument();
		if (document != null && getEditorInput() instanceof IFileEditorInput input) {
			IFile file = input.getFile();
			ProblemMarkers.schedule(file, document.get());
		}
		updateFolding();
	}

	private HitCountRulerColumn hitCounts;

	/** The ruler column with the current replay's hit counts. */
	public HitCountRulerColumn hitCounts() {
		return hitCounts;
	}

	@Override
	protected org.eclipse.jface.text.source.IVerticalRuler createVerticalRuler() {
		org.eclipse.jface.text.source.IVerticalRuler ruler = super.createVerticalRuler();
		if (ruler instanceof org.eclipse.jface.text.source.CompositeRuler composite) {
			hitCounts = new HitCountRulerColumn(this);
			composite.addDecorator(1, hitCounts);
		}
		return ruler;
	}

	@Override
	protected org.eclipse.jface.text.source.ISourceViewer createSourceViewer(org.eclipse.swt.widgets.Composite parent,
			org.eclipse.jface.text.source.IVerticalRuler ruler, int styles) {
		org.eclipse.jface.text.source.projection.ProjectionViewer viewer = new org.eclipse.jface.text.source.projection.ProjectionViewer(
				parent, ruler, getOverviewRuler(), isOverviewRulerVisible(), styles);
		getSourceViewerDecorationSupport(viewer);
		return viewer;
	}

	@Override
	public void createPartControl(org.eclipse.swt.widgets.Composite parent) {
		super.createPartControl(parent);
		org.eclipse.jface.text.source.projection.ProjectionViewer viewer = (org.eclipse.jface.text.source.projection.ProjectionViewer) getSourceViewer();
		new org.eclipse.jface.text.source.projection.ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors())
				.install();
		viewer.doOperation(org.eclipse.jface.text.source.projection.ProjectionViewer.TOGGLE);
		updateFolding();
	}

	/** One folding region per rule of two or more lines, from its first to its last keyword line. */
	public java.util.List<org.eclipse.jface.text.Position> foldingRegions() {
		java.util.List<org.eclipse.jface.text.Position> regions = new java.util.ArrayList<>();
		IDocument doc = getDocument();
		if (doc == null) {
			return regions;
		}
		try {
			for (org.sec.engine.config.RawRule rule : org.sec.engine.config.ConfigStructure.parse(doc.get()).rules()) {
				java.util.List<org.sec.engine.config.ConfigLine> lines = rule.lines();
				if (lines.isEmpty()) {
					continue;
				}
				int first = lines.get(0).firstLine() - 1;
				int last = lines.get(lines.size() - 1).lastLine() - 1;
				if (last > first && last < doc.getNumberOfLines()) {
					int start = doc.getLineOffset(first);
					org.eclipse.jface.text.IRegion end = doc.getLineInformation(last);
					int endOffset = Math.min(doc.getLength(), end.getOffset() + end.getLength() + 1);
					regions.add(new org.eclipse.jface.text.Position(start, endOffset - start));
				}
			}
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// the document changed under us; the next edit folds again
		}
		return regions;
	}

	private void updateFolding() {
		if (!(getSourceViewer() instanceof org.eclipse.jface.text.source.projection.ProjectionViewer viewer)
				|| viewer.getProjectionAnnotationModel() == null) {
			return;
		}
		org.eclipse.jface.text.source.projection.ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
		java.util.Map<org.eclipse.jface.text.source.Annotation, org.eclipse.jface.text.Position> added = new java.util.HashMap<>();
		for (org.eclipse.jface.text.Position p : foldingRegions()) {
			added.put(new org.eclipse.jface.text.source.projection.ProjectionAnnotation(), p);
		}
		java.util.List<org.eclipse.jface.text.source.Annotation> removed = new java.util.ArrayList<>();
		model.getAnnotationIterator().forEachRemaining(removed::add);
		model.modifyAnnotations(removed.toArray(org.eclipse.jface.text.source.Annotation[]::new), added, null);
	}

	/** Selects and reveals a region, for outline and (later) trace navigation. */
	public void reveal(int offset, int length) {
		selectAndReveal(offset, length);
	}

	/**
	 * F3: what the caret's word declares, as Ctrl+click has it: a GoTo label's rule, or the
	 * first action that creates a context named in a context expression.
	 */
	public void openDeclaration() {
		if (!(getSelectionProvider().getSelection() instanceof org.eclipse.jface.text.ITextSelection caret)) {
			return;
		}
		try {
			org.eclipse.jface.text.hyperlink.IHyperlink[] links = SecHyperlinkDetector.detect(getSourceViewer(),
					getDocument(), caret.getOffset());
			if (links != null && links.length > 0) {
				links[0].open();
			}
		} catch (org.eclipse.jface.text.BadLocationException e) {
			// the caret is outside the document: nothing to open
		}
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (IContentOutlinePage.class.equals(adapter)) {
			if (outlinePage == null || outlinePage.getControl() == null || outlinePage.getControl().isDisposed()) {
				outlinePage = new SecOutlinePage(this);
			}
			return adapter.cast(outlinePage);
		}
		if (org.eclipse.debug.ui.actions.IToggleBreakpointsTarget.class.equals(adapter)) {
			return adapter.cast(new ToggleRuleBreakpointsTarget());
		}
		if (org.eclipse.debug.ui.actions.IRunToLineTarget.class.equals(adapter)) {
			return adapter.cast(new RunToRuleTarget());
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		IDocument document = getDocument();
		if (document != null) {
			document.removeDocumentListener(revalidate);
		}
		outlinePage = null;
		if (hitCounts != null) {
			hitCounts.dispose();
		}
		super.dispose();
	}
}

package org.sec.lang.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.sec.lang.ui.outline.SecOutlinePage;

/** The SEC rule editor: a platform text editor with SEC highlighting and a rule outline. */
public class SecEditor extends TextEditor {

	public static final String ID = "org.sec.lang.ui.editor";

	private SecOutlinePage outlinePage;

	public SecEditor() {
		setSourceViewerConfiguration(new SecSourceViewerConfiguration());
	}

	/** The document being edited, or {@code null} before the editor is initialised. */
	public IDocument getDocument() {
		return getDocumentProvider() == null ? null : getDocumentProvider().getDocument(getEditorInput());
	}

	/** Selects and reveals a region, for outline and (later) trace navigation. */
	public void reveal(int offset, int length) {
		selectAndReveal(offset, length);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (IContentOutlinePage.class.equals(adapter)) {
			if (outlinePage == null || outlinePage.getControl() == null || outlinePage.getControl().isDisposed()) {
				outlinePage = new SecOutlinePage(this);
			}
			return adapter.cast(outlinePage);
		}
		return super.getAdapter(adapter);
	}

	@Override
	public void dispose() {
		outlinePage = null;
		super.dispose();
	}
}

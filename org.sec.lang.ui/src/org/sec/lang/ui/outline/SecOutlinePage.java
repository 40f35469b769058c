package org.sec.lang.ui.outline;

import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.sec.lang.ide.SecIde;
import org.sec.lang.ide.outline.OutlineEntry;
import org.sec.lang.ide.outline.RuleOutline;
import org.sec.lang.sec.SecFile;
import org.sec.lang.ui.editor.SecEditor;

/** Outline of a rule file: one row per rule, "type: desc"; selecting a row reveals the rule. */
public class SecOutlinePage extends ContentOutlinePage {

	private static final int REFRESH_DELAY_MS = 300;

	private final SecEditor editor;
	private final IDocumentListener documentListener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// only the result of a change matters
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			scheduleRefresh();
		}
	};
	private final Runnable refresh = this::refresh;
	private IDocument document;

	/** Rules are a flat list today; the tree leaves room for grouping (files, labels) later. */
	private static final class RuleListContentProvider implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof List<?> list ? list.toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object parent) {
			return new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return false;
		}
	}

	public SecOutlinePage(SecEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new RuleListContentProvider());
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((OutlineEntry) element).label();
			}
		});
		document = editor.getDocument();
		if (document != null) {
			document.addDocumentListener(documentListener);
		}
		refresh();
	}

	/** The rules shown, in file order. */
	public List<OutlineEntry> entries() {
		Object input = getTreeViewer().getInput();
		@SuppressWarnings("unchecked")
		List<OutlineEntry> entries = input instanceof List<?> list ? (List<OutlineEntry>) list : List.of();
		return entries;
	}

	/** Re-reads the document now. */
	public void refresh() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed() || document == null) {
			return;
		}
		SecFile file = (SecFile) SecIde.parse(document.get(), "outline.sec").getContents().get(0);
		viewer.setInput(RuleOutline.of(file));
	}

	private void scheduleRefresh() {
		Display display = getControl() == null ? null : getControl().getDisplay();
		if (display != null) {
			display.timerExec(-1, refresh);
			display.timerExec(REFRESH_DELAY_MS, refresh);
		}
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof OutlineEntry entry) {
			editor.reveal(entry.offset(), entry.length());
		}
	}

	@Override
	public void dispose() {
		if (document != null) {
			document.removeDocumentListener(documentListener);
		}
		super.dispose();
	}
}

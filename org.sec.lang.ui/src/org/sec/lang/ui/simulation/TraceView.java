package org.sec.lang.ui.simulation;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.sec.simulator.trace.TraceEvent;

/**
 * The replay's trace: what was consumed, matched, started, expired and executed, newest
 * last. The filter keeps rows whose kind or subject contains its text; a double-click on
 * a rule's event opens the rule in the editor.
 */
public final class TraceView extends SessionView {

	public static final String ID = "org.sec.lang.ui.traceView";
	private static final int SHOWN = 2_000;
	private TableViewer viewer;
	private Text filter;

	@Override
	protected Control createContents(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(1, false));
		filter = new Text(c, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filter.setMessage("Filter: kind or text (e.g. rule_matched, ALERT, context)");
		filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		filter.addModifyListener(e -> refresh(ShownReplay.session()));
		viewer = new TableViewer(c, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		column(viewer, "Time", 140, TraceEvent.class, e -> time(e.time()));
		column(viewer, "Input line", 70, TraceEvent.class, e -> e.lineNumber() == 0 ? "" : Long.toString(e.lineNumber()));
		column(viewer, "Event", 150, TraceEvent.class, e -> e.kind().name().toLowerCase(Locale.ROOT));
		column(viewer, "What", 520, TraceEvent.class, e -> e.subject() + where(e));
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.addDoubleClickListener(e -> open((TraceEvent) ((IStructuredSelection) e.getSelection()).getFirstElement()));
		return filter;
	}

	private static String where(TraceEvent e) {
		String file = e.detail().get("file");
		return file == null ? "" : "  (" + Path.of(file).getFileName() + ":" + e.detail().get("line") + ")";
	}

	/** The table as users see it. */
	public org.eclipse.swt.widgets.Table table() {
		return viewer.getTable();
	}

	@Override
	protected void refresh(ReplaySession session) {
		if (session == null) {
			viewer.setInput(List.of());
			return;
		}
		String f = filter.getText().toLowerCase(Locale.ROOT);
		List<TraceEvent> all = session.trace();
		List<TraceEvent> rows = all.stream().filter(e -> f.isEmpty()
				|| e.kind().name().toLowerCase(Locale.ROOT).contains(f) || e.subject().toLowerCase(Locale.ROOT).contains(f))
				.toList();
		if (rows.size() > SHOWN) {
			rows = rows.subList(rows.size() - SHOWN, rows.size());
		}
		viewer.setInput(rows);
		if (!rows.isEmpty()) {
			viewer.reveal(rows.get(rows.size() - 1));
		}
		setContentDescription(rows.size() + " of " + all.size() + " event(s)"
				+ (all.size() >= 20_000 ? " (the latest 20,000 are kept)" : ""));
	}

	/** Opens the rule an event is about, at its line. */
	private void open(TraceEvent e) {
		if (e == null || e.detail().get("file") == null) {
			return;
		}
		try {
			IFileStore store = EFS.getLocalFileSystem().getStore(ReplayLaunch.resolve(e.detail().get("file")).toUri());
			IEditorPart editor = IDE.openEditorOnFileStore(getSite().getPage(), store);
			if (editor instanceof ITextEditor text) {
				IDocument doc = text.getDocumentProvider().getDocument(text.getEditorInput());
				int line = Integer.parseInt(e.detail().get("line")) - 1;
				text.selectAndReveal(doc.getLineOffset(line), doc.getLineLength(line));
			}
		} catch (PartInitException | BadLocationException | NumberFormatException x) {
			org.eclipse.core.runtime.ILog.of(TraceView.class).warn("cannot open the rule of " + e, x);
		}
	}
}

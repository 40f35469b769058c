package org.sec.lang.ui.simulation;

import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.sec.engine.api.EngineSnapshot.OperationView;

/** The event correlation operations of the replay now: key, rule, window and events so far. */
public final class OperationsView extends SessionView {

	public static final String ID = "org.sec.lang.ui.operationsView";
	private TableViewer viewer;

	@Override
	protected Control createContents(Composite parent) {
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		// what tells operations apart first (the rule and its desc); sec's key starts with the
		// file, which is the same for all of a file's operations, so the file comes last
		column(viewer, "Rule", 160, OperationView.class,
				o -> java.nio.file.Path.of(o.file()).getFileName() + ":" + o.ruleLine());
		column(viewer, "Desc", 300, OperationView.class, OperationView::desc);
		column(viewer, "Type", 150, OperationView.class, OperationView::type);
		column(viewer, "Events", 60, OperationView.class, o -> Integer.toString(o.eventTimes().size()));
		column(viewer, "Window start", 140, OperationView.class, o -> time(o.windowStart()));
		column(viewer, "Window end", 140, OperationView.class, o -> o.windowEnd() < 0 ? "(none)" : time(o.windowEnd()));
		column(viewer, "File", 260, OperationView.class, OperationView::file);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer.getControl();
	}

	/** The table as users see it. */
	public org.eclipse.swt.widgets.Table table() {
		return viewer.getTable();
	}

	@Override
	protected void refresh(ReplaySession session) {
		List<OperationView> rows = session == null ? List.of() : session.state().snapshot().operations();
		viewer.setInput(rows);
		setContentDescription(session == null ? "No replay yet: run a SEC Replay launch configuration."
				: rows.size() + " operation(s) at " + time(session.state().now()));
	}
}

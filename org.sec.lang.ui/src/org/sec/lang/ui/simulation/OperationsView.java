package org.sec.lang.ui.simulation;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
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
		column("Operation", 360, OperationView::key);
		column("Rule", 160, o -> java.nio.file.Path.of(o.file()).getFileName() + ":" + o.ruleLine());
		column("Type", 150, OperationView::type);
		column("Events", 60, o -> Integer.toString(o.eventTimes().size()));
		column("Window start", 140, o -> time(o.windowStart()));
		column("Window end", 140, o -> o.windowEnd() < 0 ? "(none)" : time(o.windowEnd()));
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer.getControl();
	}

	private void column(String title, int width, Function<OperationView, String> text) {
		TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((OperationView) element);
			}
		});
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

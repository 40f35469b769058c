package org.sec.lang.ui.simulation;

import java.util.List;
import java.util.function.BiFunction;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.sec.engine.api.EngineSnapshot.ContextView;

/** The contexts of the replay now, with their lifetime counting down in virtual time. */
public final class ContextsView extends SessionView {

	public static final String ID = "org.sec.lang.ui.contextsView";
	private TableViewer viewer;
	private long now;

	@Override
	protected Control createContents(Composite parent) {
		viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		column("Context", 220, (c, n) -> String.join(", ", c.names()));
		column("Remaining", 90, (c, n) -> c.lifetime() == 0 ? "infinite" : Math.max(0, c.created() + c.lifetime() - n) + " s");
		column("Lifetime", 70, (c, n) -> c.lifetime() == 0 ? "infinite" : c.lifetime() + " s");
		column("Created", 140, (c, n) -> time(c.created()));
		column("Events", 60, (c, n) -> Integer.toString(c.events().size()));
		column("On expiry", 220, (c, n) -> c.onExpiry() == null ? "" : c.onExpiry());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer.getControl();
	}

	private void column(String title, int width, BiFunction<ContextView, Long, String> text) {
		TableViewerColumn c = new TableViewerColumn(viewer, SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((ContextView) element, now);
			}
		});
	}

	/** The table as users see it. */
	public org.eclipse.swt.widgets.Table table() {
		return viewer.getTable();
	}

	@Override
	protected void refresh(ReplaySession session) {
		List<ContextView> rows = session == null ? List.of() : session.state().snapshot().contexts();
		now = session == null ? 0 : session.state().now();
		viewer.setInput(rows);
		setContentDescription(session == null ? "No replay yet." : rows.size() + " context(s) at " + time(now));
	}
}

package org.sec.lang.ui.simulation;

import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
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
		column(viewer, "Context", 220, ContextView.class, c -> String.join(", ", c.names()));
		column(viewer, "Remaining", 90, ContextView.class,
				c -> c.secondsLeft(now) < 0 ? "infinite" : c.secondsLeft(now) + " s");
		column(viewer, "Lifetime", 70, ContextView.class, c -> c.lifetime() == 0 ? "infinite" : c.lifetime() + " s");
		column(viewer, "Created", 140, ContextView.class, c -> time(c.created()));
		column(viewer, "Events", 60, ContextView.class, c -> Integer.toString(c.events().size()));
		column(viewer, "On expiry", 220, ContextView.class, c -> c.onExpiry() == null ? "" : c.onExpiry());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		return viewer.getControl();
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

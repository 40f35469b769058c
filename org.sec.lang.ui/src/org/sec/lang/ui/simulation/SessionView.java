package org.sec.lang.ui.simulation;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.part.ViewPart;

/** A view that shows the current {@link ReplaySession}: refreshed on its changes, at most once per UI cycle. */
abstract class SessionView extends ViewPart {

	private final AtomicBoolean refreshPending = new AtomicBoolean();
	private final Consumer<ReplaySession> listener = session -> scheduleRefresh();
	private Control control;

	@Override
	public final void createPartControl(Composite parent) {
		control = createContents(parent);
		ShownReplay.addListener(listener);
		refresh(ShownReplay.session());
	}

	/** Builds the view's widgets; returns the one that gets the focus. */
	protected abstract Control createContents(Composite parent);

	/** Shows {@code session} (null when no replay ran yet). Called in the UI thread. */
	protected abstract void refresh(ReplaySession session);

	private void scheduleRefresh() {
		if (control == null || control.isDisposed() || !refreshPending.compareAndSet(false, true)) {
			return;
		}
		Display display = control.getDisplay();
		display.asyncExec(() -> {
			refreshPending.set(false);
			if (!control.isDisposed()) {
				refresh(ShownReplay.session());
			}
		});
	}

	@Override
	public void setFocus() {
		control.setFocus();
	}

	@Override
	public void dispose() {
		ShownReplay.removeListener(listener);
		super.dispose();
	}

	/** Adds a column whose cells show {@code text} of the row's element. */
	static <T> void column(org.eclipse.jface.viewers.TableViewer viewer, String title, int width, Class<T> type,
			java.util.function.Function<T, String> text) {
		org.eclipse.jface.viewers.TableViewerColumn c = new org.eclipse.jface.viewers.TableViewerColumn(viewer,
				org.eclipse.swt.SWT.LEFT);
		c.getColumn().setText(title);
		c.getColumn().setWidth(width);
		c.setLabelProvider(new org.eclipse.jface.viewers.ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply(type.cast(element));
			}
		});
	}

	static String time(long epochSecond) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
				.format(java.time.Instant.ofEpochSecond(epochSecond).atZone(java.time.ZoneId.systemDefault()));
	}
}

package org.sec.lang.ui.simulation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.sec.simulator.trace.TraceEvent;
import org.sec.simulator.trace.TraceEvent.Kind;

/**
 * A timeline of the replay: virtual time across, one row per rule with a tick for each
 * match, and a row of actions (red when only recorded, not run). Drawn from the trace
 * the session keeps (the latest 20,000 events).
 */
public final class TimelineView extends SessionView {

	public static final String ID = "org.sec.lang.ui.timelineView";
	private static final int ROW = 22;
	/** The narrowest the label column gets; it grows with the longest label. */
	private static final int LABEL = 120;
	private Canvas canvas;
	private long from;
	private long to;
	/** Row label to the times of its marks (actions: negative time = recorded only). */
	private final Map<String, List<Long>> rows = new LinkedHashMap<>();

	@Override
	protected Control createContents(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.addPaintListener(this::paint);
		canvas.addMouseMoveListener(e -> {
			String tip = tooltipAt(e.x, e.y);
			if (!java.util.Objects.equals(tip, canvas.getToolTipText())) {
				canvas.setToolTipText(tip);
			}
		});
		return canvas;
	}

	/** Where the last paint put the time axis (marks map to x through it). */
	private int axisLeft = LABEL;
	private int axisWidth = 1;
	/** Marks within this many pixels of the pointer are named by the tooltip. */
	private static final int NEAR = 3;

	/**
	 * The tooltip at a point: the row, and the time of the marks under the pointer (with how
	 * many there are); null away from every mark.
	 */
	public String tooltipAt(int x, int y) {
		int index = (y - 4) / ROW;
		if (y < 4 || index < 0 || index >= rows.size()) {
			return null;
		}
		Map.Entry<String, List<Long>> row = new ArrayList<>(rows.entrySet()).get(index);
		List<Long> near = new ArrayList<>();
		for (long t : row.getValue()) {
			if (Math.abs(xOf(Math.abs(t)) - x) <= NEAR) {
				near.add(t);
			}
		}
		if (near.isEmpty()) {
			return null;
		}
		long first = Math.abs(near.get(0));
		String what = row.getKey().equals("actions")
				? near.size() + (near.size() == 1 ? " action" : " actions")
						+ (near.stream().anyMatch(t -> t < 0) ? " (some only recorded, not run)" : "")
				: near.size() + (near.size() == 1 ? " match" : " matches");
		return row.getKey() + "\n" + what + " at " + time(first)
				+ (near.size() > 1 && Math.abs(near.get(near.size() - 1)) != first
						? " .. " + time(Math.abs(near.get(near.size() - 1))) : "");
	}

	/** Where the mark of {@code time} in row {@code row} (from 0) is drawn, for tests that point at it. */
	public org.eclipse.swt.graphics.Point pointOf(int row, long time) {
		return new org.eclipse.swt.graphics.Point(xOf(time), 4 + row * ROW + ROW / 2);
	}

	private int xOf(long at) {
		return axisLeft + (int) ((at - from) * axisWidth / Math.max(1, to - from));
	}

	/** The times labelled on the axis: start, end and three between (tests read what is drawn). */
	public List<Long> axisTimes() {
		List<Long> times = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			times.add(from + (to - from) * i / 4);
		}
		return times;
	}

	/** Row labels with their number of marks, top to bottom (tests read what is drawn). */
	public List<String> rowSummaries() {
		List<String> out = new ArrayList<>();
		rows.forEach((label, marks) -> out.add(label + ": " + marks.size()));
		return out;
	}

	@Override
	protected void refresh(ReplaySession session) {
		rows.clear();
		if (session != null) {
			from = session.state().start();
			to = Math.max(session.state().now(), from + 1);
			List<Long> actions = new ArrayList<>();
			for (TraceEvent e : session.trace()) {
				if (e.kind() == Kind.RULE_MATCHED) {
					String label = Path.of(e.detail().get("file")).getFileName() + ":" + e.detail().get("line") + " "
							+ e.detail().get("type");
					rows.computeIfAbsent(label, k -> new ArrayList<>()).add(e.time());
				} else if (e.kind() == Kind.ACTION_EXECUTED || e.kind() == Kind.ACTION_SUPPRESSED) {
					actions.add(e.kind() == Kind.ACTION_SUPPRESSED ? -e.time() : e.time());
				}
			}
			if (!actions.isEmpty()) {
				rows.put("actions", actions);
			}
		}
		setContentDescription(session == null ? "No replay yet." : "Matches and actions, " + time(from) + " .. " + time(to));
		canvas.redraw();
	}

	private void paint(PaintEvent event) {
		GC gc = event.gc;
		Rectangle area = canvas.getClientArea();
		Color match = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_BLUE);
		Color recorded = canvas.getDisplay().getSystemColor(SWT.COLOR_RED);
		Color ran = canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GREEN);
		Color grid = canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_LIGHT_SHADOW);
		int labelWidth = LABEL;
		for (Map.Entry<String, List<Long>> row : rows.entrySet()) {
			labelWidth = Math.max(labelWidth, gc.textExtent(row.getKey() + " (" + row.getValue().size() + ")").x + 12);
		}
		final int left = labelWidth;
		int width = Math.max(1, area.width - left - 10);
		axisLeft = left;
		axisWidth = width;
		int y = 4;
		for (Map.Entry<String, List<Long>> row : rows.entrySet()) {
			gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
			gc.drawText(row.getKey() + " (" + row.getValue().size() + ")", 4, y, true);
			gc.setForeground(grid);
			gc.drawLine(left, y + ROW / 2, left + width, y + ROW / 2);
			for (long t : row.getValue()) {
				boolean onlyRecorded = t < 0;
				long at = Math.abs(t);
				int x = left + (int) ((at - from) * width / Math.max(1, to - from));
				gc.setBackground(row.getKey().equals("actions") ? (onlyRecorded ? recorded : ran) : match);
				gc.fillRectangle(x - 1, y + 4, 3, ROW - 8);
			}
			y += ROW;
		}
		// the axis: a tick and a time at the start, the end and three points between
		gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
		gc.drawLine(left, y, left + width, y);
		int lastEnd = Integer.MIN_VALUE;
		List<Long> ticks = axisTimes();
		for (int i = 0; i < ticks.size(); i++) {
			int x = xOf(ticks.get(i));
			gc.drawLine(x, y, x, y + 4);
			String label = time(ticks.get(i));
			int w = gc.textExtent(label).x;
			int at = i == 0 ? x : i == ticks.size() - 1 ? x - w : x - w / 2;
			if (at > lastEnd + 8) {
				gc.drawText(label, at, y + 5, true);
				lastEnd = at + w;
			}
		}
	}
}

package org.sec.lang.ui.editor;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.jface.text.source.LineNumberRulerColumn;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IFileEditorInput;
import org.sec.engine.api.EngineListener;
import org.sec.lang.ui.simulation.ReplaySession;
import org.sec.lang.ui.simulation.ShownReplay;

/**
 * A ruler column with each rule's hit count in the current replay, on the rule's first
 * line ("12×"), updated as the replay runs.
 */
public final class HitCountRulerColumn extends LineNumberRulerColumn {

	private final SecEditor editor;
	private final Consumer<ReplaySession> listener = session -> redrawLater();
	/** Line (from 0) to hits, for this editor's file. */
	private volatile Map<Integer, Long> hits = Map.of();

	public HitCountRulerColumn(SecEditor editor) {
		this.editor = editor;
		ShownReplay.addListener(listener);
		update(ShownReplay.session());
	}

	/** The text shown on {@code line} (from 0); empty when the rule there has no hits. */
	public String textFor(int line) {
		Long n = hits.get(line);
		return n == null ? "" : n + "\u00d7";
	}

	@Override
	protected String createDisplayString(int line) {
		return textFor(line);
	}

	@Override
	protected int computeNumberOfDigits() {
		int widest = 2;
		for (Long n : hits.values()) {
			widest = Math.max(widest, Long.toString(n).length() + 1);
		}
		return widest;
	}

	private void update(ReplaySession session) {
		Map<Integer, Long> lines = new HashMap<>();
		if (session != null && editor.getEditorInput() instanceof IFileEditorInput input) {
			String name = input.getFile().getFullPath().makeRelative().toString();
			String path = input.getFile().getLocation() == null ? "" : input.getFile().getLocation().toString();
			for (Map.Entry<EngineListener.RuleRef, Long> e : session.hitCounts().entrySet()) {
				String file = e.getKey().file();
				if (file.equals(name) || file.equals(path)) {
					lines.put(e.getKey().line() - 1, e.getValue());
				}
			}
		}
		hits = lines;
	}

	private void redrawLater() {
		Control control = getControl();
		if (control == null || control.isDisposed()) {
			if (control != null) {
				ShownReplay.removeListener(listener);
			}
			return;
		}
		control.getDisplay().asyncExec(() -> {
			if (!control.isDisposed()) {
				update(ShownReplay.session());
				layout(true);
				redraw();
			}
		});
	}

	/** Stops following replays (the editor closed). */
	public void dispose() {
		ShownReplay.removeListener(listener);
	}
}

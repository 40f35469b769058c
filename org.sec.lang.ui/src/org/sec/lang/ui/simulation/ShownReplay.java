package org.sec.lang.ui.simulation;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Which replay the simulation views (Operations, Contexts, Trace, Timeline, Replay
 * Control) and the editors' hit counts show: the newest session, or the one whose
 * launch, thread or frame is selected in the Debug view. The sessions themselves belong
 * to their launches; this only keeps the live ones (at most {@link #MAX_LIVE}, each
 * holding a perl and its state) and the choice of the views.
 */
public final class ShownReplay {

	/** Replays kept at once; starting one more ends the oldest. */
	static final int MAX_LIVE = 4;

	private static final Deque<ReplaySession> LIVE = new ConcurrentLinkedDeque<>();
	private static final List<Consumer<ReplaySession>> LISTENERS = new CopyOnWriteArrayList<>();
	private static volatile ReplaySession shown;

	private ShownReplay() {
	}

	/**
	 * Shows a new launch's session (earlier ones go on: two replays may run at once; beyond
	 * {@link #MAX_LIVE} the oldest ends).
	 */
	public static void add(ReplaySession session) {
		LIVE.addLast(session);
		session.addListener(() -> changed(session));
		session.onTerminate(() -> LIVE.remove(session));
		while (LIVE.size() > MAX_LIVE) {
			ReplaySession oldest = LIVE.pollFirst();
			if (oldest != null) {
				oldest.terminate();
			}
		}
		show(session);
	}

	/** The session the views show, or null before the first replay. */
	public static ReplaySession session() {
		return shown;
	}

	/** Shows {@code session} in the views (the Debug view's selection calls this). */
	public static void show(ReplaySession session) {
		if (session != null && session != shown) {
			shown = session;
			changed(session);
		}
	}

	/** Called (on a background thread) when the shown session changes or another one is shown. */
	public static void addListener(Consumer<ReplaySession> listener) {
		LISTENERS.add(listener);
	}

	public static void removeListener(Consumer<ReplaySession> listener) {
		LISTENERS.remove(listener);
	}

	private static void changed(ReplaySession session) {
		if (session == shown) {
			for (Consumer<ReplaySession> l : LISTENERS) {
				l.accept(session);
			}
		}
	}
}

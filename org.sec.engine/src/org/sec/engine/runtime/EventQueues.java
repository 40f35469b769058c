package org.sec.engine.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.log.SecLog;

/**
 * The events the engine makes itself: synthetic events waiting to be processed before the
 * next input line (sec's @events: event, cevent, spawned children's lines), and delayed
 * events (event N, tevent) that become synthetic when they are due (process_lists L9861).
 */
final class EventQueues {

	/** A synthetic event and the internal context it is processed in (cevent, cspawn), or null. */
	record Synthetic(String event, String context) {
	}

	record Delayed(long due, String event, String context) {
	}

	private final Deque<Synthetic> synthetic = new ArrayDeque<>();
	private final List<Delayed> delayed = new ArrayList<>();

	/** The synthetic events in processing order, and the delayed ones in scheduling order (a saved state). */
	List<Synthetic> synthetic() {
		return List.copyOf(synthetic);
	}

	List<Delayed> delayed() {
		return List.copyOf(delayed);
	}

	void restore(List<Synthetic> syntheticEvents, List<Delayed> delayedEvents) {
		synthetic.clear();
		synthetic.addAll(syntheticEvents);
		delayed.clear();
		delayed.addAll(delayedEvents);
	}

	boolean hasSynthetic() {
		return !synthetic.isEmpty();
	}

	void addSynthetic(String event, String context) {
		synthetic.addLast(new Synthetic(event, context));
	}

	/** The next synthetic event, or null. */
	Synthetic takeSynthetic() {
		return synthetic.pollFirst();
	}

	/** A full restart keeps the synthetic events (and drops the delayed ones with the old state). */
	void moveSyntheticTo(EventQueues next) {
		next.synthetic.addAll(synthetic);
		synthetic.clear();
	}

	void schedule(long due, String event, String context) {
		delayed.add(new Delayed(due, event, context));
	}

	/** Delayed events due at {@code now} become synthetic, in the order they were scheduled. */
	void releaseDue(long now, SecLog log) {
		if (delayed.isEmpty()) {
			return;
		}
		List<Delayed> keep = new ArrayList<>();
		for (Delayed d : delayed) {
			if (now >= d.due()) {
				log.log(SecLog.Level.DEBUG, "Creating event '" + d.event() + "'");
				synthetic.addLast(new Synthetic(d.event(), d.context()));
			} else {
				keep.add(d);
			}
		}
		delayed.clear();
		delayed.addAll(keep);
	}

	/** The earliest due time of a delayed event, or Long.MAX_VALUE. */
	long earliestDue() {
		long due = Long.MAX_VALUE;
		for (Delayed d : delayed) {
			due = Math.min(due, d.due());
		}
		return due;
	}

	/** The delayed events as the dump shows them (their contexts only with --intcontexts). */
	List<EngineSnapshot.PendingEventView> delayedViews(boolean withContexts) {
		List<EngineSnapshot.PendingEventView> views = new ArrayList<>();
		for (Delayed d : delayed) {
			views.add(new EngineSnapshot.PendingEventView(d.due(), d.event(), withContexts ? d.context() : null));
		}
		return views;
	}
}

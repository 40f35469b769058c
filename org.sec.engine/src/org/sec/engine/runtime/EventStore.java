package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A context's event store (sec's "Buffer") and, beside it, the time each string was
 * written (sec 2.9.4's "Times", which trim reads and the dumps print). The two lists are
 * kept apart as in sec: Perl code that rewrites the Buffer through %main::context_list
 * leaves the Times as they were, and a string without a time counts as time 0 (Perl's
 * undef), so trim removes it.
 */
final class EventStore {

	private final List<String> events = new ArrayList<>();
	private final TimeQueue times = new TimeQueue();

	/** The strings, oldest first (a read-only view). */
	List<String> events() {
		return Collections.unmodifiableList(events);
	}

	/** The receive times (a copy). */
	List<Long> times() {
		return times.toList();
	}

	int size() {
		return events.size();
	}

	boolean isEmpty() {
		return events.isEmpty();
	}

	/** add (L5814): the strings at the end, each received at {@code time}. */
	void add(List<String> lines, long time) {
		events.addAll(lines);
		for (int i = 0; i < lines.size(); i++) {
			times.add(time);
		}
	}

	/** prepend (L5869). */
	void prepend(List<String> lines, long time) {
		events.addAll(0, lines);
		for (int i = 0; i < lines.size(); i++) {
			times.addFirst(time);
		}
	}

	/** fill (L5924): the store holds just these. */
	void fill(List<String> lines, long time) {
		clear();
		add(lines, time);
	}

	void clear() {
		events.clear();
		times.clear();
	}

	/** pop: the last string, or "" when empty. */
	String removeLast() {
		if (!times.isEmpty()) {
			times.removeLast();
		}
		return events.isEmpty() ? "" : events.remove(events.size() - 1);
	}

	/** shift: the first string, or "" when empty. */
	String removeFirst() {
		if (!times.isEmpty()) {
			times.removeFirst();
		}
		return events.isEmpty() ? "" : events.remove(0);
	}

	/** Perl code replaced the Buffer: the times stay as they were, as in sec. */
	void replaceEvents(List<String> lines) {
		events.clear();
		events.addAll(lines);
	}

	/**
	 * execute_trim_action (sec 2.9.4 L6153): removes the strings written before
	 * {@code limit} and returns them in store order.
	 */
	List<String> trimBefore(long limit) {
		List<String> kept = new ArrayList<>();
		TimeQueue keptTimes = new TimeQueue();
		List<String> removed = new ArrayList<>();
		for (int j = 0; j < events.size(); j++) {
			long t = j < times.size() ? times.get(j) : 0;
			if (t < limit) {
				removed.add(events.get(j));
				continue;
			}
			kept.add(events.get(j));
			keptTimes.add(t);
		}
		events.clear();
		events.addAll(kept);
		times.clear();
		for (int j = 0; j < keptTimes.size(); j++) {
			times.add(keptTimes.get(j));
		}
		return removed;
	}
}

package org.sec.engine.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * sec's %context_list: names to contexts (a context's aliases share one), in the order the
 * names came in, and each name's place in that order, which a timer pass follows.
 */
final class ContextTable extends LinkedHashMap<String, Context> {

	private static final long serialVersionUID = 1L;

	private final Map<String, Long> positions = new HashMap<>();
	private long lastPosition;

	@Override
	public Context put(String name, Context c) {
		if (!containsKey(name)) {
			positions.put(name, ++lastPosition); // a name put again keeps its place, as in the map
		}
		return super.put(name, c);
	}

	@Override
	public void putAll(Map<? extends String, ? extends Context> m) {
		m.forEach(this::put);
	}

	@Override
	public Context remove(Object name) {
		positions.remove(name);
		return super.remove(name);
	}

	@Override
	public void clear() {
		positions.clear();
		super.clear();
	}

	/** The place of {@code name} (a name removed through an iterator may keep a stale one: check get first). */
	long position(String name) {
		return positions.getOrDefault(name, Long.MAX_VALUE);
	}

	long lastPosition() {
		return lastPosition;
	}
}

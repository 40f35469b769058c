package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * sec's input buffers (arrange_input_buffer L11931): the last N lines seen, either one
 * joint buffer for all sources (--jointbuf, or --bufsize=1) or one per source plus one
 * for synthetic events. Slots not yet filled hold "".
 */
final class InputBuffers {

	/** Source name of synthetic and internal events. */
	static final String SYNTHETIC = null;

	static final class Ring {
		final String[] lines;
		final String[] sources;
		int pos = -1;

		Ring(int size) {
			lines = new String[size];
			sources = new String[size];
			java.util.Arrays.fill(lines, "");
		}

		void push(String line, String source) {
			pos = (pos + 1) % lines.length;
			lines[pos] = line;
			sources[pos] = source;
		}

		String last(int n) {
			if (n == 1) {
				return lines[pos];
			}
			StringBuilder b = new StringBuilder();
			for (int i = n - 1; i >= 0; i--) {
				b.append(lines[Math.floorMod(pos - i, lines.length)]);
				if (i > 0) {
					b.append('\n');
				}
			}
			return b.toString();
		}

		List<String> lastList(int n) {
			List<String> result = new ArrayList<>(n);
			for (int i = n - 1; i >= 0; i--) {
				result.add(lines[Math.floorMod(pos - i, lines.length)]);
			}
			return result;
		}

		List<String> sourceList(int n) {
			List<String> result = new ArrayList<>(n);
			for (int i = n - 1; i >= 0; i--) {
				result.add(sources[Math.floorMod(pos - i, lines.length)]);
			}
			return result;
		}

		String sourcesOfLast(int n) {
			StringBuilder b = new StringBuilder();
			for (int i = n - 1; i >= 0; i--) {
				String s = sources[Math.floorMod(pos - i, lines.length)];
				b.append(s == null ? "synthetic" : s);
				if (i > 0) {
					b.append(' ');
				}
			}
			return b.toString();
		}
	}

	private final int size;
	private final boolean joint;
	private final Ring jointRing;
	private final Map<String, Ring> perSource = new HashMap<>();
	private final Ring syntheticRing;
	private Ring current;
	private String currentSource;

	InputBuffers(int size, boolean joint) {
		this.size = Math.max(1, size);
		this.joint = joint || this.size == 1;
		this.jointRing = new Ring(this.size);
		this.syntheticRing = new Ring(this.size);
		this.current = jointRing;
	}

	void push(String line, String source) {
		currentSource = source;
		if (joint) {
			jointRing.push(line, source);
			current = jointRing;
		} else if (source == SYNTHETIC) {
			syntheticRing.push(line, source);
			current = syntheticRing;
		} else {
			current = perSource.computeIfAbsent(source, s -> new Ring(size));
			current.push(line, source);
		}
	}

	/** The last {@code n} lines of the buffer that got the current line, joined with "\n". */
	String lastLines(int n) {
		return current.last(Math.min(n, size));
	}

	/** The last {@code n} lines as a list, oldest first (PerlFunc arguments). */
	List<String> lastLineList(int n) {
		return current.lastList(Math.min(n, size));
	}

	/**
	 * The sources PerlFunc gets (match_perlfunc L7664): one per line for a joint buffer,
	 * else the current line's source alone; {@code null} (undef) for synthetic events.
	 */
	List<String> sourceList(int n) {
		if (joint && size > 1) {
			return current.sourceList(Math.min(n, size));
		}
		return java.util.Collections.singletonList(currentSource);
	}

	/** $+{_inputsrc}: the source of the current line, or of each of the last n lines (joint buffer). */
	String inputSource(int n) {
		if (joint && size > 1) {
			return current.sourcesOfLast(Math.min(n, size));
		}
		return currentSource == null ? "synthetic" : currentSource;
	}

	/** What the dump shows of the buffers. */
	org.sec.engine.api.EngineSnapshot.InputBufferView view() {
		Map<String, List<String>> lines = new java.util.LinkedHashMap<>();
		Map<String, List<String>> sources = new java.util.LinkedHashMap<>();
		if (joint) {
			lines.put("", jointRing.lastList(size));
			sources.put("", jointRing.sourceList(size));
		} else {
			for (Map.Entry<String, Ring> e : new java.util.TreeMap<>(perSource).entrySet()) {
				lines.put(e.getKey(), e.getValue().lastList(size));
				sources.put(e.getKey(), e.getValue().sourceList(size));
			}
			lines.put(null, syntheticRing.lastList(size));
			sources.put(null, syntheticRing.sourceList(size));
		}
		return new org.sec.engine.api.EngineSnapshot.InputBufferView(joint, size, lines, sources);
	}

	/** rewrite: replaces the last {@code n} lines of the current buffer. */
	/** sec's words for the buffer that {@link #rewrite} changes (execute_rewrite_action L6806-6834). */
	String rewrittenBufferName() {
		if (joint) {
			return "Input buffer";
		}
		return currentSource == SYNTHETIC ? "Input buffer of synthetic events" : "Input buffer of " + currentSource;
	}

	void rewrite(String[] lines) {
		int n = lines.length;
		for (int i = 0; i < n; i++) {
			current.lines[Math.floorMod(current.pos - (n - 1 - i), current.lines.length)] = lines[i];
		}
	}

	int size() {
		return size;
	}

	boolean joint() {
		return joint;
	}

	/** The rings for a saved state: "" for the joint one, the source's name, or null for synthetic events. */
	Map<String, Ring> rings() {
		Map<String, Ring> rings = new java.util.LinkedHashMap<>();
		if (joint) {
			rings.put("", jointRing);
		} else {
			rings.putAll(new java.util.TreeMap<>(perSource));
			rings.put(null, syntheticRing);
		}
		return rings;
	}

	/** The ring of {@code name} (as {@link #rings()} names it), made if needed, for a restored state. */
	Ring ring(String name) {
		if (joint) {
			return jointRing;
		}
		return name == null ? syntheticRing : perSource.computeIfAbsent(name, s -> new Ring(size));
	}

	/** The buffer and source of the last line, for a restored state. */
	String currentName() {
		if (joint) {
			return "";
		}
		return current == syntheticRing ? null : currentSource;
	}

	void restoreCurrent(String name, String source) {
		current = ring(name);
		currentSource = source;
	}

	String currentSource() {
		return currentSource;
	}
}

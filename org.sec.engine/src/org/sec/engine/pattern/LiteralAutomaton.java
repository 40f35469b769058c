package org.sec.engine.pattern;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Aho-Corasick over many literals: one pass over a text finds which of them occur in it.
 * The engine uses it to select the rules whose required literals a line contains, so that
 * a line costs one scan instead of one substring search per rule. Literals are of
 * characters below 256 (input lines are Latin-1); a text character above that matches
 * nothing. Immutable once built; {@link #scan} allocates nothing.
 */
public final class LiteralAutomaton {

	private static final int ROOT = 0;

	/** The root's transitions for every character below 256 (dense: most steps start there). */
	private final int[] rootNext = new int[256];
	/** Per state: its transition characters (sorted) and targets. */
	private final char[][] keys;
	private final int[][] next;
	private final int[] fail;
	/** Per state: the ids of every literal that ends here, its own and its suffixes'. */
	private final int[][] output;

	private LiteralAutomaton(char[][] keys, int[][] next, int[] fail, int[][] output) {
		this.keys = keys;
		this.next = next;
		this.fail = fail;
		this.output = output;
		for (int c = 0; c < 256; c++) {
			rootNext[c] = step(ROOT, (char) c);
		}
	}

	/** Whether the automaton can take {@code literal}: not empty, every character below 256. */
	public static boolean accepts(String literal) {
		if (literal == null || literal.isEmpty()) {
			return false;
		}
		for (int i = 0; i < literal.length(); i++) {
			if (literal.charAt(i) > 255) {
				return false;
			}
		}
		return true;
	}

	/** Sets bit {@code id} in {@code found} for every literal that occurs in {@code text}. */
	public void scan(String text, long[] found) {
		int state = ROOT;
		for (int i = 0, n = text.length(); i < n; i++) {
			char c = text.charAt(i);
			if (c > 255) {
				state = ROOT;
				continue;
			}
			state = state == ROOT ? rootNext[c] : transition(state, c);
			int[] out = output[state];
			for (int id : out) {
				found[id >>> 6] |= 1L << id;
			}
		}
	}

	private int transition(int state, char c) {
		while (state != ROOT) {
			int t = target(state, c);
			if (t >= 0) {
				return t;
			}
			state = fail[state];
		}
		return rootNext[c];
	}

	/** The goto function of the trie alone (-1: none), the root staying at the root. */
	private int step(int state, char c) {
		int t = target(state, c);
		return t < 0 && state == ROOT ? ROOT : t;
	}

	private int target(int state, char c) {
		char[] k = keys[state];
		for (int j = 0; j < k.length; j++) {
			if (k[j] == c) {
				return next[state][j];
			}
			if (k[j] > c) {
				break;
			}
		}
		return -1;
	}

	/** Collects literals with their ids (several literals may share an id, one literal may have several). */
	public static final class Builder {
		private final List<TreeMap<Character, Integer>> trie = new ArrayList<>();
		private final List<List<Integer>> ends = new ArrayList<>();

		public Builder() {
			newState();
		}

		private int newState() {
			trie.add(new TreeMap<>());
			ends.add(new ArrayList<>());
			return trie.size() - 1;
		}

		/** Adds a literal ({@link #accepts} must hold) that sets bit {@code id} when found. */
		public Builder add(String literal, int id) {
			if (!accepts(literal) || id < 0) {
				throw new IllegalArgumentException("not a literal the automaton takes: " + literal);
			}
			int state = ROOT;
			for (int i = 0; i < literal.length(); i++) {
				char c = literal.charAt(i);
				Integer t = trie.get(state).get(c);
				if (t == null) {
					t = newState();
					trie.get(state).put(c, t);
				}
				state = t;
			}
			ends.get(state).add(id);
			return this;
		}

		public LiteralAutomaton build() {
			int n = trie.size();
			char[][] keys = new char[n][];
			int[][] next = new int[n][];
			for (int s = 0; s < n; s++) {
				TreeMap<Character, Integer> edges = trie.get(s);
				keys[s] = new char[edges.size()];
				next[s] = new int[edges.size()];
				int j = 0;
				for (var e : edges.entrySet()) {
					keys[s][j] = e.getKey();
					next[s][j++] = e.getValue();
				}
			}
			int[] fail = new int[n];
			int[][] output = new int[n][];
			output[ROOT] = ids(ends.get(ROOT), new int[0]);
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			for (int child : next[ROOT]) {
				fail[child] = ROOT;
				queue.add(child);
			}
			// breadth first: a state's fail link and output come from shallower states
			while (!queue.isEmpty()) {
				int s = queue.poll();
				output[s] = ids(ends.get(s), output[fail[s]]);
				for (int j = 0; j < keys[s].length; j++) {
					char c = keys[s][j];
					int child = next[s][j];
					int f = fail[s];
					int t;
					while ((t = target(keys, next, f, c)) < 0 && f != ROOT) {
						f = fail[f];
					}
					fail[child] = t >= 0 && t != child ? t : ROOT;
					queue.add(child);
				}
			}
			return new LiteralAutomaton(keys, next, fail, output);
		}

		private static int target(char[][] keys, int[][] next, int state, char c) {
			int j = Arrays.binarySearch(keys[state], c);
			return j >= 0 ? next[state][j] : -1;
		}

		private static int[] ids(List<Integer> own, int[] inherited) {
			int[] all = Arrays.copyOf(inherited, inherited.length + own.size());
			for (int i = 0; i < own.size(); i++) {
				all[inherited.length + i] = own.get(i);
			}
			return Arrays.stream(all).distinct().toArray();
		}
	}
}

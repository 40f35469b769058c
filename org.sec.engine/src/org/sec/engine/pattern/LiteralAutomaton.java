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
	/** Up to this many literals, {@link String#indexOf} per literal (vectorised) beats a pass of the automaton. */
	private static final int FEW_LITERALS = 3;

	/** Per character below 256: its class; class 0 holds every character no literal has. */
	private final int[] classOf = new int[256];
	private final int classes;
	/**
	 * The full transition table, row by row (a row per state, a column per class). An entry
	 * is the target row's offset shifted left by one, with bit 0 set when literals end there.
	 */
	private final int[] delta;
	/** Per state: the ids of every literal that ends there, its own and its suffixes'. */
	private final int[][] output;
	/** With few literals: the literals and their ids, searched one by one instead. */
	private final String[] few;
	private final int[] fewIds;

	private LiteralAutomaton(int[] classOf, int classes, int[] delta, int[][] output, String[] few, int[] fewIds) {
		System.arraycopy(classOf, 0, this.classOf, 0, 256);
		this.classes = classes;
		this.delta = delta;
		this.output = output;
		this.few = few;
		this.fewIds = fewIds;
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
		if (few != null) {
			for (int i = 0; i < few.length; i++) {
				if (text.contains(few[i])) {
					found[fewIds[i] >>> 6] |= 1L << fewIds[i];
				}
			}
			return;
		}
		int row = 0;
		for (int i = 0, n = text.length(); i < n; i++) {
			char c = text.charAt(i);
			int entry = delta[row + (c > 255 ? 0 : classOf[c])]; // above 255: in no literal, back to the root
			row = entry >>> 1;
			if ((entry & 1) != 0) {
				for (int id : output[row / classes]) {
					found[id >>> 6] |= 1L << id;
				}
			}
		}
	}

	/** Collects literals with their ids (several literals may share an id, one literal may have several). */
	public static final class Builder {
		private final List<TreeMap<Character, Integer>> trie = new ArrayList<>();
		private final List<List<Integer>> ends = new ArrayList<>();
		private final List<String> literals = new ArrayList<>();
		private final List<Integer> literalIds = new ArrayList<>();

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
			literals.add(literal);
			literalIds.add(id);
			return this;
		}

		public LiteralAutomaton build() {
			int[] classOf = new int[256];
			int classes = 1;
			for (TreeMap<Character, Integer> edges : trie) {
				for (char c : edges.keySet()) {
					if (classOf[c] == 0) {
						classOf[c] = classes++;
					}
				}
			}
			if (literals.size() <= FEW_LITERALS) {
				return new LiteralAutomaton(classOf, classes, null, null, literals.toArray(String[]::new),
						literalIds.stream().mapToInt(Integer::intValue).toArray());
			}
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
			int[][] go = new int[n][classes]; // the DFA by state and class, before packing
			output[ROOT] = ids(ends.get(ROOT), new int[0]);
			for (int j = 0; j < keys[ROOT].length; j++) {
				go[ROOT][classOf[keys[ROOT][j]]] = next[ROOT][j];
			}
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			for (int child : next[ROOT]) {
				fail[child] = ROOT;
				queue.add(child);
			}
			// breadth first: a state's fail link, output and missing transitions come from shallower states
			while (!queue.isEmpty()) {
				int s = queue.poll();
				output[s] = ids(ends.get(s), output[fail[s]]);
				System.arraycopy(go[fail[s]], 0, go[s], 0, classes);
				for (int j = 0; j < keys[s].length; j++) {
					char c = keys[s][j];
					int child = next[s][j];
					go[s][classOf[c]] = child;
					int f = fail[s];
					int t;
					while ((t = target(keys, next, f, c)) < 0 && f != ROOT) {
						f = fail[f];
					}
					fail[child] = t >= 0 && t != child ? t : ROOT;
					queue.add(child);
				}
			}
			int[] delta = new int[n * classes];
			for (int s = 0; s < n; s++) {
				for (int k = 0; k < classes; k++) {
					int t = go[s][k];
					delta[s * classes + k] = (t * classes) << 1 | (output[t].length > 0 ? 1 : 0);
				}
			}
			return new LiteralAutomaton(classOf, classes, delta, output, null, null);
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

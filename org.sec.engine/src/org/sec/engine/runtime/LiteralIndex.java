package org.sec.engine.runtime;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sec.engine.context.ContextExpressionParser;
import org.sec.engine.pattern.LiteralAutomaton;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;
import org.sec.engine.syntax.MatchVariables;

/**
 * Which rules of one file a line may match, from one scan for every pattern's required
 * literals ({@link LiteralAutomaton}). sec tries every rule in order (process_rules L9775);
 * the index changes nothing in that order. It only knows, before a pattern runs, that the
 * pattern cannot match: a slot whose literal is absent counts as NO_MATCH at once, and a rule
 * none of whose slots can match is not visited at all when visiting could do nothing else
 * (no context evaluated before the pattern). A Pair's pattern2 counts as its second slot:
 * when no operation's pattern2 can match, its operations are not tried.
 * Slots without a required literal, negated and multi-line patterns are always tried.
 */
final class LiteralIndex {

	private final int ruleCount;
	/** Per rule: the number of its first slot among the file's slots. */
	private final int[] slotBase;
	/** Slots that have no literal and are always tried. */
	private final long[] slotsAlwaysTried;
	/** Rules visited whatever the line (an unindexed slot, a context before the pattern, a Pair). */
	private final long[] rulesAlwaysVisited;
	/** Per slot: its rule (to mark a rule for visiting when its slot may match). */
	private final int[] ruleOfSlot;
	private final LiteralAutomaton automaton;

	/** The line (by identity) the bits below were computed for, if {@code scanned}. */
	private String scannedLine;
	private boolean scanned;
	private final long[] slotsMayMatch;
	private final long[] rulesToVisit;

	LiteralIndex(List<Rule> rules) {
		ruleCount = rules.size();
		slotBase = new int[ruleCount + 1];
		for (int i = 0; i < ruleCount; i++) {
			slotBase[i + 1] = slotBase[i] + rules.get(i).slots().size();
		}
		int slots = slotBase[ruleCount];
		slotsAlwaysTried = new long[words(slots)];
		rulesAlwaysVisited = new long[words(ruleCount)];
		ruleOfSlot = new int[slots];
		Map<String, Integer> sharing = new HashMap<>(); // how many slots require each literal
		for (Rule rule : rules) {
			for (PatternSlot slot : rule.slots()) {
				for (String literal : requiredLiterals(slot.pattern())) {
					sharing.merge(literal, 1, Integer::sum);
				}
			}
		}
		LiteralAutomaton.Builder builder = new LiteralAutomaton.Builder();
		for (int i = 0; i < ruleCount; i++) {
			Rule rule = rules.get(i);
			boolean visit = false;
			for (int s = 0; s < rule.slots().size(); s++) {
				PatternSlot slot = rule.slots().get(s);
				int id = slotBase[i] + s;
				ruleOfSlot[id] = i;
				ContextExpressionParser.FieldValue ctx = slot.context();
				boolean operations = s == 1 && visitsOperations(rule);
				String[] literals = !operations ? keyLiterals(slot.pattern(), sharing)
						: ctx != null && ctx.preEvaluated() ? null // each operation's context2 is evaluated before its pattern2
								: pattern2Literals(slot.pattern(), sharing);
				if (literals == null) {
					set(slotsAlwaysTried, id);
					visit = true;
				} else {
					for (String literal : literals) {
						builder.add(literal, id);
					}
				}
				visit |= ctx != null && ctx.preEvaluated(); // evaluated (and logged, with its side effects) before the pattern
			}
			if (visit) {
				set(rulesAlwaysVisited, i);
			}
		}
		automaton = builder.build();
		slotsMayMatch = new long[slotsAlwaysTried.length];
		rulesToVisit = new long[rulesAlwaysVisited.length];
	}

	/**
	 * The literals one of which every match of {@code p} contains, or null when the pattern
	 * has none (it is tried on every line): a SubStr's text, a RegExp's alternatives when it
	 * is nothing else, or else the one of its required literals that the fewest slots of the
	 * file require (the longest among those): a literal every rule has, like "Failed password
	 * for ", selects nothing.
	 */
	static String[] keyLiterals(PatternSpec p, Map<String, Integer> sharing) {
		if (p == null || p.negated() || p.lines() != 1) {
			return null;
		}
		String[] literals = switch (p.type()) {
		case SUBSTR -> new String[] { p.text() };
		case REGEXP -> p.regex() == null ? null
				: p.regex().literalAlternatives() != null ? p.regex().literalAlternatives() : mostSelective(requiredLiterals(p), sharing);
		default -> null;
		};
		if (literals == null || !Arrays.stream(literals).allMatch(LiteralAutomaton::accepts)) {
			return null;
		}
		return literals;
	}

	private static boolean visitsOperations(Rule rule) {
		return rule.kind() == RuleKind.PAIR || rule.kind() == RuleKind.PAIR_WITH_WINDOW;
	}

	/**
	 * For a Pair's pattern2, the literals one of which every operation's pattern2 contains
	 * (they differ only where the template has $N): the longest fixed part of a SubStr, the
	 * required literals of a RegExp with its variables as holes; null when none is known.
	 */
	static String[] pattern2Literals(PatternSpec p, Map<String, Integer> sharing) {
		if (p == null || p.negated() || p.lines() != 1) {
			return null;
		}
		if (p.type() == PatternSpec.Type.REGEXP && !p.deferred()) {
			return keyLiterals(p, sharing);
		}
		String[] fixed = MatchVariables.fixedParts(p.text(), '$');
		List<String> candidates = p.type() == PatternSpec.Type.SUBSTR ? Arrays.asList(fixed)
				: p.type() == PatternSpec.Type.REGEXP ? Arrays.asList(PerlRegex.requiredLiterals(fixed)) : List.of();
		String longest = null;
		for (String literal : candidates) {
			if (LiteralAutomaton.accepts(literal) && (longest == null || literal.length() > longest.length())) {
				longest = literal;
			}
		}
		return longest == null ? null : new String[] { longest };
	}

	/** The literals every match of a one-line, not negated RegExp contains (none for other patterns). */
	private static List<String> requiredLiterals(PatternSpec p) {
		if (p == null || p.negated() || p.lines() != 1 || p.type() != PatternSpec.Type.REGEXP || p.regex() == null
				|| p.regex().literalAlternatives() != null) {
			return List.of();
		}
		return Arrays.stream(p.regex().requiredLiterals()).filter(LiteralAutomaton::accepts).toList();
	}

	private static String[] mostSelective(List<String> literals, Map<String, Integer> sharing) {
		String best = null;
		for (String literal : literals) {
			if (best == null || sharing.get(literal) < sharing.get(best)
					|| sharing.get(literal).equals(sharing.get(best)) && literal.length() > best.length()) {
				best = literal;
			}
		}
		return best == null ? null : new String[] { best };
	}

	/** Computes the rules and slots {@code line} may match, unless they are known for it already. */
	void prepare(String line) {
		if (scanned && line == scannedLine) {
			return;
		}
		System.arraycopy(slotsAlwaysTried, 0, slotsMayMatch, 0, slotsMayMatch.length);
		System.arraycopy(rulesAlwaysVisited, 0, rulesToVisit, 0, rulesToVisit.length);
		if (line != null) {
			automaton.scan(line, slotsMayMatch);
		}
		for (int w = 0; w < slotsMayMatch.length; w++) {
			long bits = slotsMayMatch[w] & ~slotsAlwaysTried[w];
			while (bits != 0) {
				int id = (w << 6) + Long.numberOfTrailingZeros(bits);
				set(rulesToVisit, ruleOfSlot[id]);
				bits &= bits - 1;
			}
		}
		scannedLine = line;
		scanned = true;
	}

	/** The first rule at or after {@code from} that the prepared line must visit, or the rule count. */
	int nextRuleToVisit(int from) {
		if (from >= ruleCount) {
			return from;
		}
		int w = from >>> 6;
		long bits = rulesToVisit[w] & (-1L << from);
		while (true) {
			if (bits != 0) {
				return Math.min(ruleCount, (w << 6) + Long.numberOfTrailingZeros(bits));
			}
			if (++w >= rulesToVisit.length) {
				return ruleCount;
			}
			bits = rulesToVisit[w];
		}
	}

	/** Whether slot {@code slot} of rule {@code rule} may match the prepared line. */
	boolean mayMatch(int rule, int slot) {
		int id = slotBase[rule] + slot;
		return (slotsMayMatch[id >>> 6] & (1L << id)) != 0;
	}

	private static int words(int bits) {
		return (bits + 63) >>> 6;
	}

	private static void set(long[] bits, int i) {
		bits[i >>> 6] |= 1L << i;
	}
}

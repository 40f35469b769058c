package org.sec.engine.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sec.engine.action.Action;
import org.sec.engine.calendar.TimeSpec;
import org.sec.engine.syntax.MatchVariables;

/**
 * A rule that passed sec's checks (check_rule L2379). Fields that a type does not have
 * keep their defaults. Patterns are in {@link #slots()}: one for most types, two for
 * Pair and PairWithWindow, N for EventGroupN.
 */
public final class Rule {

	final RuleKind kind;
	final String file;
	final int line;
	int id;
	String desc;
	/** Pair, PairWithWindow, SingleWith2Thresholds: the second description. */
	String desc2;
	/** EventGroup: the N of EventGroupN. */
	int eventCount = 1;
	final List<PatternSlot> slots = new ArrayList<>();
	/** Action lists by field (iterated in ActionField order: action, action2, init, slide, end). */
	final Map<ActionField, List<Action>> actions = new EnumMap<>(ActionField.class);
	/** Per field: whether its list has $ match variables (sec's ActVolat), so a match must substitute it. */
	private final boolean[] volatileActions = new boolean[ActionField.values().length];
	/**
	 * Per field: whether its list may use the desc. sec sets %s only while it substitutes an
	 * argument that has a % (substitute_actionlist_var L4122), and %s then stays for the dump
	 * and later actions; create and set keep the desc with their list (the dump's "%s = ...").
	 * A list with neither needs no desc built.
	 */
	private final boolean[] descUsingActions = new boolean[ActionField.values().length];
	long window = -1;
	long threshold = -1;
	long window2 = -1;
	long threshold2 = -1;
	String script;
	/** SingleWithScript shell=no: the script split into words at load time. */
	List<String> scriptWords;
	boolean multipleActions;
	List<String> cfset = List.of();
	boolean constSet = true;
	TimeSpec time;
	PatternSpec egPattern;
	/** Options: file-level settings. */
	boolean procAllInput = true;
	Set<String> joinCfset;

	/** The rule's keyword=value lines, until {@link #textHash()} is first asked for. */
	private Map<String, String> hashedFields = Map.of();
	/** A hash of them: tells a saved operation whether its rule changed (made when first needed). */
	private String textHash;

	Rule(RuleKind kind, String file, int line) {
		this.kind = kind;
		this.file = file;
		this.line = line;
	}

	public RuleKind kind() {
		return kind;
	}

	public String file() {
		return file;
	}

	/** The line sec names for the rule: where its definition starts. */
	public int line() {
		return line;
	}

	/** Number of the rule within its file (0-based), as in operation keys. */
	public int id() {
		return id;
	}

	public String desc() {
		return desc;
	}

	public String desc2() {
		return desc2;
	}

	public int eventCount() {
		return eventCount;
	}

	public List<PatternSlot> slots() {
		return slots;
	}

	/** The action list of a field, or an empty list. */
	public List<Action> actions(ActionField field) {
		List<Action> list = actions.get(field);
		return list == null ? List.of() : list;
	}

	/** The action list of the field named {@code keyword} ("action", "init", ...), or an empty list. */
	public List<Action> actions(String keyword) {
		ActionField field = ActionField.of(keyword);
		return field == null ? List.of() : actions(field);
	}

	/** Whether the list of {@code field} names $ match variables (sec's ActVolat): a match substitutes it. */
	public boolean actionsHaveMatchVariables(ActionField field) {
		return volatileActions[field.ordinal()];
	}

	void putActions(ActionField field, List<Action> list) {
		actions.put(field, list);
		volatileActions[field.ordinal()] = containsMatchVariables(list);
		descUsingActions[field.ordinal()] = usesDesc(list);
	}

	/** Whether the list of {@code field} may use the desc: false only when no argument has a % and no action holds a list. */
	public boolean actionsUseDesc(ActionField field) {
		return descUsingActions[field.ordinal()];
	}

	private static boolean usesDesc(List<Action> list) {
		for (Action a : list) {
			for (String arg : a.args()) {
				if (arg != null && arg.indexOf('%') >= 0) {
					return true;
				}
			}
			if (!a.lists().isEmpty()) {
				return true; // create, set, if, while: a list kept or run with the desc
			}
		}
		return false;
	}

	/** Whether an action list or one nested in it has an argument with $ variables. */
	private static boolean containsMatchVariables(List<Action> list) {
		for (Action a : list) {
			for (String arg : a.args()) {
				if (arg != null && MatchVariables.contains(arg, '$')) {
					return true;
				}
			}
			for (List<Action> nested : a.lists()) {
				if (containsMatchVariables(nested)) {
					return true;
				}
			}
		}
		return false;
	}

	public long window() {
		return window;
	}

	public long threshold() {
		return threshold;
	}

	public long window2() {
		return window2;
	}

	public long threshold2() {
		return threshold2;
	}

	public String script() {
		return script;
	}

	public List<String> scriptWords() {
		return scriptWords;
	}

	public boolean multipleActions() {
		return multipleActions;
	}

	public List<String> cfset() {
		return cfset;
	}

	public boolean constSet() {
		return constSet;
	}

	public TimeSpec time() {
		return time;
	}

	public PatternSpec egPattern() {
		return egPattern;
	}

	public boolean procAllInput() {
		return procAllInput;
	}

	/**
	 * A hash of the rule's text as sec reads it (keywords and values in file order, comments
	 * and continuation lines resolved): the same for the same rule wherever it moves in its file.
	 */
	public synchronized String textHash() {
		if (textHash == null) {
			textHash = hashOf(hashedFields); // only state files ask: a check need not start a digest provider
			hashedFields = null;
		}
		return textHash;
	}

	void hashedFields(Map<String, String> fields) {
		this.hashedFields = fields;
	}

	static String hashOf(Map<String, String> fields) {
		StringBuilder b = new StringBuilder();
		fields.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
					.digest(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest, 0, 12);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	public Set<String> joinCfset() {
		return joinCfset;
	}

	/** Perl-code features the rule uses, named as users write them; empty when it needs no Perl. */
	/** The Perl code texts of this rule: PerlFunc patterns, context code, eval and lcall code. */
	public List<String> perlCode() {
		List<String> code = new ArrayList<>();
		for (PatternSlot slot : slots) {
			if (slot.pattern != null && slot.pattern.needsPerl()) {
				code.add(slot.pattern.text());
			}
			if (slot.context != null) {
				contextCode(slot.context.expression(), code);
			}
			actionCode(slot.count, code);
		}
		if (egPattern != null && egPattern.needsPerl()) {
			code.add(egPattern.text());
		}
		actions.values().forEach(list -> actionCode(list, code));
		return code;
	}

	private static void contextCode(org.sec.engine.context.ContextExpression expression, List<String> code) {
		for (org.sec.engine.context.ContextToken t : expression.tokens()) {
			if (t.needsPerl()) {
				code.add(t.text());
			} else if (t.nested() != null) {
				contextCode(t.nested(), code);
			}
		}
	}

	private static void actionCode(List<Action> actions, List<String> code) {
		for (Action a : actions) {
			switch (a.type()) {
			case EVAL -> code.add(a.arg(1));
			case LCALL -> code.add(a.arg(2));
			default -> {
			}
			}
			a.lists().forEach(list -> actionCode(list, code));
		}
	}

	public List<String> perlFeatures() {
		List<String> features = new ArrayList<>();
		for (PatternSlot slot : slots) {
			if (slot.pattern != null && slot.pattern.needsPerl()) {
				features.add("ptype=" + (slot.pattern.negated() ? "NPerlFunc" : "PerlFunc"));
			}
			if (slot.context != null && slot.context.expression().needsPerl()) {
				features.add("Perl code in a context expression (=, -> or :>)");
			}
			if (slot.count.stream().anyMatch(Action::needsPerl)) {
				features.add("eval/call/lcall action");
			}
		}
		if (egPattern != null && egPattern.needsPerl()) {
			features.add("egptype=PerlFunc");
		}
		for (List<Action> list : actions.values()) {
			if (list.stream().anyMatch(Action::needsPerl)) {
				features.add("eval/call/lcall action");
				break;
			}
		}
		return features.stream().distinct().toList();
	}
}

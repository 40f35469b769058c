package org.sec.lang.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionListParser;
import org.sec.engine.action.ActionType;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextToken;
import org.sec.engine.rules.ContinueSpec;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;
import org.sec.lang.model.ContextCreators;

/**
 * Checks that sec does not make but that catch real mistakes, on the rules as the
 * engine loaded them. Each finding is a warning with the line of the rule (or field)
 * it concerns; the DSL validator places it.
 */
public final class SecLints {

	/**
	 * A finding: the rule's first line, the keyword of the field concerned (or null), the
	 * message, and the text in that field's value it is about (or null: the keyword).
	 */
	public record Finding(int ruleLine, String keyword, String message, String part) {

		public Finding(int ruleLine, String keyword, String message) {
			this(ruleLine, keyword, message, null);
		}
	}

	private static final Pattern NUMBERED = Pattern.compile("\\$(\\$|[0-9]+|\\{([0-9]+)\\}|\\+\\{([A-Za-z_][\\w!]*)\\})");
	private static final Set<String> BUILTIN_NAMES = Set.of("_inputsrc", "_intcontext");
	private static final Set<String> INTERNAL_CONTEXTS = Set.of("SEC_INTERNAL_EVENT", "_INTERNAL_EVENT", "_THIS");

	private SecLints() {
	}

	public static List<Finding> check(LoadedRuleFile file) {
		List<Finding> findings = new ArrayList<>();
		matchVariables(file, findings);
		unreachable(file, findings);
		contextsNeverCreated(file, findings);
		perl(file, findings);
		neverFires(file, findings);
		backtracking(file, findings);
		return findings.stream().distinct().toList(); // a variable used twice is one finding
	}

	// ---- $N and $+{name} that no match provides

	private static void matchVariables(LoadedRuleFile file, List<Finding> findings) {
		Matcher variable = NUMBERED.matcher("");
		for (Rule rule : file.rules()) {
			if (rule.slots().isEmpty() || rule.slots().get(0).pattern() == null) {
				continue;
			}
			PatternSlot slot = rule.slots().get(0);
			PatternSpec p = slot.pattern();
			List<String[]> uses = new ArrayList<>();
			addUse(uses, "desc", rule.desc());
			for (String field : List.of("action", "action2", "init", "slide", "end")) {
				if (rule.kind() == RuleKind.PAIR || rule.kind() == RuleKind.PAIR_WITH_WINDOW) {
					if (field.equals("action2")) {
						continue; // $N there is the second pattern's
					}
				}
				for (String text : texts(rule.actions(field))) {
					addUse(uses, field, text);
				}
			}
			if (slot.context() != null && !slot.context().preEvaluated()) {
				for (String operand : operands(slot.context().expression())) {
					addUse(uses, "context", operand);
				}
			}
			if (!p.producesVariables() && p.type() != PatternSpec.Type.REGEXP) {
				for (String[] use : uses) {
					Matcher m = variable.reset(use[1]);
					if (m.find() && !m.group(1).equals("$")) {
						findings.add(new Finding(rule.line(), use[0], describe(p) + " patterns set no match variables, so "
								+ m.group() + " stays as it is written", m.group()));
						break;
					}
				}
				continue;
			}
			if (p.type() != PatternSpec.Type.REGEXP || p.negated() || p.regex() == null || !p.regex().translated()) {
				continue;
			}
			int groups = p.regex().groupCount();
			int available = Math.max(groups, 1); // without groups Perl's match returns (1)
			Set<String> names = new HashSet<>(p.regex().groupNames().keySet());
			names.addAll(BUILTIN_NAMES);
			names.addAll(slot.varmap().keySet());
			for (String[] use : uses) {
				Matcher m = variable.reset(use[1]);
				while (m.find()) {
					String number = m.group(2) != null ? m.group(2) : isDigit(m.group(1).charAt(0)) ? m.group(1) : null;
					if (number != null && !number.equals("0") && Long.parseLong(number) > available) {
						findings.add(new Finding(rule.line(), use[0], "$" + number + " is always empty: the pattern has "
								+ (groups == 0 ? "no groups" : groups == 1 ? "1 group" : groups + " groups"), m.group()));
					} else if (m.group(3) != null && !names.contains(m.group(3))) {
						findings.add(new Finding(rule.line(), use[0],
								"$+{" + m.group(3) + "} is always empty: the pattern has no group named " + m.group(3), m.group()));
					}
				}
			}
		}
	}

	/** A field's text that may name a match variable: only a text with a $ can. */
	private static void addUse(List<String[]> uses, String field, String text) {
		if (text != null && text.indexOf('$') >= 0) {
			uses.add(new String[] { field, text });
		}
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static String describe(PatternSpec p) {
		String base = switch (p.type()) {
		case SUBSTR -> "SubStr";
		case CACHED -> "Cached";
		case TVALUE -> "TValue";
		case REGEXP -> "RegExp";
		case PERLFUNC -> "PerlFunc";
		};
		return (p.negated() ? "N" : "") + base;
	}

	private static List<String> texts(List<Action> actions) {
		List<String> result = new ArrayList<>();
		for (Action a : actions) {
			result.addAll(a.args());
			for (List<Action> nested : a.lists()) {
				result.addAll(texts(nested));
			}
		}
		return result;
	}

	private static List<String> operands(ContextExpression e) {
		List<String> result = new ArrayList<>();
		for (ContextToken t : e.tokens()) {
			if (t.kind() == ContextToken.Kind.OPERAND || t.kind() == ContextToken.Kind.VARSET) {
				result.add(t.text());
			} else if (t.kind() == ContextToken.Kind.EXPRESSION) {
				result.addAll(operands(t.nested()));
			}
		}
		return result;
	}

	// ---- rules after a catch-all, or behind an identical pattern

	private static void unreachable(LoadedRuleFile file, List<Finding> findings) {
		Map<String, Rule> seen = new HashMap<>();
		Rule catchAll = null;
		for (Rule rule : file.rules()) {
			if (rule.kind() == RuleKind.CALENDAR) {
				continue;
			}
			if (catchAll != null) {
				findings.add(new Finding(rule.line(), null, "This rule is never reached: the rule at line "
						+ catchAll.line() + " matches every event and ends the search"));
				continue;
			}
			if (rule.slots().isEmpty() || rule.slots().get(0).pattern() == null) {
				continue;
			}
			PatternSlot slot = rule.slots().get(0);
			PatternSpec p = slot.pattern();
			boolean stops = rule.kind() == RuleKind.SUPPRESS || slot.whatNext().kind() == ContinueSpec.Kind.DONTCONT
					|| slot.whatNext().kind() == ContinueSpec.Kind.ENDMATCH;
			boolean single = rule.kind() == RuleKind.SINGLE || rule.kind() == RuleKind.SUPPRESS;
			String key = describe(p) + "\u0000" + p.lines() + "\u0000" + p.text();
			if (slot.context() == null && single) {
				Rule earlier = seen.get(key);
				if (earlier != null) {
					findings.add(new Finding(rule.line(), "pattern", "This rule is never reached: the rule at line "
							+ earlier.line() + " has the same pattern and ends the search"));
					continue;
				}
			}
			if (slot.context() == null && stops && single) {
				seen.putIfAbsent(key, rule);
				if (p.type() == PatternSpec.Type.TVALUE && p.truth()) {
					catchAll = rule;
				}
			}
		}
	}

	// ---- rules whose thresholds or time spec can never be met

	private static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(1970, 1, 1);
	private static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(2099, 12, 31);

	/** Repeated groups around .* or a repeated atom: Java may backtrack for minutes where Perl does not. */
	private static void backtracking(LoadedRuleFile file, List<Finding> findings) {
		for (Rule rule : file.rules()) {
			for (int j = 0; j < rule.slots().size(); j++) {
				PatternSpec p = rule.slots().get(j).pattern();
				if (p == null || p.type() != PatternSpec.Type.REGEXP || p.regex() == null || p.regex().inPerl()) {
					continue;
				}
				String nested = org.sec.engine.pattern.Backtracking.nestedRepetition(p.text());
				if (nested != null) {
					String keyword = j == 0 ? "pattern" : "pattern" + (j + 1);
					findings.add(new Finding(rule.line(), keyword, "'" + nested + "' repeats a group that itself repeats:"
							+ " on a long line that almost matches, Java's regex engine can backtrack for minutes where"
							+ " Perl's does not; jsec gives up after 2 s, says so in its log and lets perl match this"
							+ " pattern from then on", nested));
				}
			}
		}
	}

	private static void neverFires(LoadedRuleFile file, List<Finding> findings) {
		for (Rule rule : file.rules()) {
			if (rule.kind() == RuleKind.CALENDAR && rule.time() != null
					&& rule.time().firstMatchingDay(FIRST_DAY, LAST_DAY) == null) {
				findings.add(new Finding(rule.line(), "time", "This Calendar rule never fires: no date from "
						+ FIRST_DAY.getYear() + " to " + LAST_DAY.getYear() + " has the day, month, weekday and year it asks for"));
			}
			if (rule.kind() != RuleKind.EVENT_GROUP) {
				continue;
			}
			// sec counts an event for the first pattern that matches it (match_eventgroup_rule L9705)
			// and fires only when every pattern has reached its threshold (at least 1)
			List<PatternSlot> slots = rule.slots();
			for (int j = 0; j < slots.size(); j++) {
				PatternSpec p = slots.get(j).pattern();
				String n = j == 0 ? "" : Integer.toString(j + 1);
				String reached = ", so thresh" + n + "=" + slots.get(j).threshold() + " is never reached and the rule never fires";
				if (p.type() == PatternSpec.Type.TVALUE && !p.truth()) {
					findings.add(new Finding(rule.line(), "pattern" + n, "pattern" + n + " is FALSE and matches nothing" + reached));
					continue;
				}
				for (int i = 0; i < j; i++) {
					if (covers(slots.get(i), slots.get(j))) {
						String m = i == 0 ? "" : Integer.toString(i + 1);
						findings.add(new Finding(rule.line(), "pattern" + n, "pattern" + n + " never counts an event: pattern"
								+ m + " is tried first and matches every event that pattern" + n + " matches" + reached));
						break;
					}
				}
			}
		}
	}

	/** True when every event that {@code later} matches is matched by {@code earlier} (without a context to stop it). */
	private static boolean covers(PatternSlot earlier, PatternSlot later) {
		if (earlier.context() != null) {
			return false;
		}
		PatternSpec a = earlier.pattern();
		PatternSpec b = later.pattern();
		if (a.type() == PatternSpec.Type.TVALUE) {
			return a.truth();
		}
		if (a.type() != b.type() || a.negated() != b.negated() || a.lines() != b.lines()) {
			return false;
		}
		if (a.text().equals(b.text())) {
			return true;
		}
		// a line holding b's text holds a's text too
		return a.type() == PatternSpec.Type.SUBSTR && !a.negated() && b.text().contains(a.text());
	}

	// ---- contexts tested but never created

	private static void contextsNeverCreated(LoadedRuleFile file, List<Finding> findings) {
		Set<String> names = new java.util.LinkedHashSet<>();
		for (Rule rule : file.rules()) {
			for (List<Action> list : allLists(rule)) {
				names.addAll(ContextCreators.namesCreatedBy(list));
			}
		}
		// literal names are looked up directly; templates with variables become one regex each
		Set<String> literal = new HashSet<>();
		Map<String, Pattern> templates = new HashMap<>();
		for (String name : names) {
			if (name.contains("$") || name.contains("%")) {
				templates.putIfAbsent(name, ContextCreators.template(name));
			} else {
				literal.add(name);
			}
		}
		Map<String, Boolean> known = new HashMap<>();
		java.util.function.Predicate<String> isCreated = n -> known.computeIfAbsent(n,
				x -> literal.contains(x) || templates.values().stream().anyMatch(t -> t.matcher(x).matches()));
		for (Rule rule : file.rules()) {
			for (PatternSlot slot : rule.slots()) {
				if (slot.context() == null) {
					continue;
				}
				for (ContextToken t : flatten(slot.context().expression())) {
					if (t.kind() != ContextToken.Kind.OPERAND) {
						continue;
					}
					String name = t.text();
					if (INTERNAL_CONTEXTS.contains(name) || name.startsWith(ActionListParser.FILE_EVENT_CONTEXT_PREFIX) || name.contains("$")
							|| name.contains("%")) {
						continue;
					}
					if (!isCreated.test(name)) {
						findings.add(new Finding(rule.line(), "context",
								"Context " + name + " is tested but no rule in this file creates it", name));
					}
				}
			}
		}
	}

	private static List<ContextToken> flatten(ContextExpression e) {
		List<ContextToken> result = new ArrayList<>();
		for (ContextToken t : e.tokens()) {
			if (t.kind() == ContextToken.Kind.EXPRESSION) {
				result.addAll(flatten(t.nested()));
			} else {
				result.add(t);
			}
		}
		return result;
	}

	private static List<List<Action>> allLists(Rule rule) {
		List<List<Action>> lists = new ArrayList<>();
		for (String field : List.of("action", "action2", "init", "slide", "end")) {
			lists.add(rule.actions(field));
		}
		for (PatternSlot slot : rule.slots()) {
			lists.add(slot.count());
		}
		return lists;
	}

	// ---- Perl code

	private static void perl(LoadedRuleFile file, List<Finding> findings) {
		for (Rule rule : file.rules()) {
			for (String feature : rule.perlFeatures()) {
				findings.add(new Finding(rule.line(), null, feature
						+ " needs the Perl bridge: jsec and the simulator run it in a perl process, slower than rules in Java"));
			}
			for (String code : rule.perlCode()) {
				for (String name : org.sec.engine.perl.SecInternals.notShared(code)) {
					findings.add(new Finding(rule.line(), null, "Perl code uses sec's internal " + name
							+ ": jsec and the simulator do not have it, the code sees an empty variable"));
				}
			}
		}
	}
}

package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.List;

import org.sec.engine.api.EngineSnapshot.Detail;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextToken;
import org.sec.engine.context.ContextExpressionParser;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.rules.Rule;

/**
 * What sec's dump says of an operation's rule and state (print_operation L10658,
 * convert_operation L11400), in the text dump's order: pattern2str, context2str,
 * continue2str and actionlist2str ports. One list serves the text and the JSON dump.
 */
final class OperationDetails {

	private OperationDetails() {
	}

	static List<Detail> of(Operation op) {
		Rule rule = op.rule;
		List<Detail> d = new ArrayList<>();
		switch (rule.kind()) {
		case SINGLE_WITH_SUPPRESS -> {
			first(d, rule, op);
			window(d, "window", "Window", rule.window());
		}
		case PAIR, PAIR_WITH_WINDOW -> {
			first(d, rule, op);
			PatternSlot second = rule.slots().get(1);
			PatternSpec p2 = second.pattern();
			text(d, "pattern2", "Pattern2", pattern(p2.type(), p2.negated(), p2.lines(), op.pattern2Text, p2.truth()));
			text(d, "context2", "Context2", context(op.context2));
			text(d, "continue2", "Behavior after match2", whatNext(second));
			text(d, "desc2", "Description2", op.desc2);
			text(d, "action2", "Action2", ActionText.of(op.action2));
			window(d, "window", "Window", rule.window());
		}
		case SINGLE_WITH_THRESHOLD -> {
			first(d, rule, op);
			text(d, "action2", "Action2", ActionText.of(op.action2));
			window(d, "window", "Window", rule.window());
			number(d, "threshold", "Threshold", rule.threshold());
		}
		case SINGLE_WITH_2_THRESHOLDS -> {
			first(d, rule, op);
			window(d, "window", "Window", rule.window());
			number(d, "threshold", "Threshold", rule.threshold());
			text(d, "desc2", "Description2", op.desc2);
			text(d, "action2", "Action2", ActionText.of(op.action2));
			window(d, "window2", "Window2", rule.window2());
			number(d, "threshold2", "Threshold2", rule.threshold2());
		}
		case EVENT_GROUP -> {
			for (int i = 0; i < rule.eventCount(); i++) {
				String j = i == 0 ? "" : Integer.toString(i + 1);
				PatternSlot slot = rule.slots().get(i);
				text(d, "pattern" + j, "Pattern" + j, pattern(slot.pattern()));
				text(d, "context" + j, "Context" + j, context(slot.context()));
				text(d, "continue" + j, "Behavior after match" + j, whatNext(slot));
				text(d, "count" + j, "Count action" + j, ActionText.of(slot.count()));
				number(d, "threshold" + j, "Threshold" + j, slot.threshold());
				if (rule.egPattern() != null) {
					text(d, "egtoken" + j, "Event group token" + j, slot.egToken());
				}
			}
			if (rule.egPattern() != null) {
				PatternSpec eg = rule.egPattern();
				text(d, "egpattern", "Event group pattern", pattern(eg.type(), eg.negated(), 1, eg.text(), eg.truth()));
				StringBuilder tokens = new StringBuilder();
				op.allTimes.forEach(e -> tokens.append(tokens.isEmpty() ? "" : " ").append(e.token()));
				text(d, "egstring", "Event group string", tokens.toString());
			}
			text(d, "init", "Init action", ActionText.of(op.initAction));
			text(d, "slide", "Slide action", ActionText.of(op.slideAction));
			text(d, "end", "End action", ActionText.of(op.endAction));
			text(d, "desc", "Description", op.desc);
			text(d, "action", "Action", ActionText.of(op.action));
			window(d, "window", "Window", rule.window());
		}
		default -> {
			// Single, SingleWithScript, Suppress, Calendar, Jump and Options start no operations
		}
		}
		return d;
	}

	/** sec's status of an operation that counts events, as its JSON dump words it; {@code null} for others. */
	static String status(Operation op) {
		return switch (op.rule.kind()) {
		case SINGLE_WITH_THRESHOLD -> op.suppressMode ? "threshold reached" : "checking for threshold";
		case SINGLE_WITH_2_THRESHOLDS -> op.secondPass ? "checking for 2nd threshold" : "checking for 1st threshold";
		case EVENT_GROUP -> op.suppressMode ? "thresholds reached" : "checking for thresholds";
		default -> null;
		};
	}

	/** The lines every operation type starts with: pattern, context, continue, desc, action. */
	private static void first(List<Detail> d, Rule rule, Operation op) {
		PatternSlot slot = rule.slots().get(0);
		text(d, "pattern", "Pattern", pattern(slot.pattern()));
		text(d, "context", "Context", context(slot.context()));
		text(d, "continue", "Behavior after match", whatNext(slot));
		text(d, "desc", "Description", op.desc);
		text(d, "action", "Action", ActionText.of(op.action));
	}

	private static void text(List<Detail> d, String key, String label, String value) {
		d.add(new Detail(key, label, value == null ? "" : value, false));
	}

	private static void number(List<Detail> d, String key, String label, long value) {
		d.add(new Detail(key, label, Long.toString(value), true));
	}

	private static void window(List<Detail> d, String key, String label, long seconds) {
		d.add(new Detail(key, label, Long.toString(seconds), true));
	}

	private static String pattern(PatternSpec p) {
		return pattern(p.type(), p.negated(), p.lines(), p.text(), p.truth());
	}

	/** pattern2str (L10505): regexps print as Perl stringifies qr// ("(?^:...)"). */
	static String pattern(PatternSpec.Type type, boolean negated, int lines, String text, boolean truth) {
		String not = negated ? "negative " : "";
		return switch (type) {
		case SUBSTR -> not + "substring for " + lines + " line(s): " + text;
		case REGEXP -> not + "regexp for " + lines + " line(s): (?^:" + text + ")";
		// sec prints the code reference (CODE(0x...)); jsec prints the code
		case PERLFUNC -> not + "perlfunc for " + lines + " line(s): " + text;
		case CACHED -> not + "cached match: " + text;
		case TVALUE -> "truth value: " + (truth ? "TRUE" : "FALSE");
		};
	}

	/** continue2str (L10554). */
	private static String whatNext(PatternSlot slot) {
		return switch (slot.whatNext().kind()) {
		case DONTCONT -> "don't continue";
		case TAKENEXT -> "take next";
		case GOTO -> "goto rule " + (slot.gotoRule() + 1);
		case ENDMATCH -> "end matching";
		};
	}

	private static String context(ContextExpressionParser.FieldValue field) {
		return field == null ? "" : context(field.expression());
	}

	/** context2str (L10570): the postfix list back to infix, parentheses only where written. */
	static String context(ContextExpression expression) {
		if (expression == null) {
			return "";
		}
		java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
		for (ContextToken t : expression.tokens()) {
			switch (t.kind()) {
			case EXPRESSION -> stack.push("(" + context(t.nested()) + ")");
			case ECODE -> stack.push("=( " + t.text() + " )");
			case CCODE -> stack.push(String.join(" ", t.params()) + " -> " + t.text());
			case CCODE2 -> stack.push(String.join(" ", t.params()) + " :> " + t.text());
			case VARSET -> stack.push("varset " + t.text());
			case OPERAND -> stack.push(t.text());
			case NEGATION -> stack.push("!" + stack.pop());
			case AND, OR -> {
				String right = stack.pop();
				String left = stack.pop();
				stack.push(left + (t.kind() == ContextToken.Kind.AND ? " && " : " || ") + right);
			}
			}
		}
		return stack.isEmpty() ? "" : stack.pop();
	}
}

package org.sec.simulator.replay;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import org.sec.simulator.trace.TraceEvent;
import org.sec.simulator.trace.TraceEvent.Kind;

/**
 * Stops a running replay after the step in which a trace event it selects happened.
 * {@code description} is what a user sees in a breakpoints list. A {@code condition} (a
 * SEC context expression, null for none) is evaluated when the event happens, before a
 * matching rule's actions run, with the event's match variables for {@code $N}; the
 * breakpoint stops only when it holds.
 */
public record Breakpoint(String description, Predicate<TraceEvent> selects, String condition) {

	public Breakpoint(String description, Predicate<TraceEvent> selects) {
		this(description, selects, null);
	}

	/**
	 * This breakpoint, stopping only when {@code contextExpression} holds (blank: always).
	 *
	 * @throws IllegalArgumentException sec's reason when the expression does not parse
	 */
	public Breakpoint when(String contextExpression) {
		if (contextExpression == null || contextExpression.isBlank()) {
			return new Breakpoint(description, selects, null);
		}
		org.sec.engine.api.SecEngine.checkContextExpression(contextExpression);
		return new Breakpoint(description + " if " + contextExpression.strip(), selects, contextExpression.strip());
	}

	/** A rule matched: the rule of {@code file} that starts at {@code line} (any file when null). */
	public static Breakpoint ruleMatched(String file, int line) {
		return new Breakpoint("rule at " + (file == null ? "" : file + ":") + line + " matched",
				e -> e.kind() == Kind.RULE_MATCHED && Integer.toString(line).equals(e.detail().get("line"))
						&& (file == null || file.equals(e.detail().get("file"))));
	}

	/** An action whose text contains {@code text} ran (or was suppressed). */
	public static Breakpoint actionExecuted(String text) {
		return new Breakpoint("action containing '" + text + "'",
				e -> (e.kind() == Kind.ACTION_EXECUTED || e.kind() == Kind.ACTION_SUPPRESSED) && e.subject().contains(text));
	}

	/** Context {@code name} (any context when null) was created, deleted or expired, as {@code kinds} selects. */
	public static Breakpoint context(String name, Set<Kind> kinds) {
		Set<Kind> selected = EnumSet.copyOf(kinds);
		selected.retainAll(EnumSet.of(Kind.CONTEXT_CREATED, Kind.CONTEXT_DELETED, Kind.CONTEXT_EXPIRED));
		return new Breakpoint("context " + (name == null ? "(any)" : name) + " " + selected,
				e -> selected.contains(e.kind()) && (name == null || name.equals(e.subject())));
	}

	/** An operation started or finished, as {@code kinds} selects; {@code keyPart} filters by key (null: any). */
	public static Breakpoint operation(String keyPart, Set<Kind> kinds) {
		Set<Kind> selected = EnumSet.copyOf(kinds);
		selected.retainAll(EnumSet.of(Kind.OPERATION_STARTED, Kind.OPERATION_FINISHED));
		return new Breakpoint("operation " + (keyPart == null ? "(any)" : keyPart) + " " + selected,
				e -> selected.contains(e.kind()) && (keyPart == null || e.subject().contains(keyPart)));
	}

	/** Any timer that fired: an operation finished or a context expired. */
	static Breakpoint timerExpiry() {
		return new Breakpoint("next expiry",
				e -> e.kind() == Kind.OPERATION_FINISHED || e.kind() == Kind.CONTEXT_EXPIRED);
	}
}

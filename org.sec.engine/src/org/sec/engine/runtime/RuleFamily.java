package org.sec.engine.runtime;

import java.util.Set;

import org.sec.engine.rules.Rule;

/**
 * The rule kinds that share one way of matching and one kind of operation (Single*,
 * thresholds, Pair*, EventGroup, Jump, Calendar): each matches an event against its rules
 * and ends or slides its own operations when their window is over. The engine keeps one
 * per {@link org.sec.engine.rules.RuleKind} in a table.
 */
interface RuleFamily {

	/**
	 * Matches the current event against {@code rule}, the {@code index}-th rule of
	 * {@code file}, and runs what the match does: the index of the next rule to try, or -1
	 * when the event must go no further (Jump's EndMatch). {@code trace}: the rule sets of
	 * the Jump rules this event went through, or null.
	 */
	int match(String file, Rule rule, int index, Set<String> trace);

	/**
	 * What happens to one of its operations whose window is over (now - start > window),
	 * the same whether process_lists finds it or a new matching event does
	 * (L8960-9200, L9990-10110).
	 */
	default void expire(Operation op, long time) {
	}
}

package org.sec.simulator.trace;

import java.util.Map;

/**
 * One thing that happened during a replay, at virtual time {@code time} (epoch
 * seconds), while input line {@code lineNumber} (from 1; 0 before the first line) was the
 * latest. {@code subject} names what it is about: the line, rule, operation key,
 * context name or action; {@code detail} holds the rest (rule file and line, match
 * variables, lifetime...).
 */
public record TraceEvent(long time, long lineNumber, Kind kind, String subject, Map<String, String> detail) {

	public enum Kind {
		LINE_CONSUMED, RULE_EVALUATED, RULE_MATCHED, OPERATION_STARTED, OPERATION_UPDATED, OPERATION_FINISHED, CONTEXT_CREATED, CONTEXT_DELETED,
		CONTEXT_EXPIRED, ACTION_EXECUTED, ACTION_SUPPRESSED, CLOCK_WENT_BACKWARDS
	}
}

package org.sec.engine.api;

import java.util.List;
import java.util.Map;

/**
 * What the engine holds at one moment, for dumps and for views that show it live:
 * operations, contexts, action-list variables and events waiting for their time.
 * Times are epoch seconds.
 */
public record EngineSnapshot(long time, long linesProcessed, List<OperationView> operations,
		List<ContextView> contexts, Map<String, String> variables, List<PendingEventView> pendingEvents,
		List<RuleUsage> ruleUsage, InputBufferView inputBuffer, Map<String, Map<String, String>> matchCache,
		List<ChildView> children, SecVersion secVersion) {

	/**
	 * The input buffers: one joint buffer ({@code buffers} has the single key "") or one
	 * per source plus {@code null} for synthetic events. Each holds the last lines, oldest
	 * first, with their sources ({@code null}: a synthetic event).
	 */
	public record InputBufferView(boolean joint, int size, Map<String, List<String>> lines,
			Map<String, List<String>> sources) {
	}

	/**
	 * An event correlation operation. {@code windowEnd} is -1 for an infinite window.
	 * {@code details} are the rule's and operation's fields in the order sec's dump prints
	 * them; {@code status} is sec's word for a counting operation's state ({@code null}
	 * for the others). EventGroup: {@code eventPatterns} holds the 1-based pattern of each
	 * event and {@code eventTokens} its egtoken (empty without egpattern).
	 */
	public record OperationView(String key, String file, int ruleId, int ruleLine, String type, long startTime,
			long windowStart, long windowEnd, String desc, List<Long> eventTimes, List<Detail> details,
			String status, List<Integer> eventPatterns, List<String> eventTokens) {
	}

	/**
	 * One field of an operation as sec's dump shows it: {@code key} in the JSON dump,
	 * {@code label} in the text dump; {@code numeric} values are JSON numbers.
	 */
	public record Detail(String key, String label, String value, boolean numeric) {
	}

	/** A running child process; {@code pipeInput}: its output comes back as events. */
	public record ChildView(long pid, String command, boolean pipeInput, String context) {
	}

	/** A context under all its names; lifetime 0 means infinite. */
	public record ContextView(List<String> names, long initialized, long created, long lifetime, String onExpiry,
			String desc, List<String> events, List<Long> eventTimes) {

		/** Seconds of lifetime left at {@code now} (0 once past), or -1 for an infinite lifetime. */
		public long secondsLeft(long now) {
			return lifetime == 0 ? -1 : Math.max(0, created + lifetime - now);
		}
	}

	/** An event to be created at {@code due}; {@code context} is set with --intcontexts. */
	public record PendingEventView(long due, String event, String context) {
	}

	/** How often a rule matched, as sec's dump reports it. */
	public record RuleUsage(String file, int ruleNumber, int line, long matches, String desc) {
	}
}

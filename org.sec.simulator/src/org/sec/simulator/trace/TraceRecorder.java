package org.sec.simulator.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.sec.engine.api.EngineListener;

/**
 * Turns what the engine reports into {@link TraceEvent}s stamped with virtual time, and
 * counts rule hits. Events go to every subscriber as they happen (the JSON lines writer,
 * breakpoints, views).
 */
public final class TraceRecorder implements EngineListener {

	private final LongSupplier clock;
	private final List<Consumer<TraceEvent>> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
	private final Map<RuleRef, java.util.concurrent.atomic.AtomicLong> hits = new java.util.concurrent.ConcurrentHashMap<>();
	/** The replay thread's own way to each rule's counter: by identity, the engine hands out one RuleRef per rule. */
	private final Map<RuleRef, java.util.concurrent.atomic.AtomicLong> counters = new java.util.IdentityHashMap<>();
	private long lineNumber;
	private boolean inputLine;
	private boolean recordEvaluations;

	public TraceRecorder(LongSupplier clock) {
		this.clock = clock;
	}

	/**
	 * Also report each rule's evaluation (pattern and context result) for every event:
	 * what "why didn't it fire?" needs. Off by default: it is one event per rule per line.
	 */
	public void recordEvaluations(boolean on) {
		recordEvaluations = on;
	}

	public boolean recordsEvaluations() {
		return recordEvaluations;
	}

	@Override
	public boolean hearsEvaluations() {
		return recordEvaluations && !unheard();
	}

	public void subscribe(Consumer<TraceEvent> subscriber) {
		subscribers.add(subscriber);
	}

	public void unsubscribe(Consumer<TraceEvent> subscriber) {
		subscribers.remove(subscriber);
	}

	/** The replay says the next line it hands to the engine is input line {@code number}. */
	public void nextInputLine(long number) {
		lineNumber = number;
		inputLine = true;
	}

	/** Matches per rule so far; safe to read from other threads (views) while the replay runs. */
	public Map<RuleRef, Long> hitCounts() {
		Map<RuleRef, Long> copy = new java.util.HashMap<>();
		hits.forEach((rule, n) -> copy.put(rule, n.get()));
		return Map.copyOf(copy);
	}

	public long hits(RuleRef rule) {
		java.util.concurrent.atomic.AtomicLong n = hits.get(rule);
		return n == null ? 0 : n.get();
	}

	public void report(TraceEvent.Kind kind, String subject, Map<String, String> detail) {
		if (unheard()) {
			return;
		}
		TraceEvent e = new TraceEvent(clock.getAsLong(), lineNumber, kind, subject, detail);
		for (Consumer<TraceEvent> s : subscribers) {
			s.accept(e);
		}
	}

	/** Nobody listens: events are not built (hit counts are still kept). */
	private boolean unheard() {
		return subscribers.isEmpty();
	}

	@Override
	public void lineConsumed(String line, String source) {
		if (unheard()) {
			inputLine = false;
			return;
		}
		Map<String, String> detail = new LinkedHashMap<>();
		detail.put("source", source == null ? "synthetic" : source);
		if (!inputLine) {
			detail.put("synthetic", "true");
		}
		inputLine = false;
		report(TraceEvent.Kind.LINE_CONSUMED, line, detail);
	}

	@Override
	public boolean hearsMatchDetails() {
		return !unheard();
	}

	@Override
	public void ruleMatched(RuleRef rule, Map<String, String> variables) {
		ruleMatched(rule, variables, rule.desc());
	}

	@Override
	public void ruleMatched(RuleRef rule, Map<String, String> variables, String desc) {
		counters.computeIfAbsent(rule, r -> hits.computeIfAbsent(r, k -> new java.util.concurrent.atomic.AtomicLong()))
				.incrementAndGet();
		if (unheard()) {
			return;
		}
		Map<String, String> detail = ruleDetail(rule);
		variables.forEach((k, v) -> detail.put("$" + k, v == null ? "" : v));
		report(TraceEvent.Kind.RULE_MATCHED, desc, detail);
	}

	@Override
	public void ruleEvaluated(RuleRef rule, int slot, Evaluation result) {
		if (!recordEvaluations || unheard()) {
			return;
		}
		Map<String, String> detail = ruleDetail(rule);
		detail.put("pattern", Integer.toString(slot + 1));
		detail.put("result", result.name().toLowerCase(java.util.Locale.ROOT));
		report(TraceEvent.Kind.RULE_EVALUATED, rule.desc(), detail);
	}

	@Override
	public void operationUpdated(String key, RuleRef rule) {
		if (!unheard()) {
			report(TraceEvent.Kind.OPERATION_UPDATED, key, ruleDetail(rule));
		}
	}

	@Override
	public void operationStarted(String key, RuleRef rule) {
		if (!unheard()) {
			report(TraceEvent.Kind.OPERATION_STARTED, key, ruleDetail(rule));
		}
	}

	@Override
	public void operationFinished(String key, RuleRef rule) {
		if (!unheard()) {
			report(TraceEvent.Kind.OPERATION_FINISHED, key, ruleDetail(rule));
		}
	}

	@Override
	public void contextCreated(String name, long lifetime) {
		report(TraceEvent.Kind.CONTEXT_CREATED, name, Map.of("lifetime", Long.toString(lifetime)));
	}

	@Override
	public void contextDeleted(String name) {
		report(TraceEvent.Kind.CONTEXT_DELETED, name, Map.of());
	}

	@Override
	public void contextExpired(String name) {
		report(TraceEvent.Kind.CONTEXT_EXPIRED, name, Map.of());
	}

	@Override
	public void actionExecuted(String text, boolean suppressed) {
		report(suppressed ? TraceEvent.Kind.ACTION_SUPPRESSED : TraceEvent.Kind.ACTION_EXECUTED, text, Map.of());
	}

	private static Map<String, String> ruleDetail(RuleRef rule) {
		Map<String, String> detail = new LinkedHashMap<>();
		detail.put("file", rule.file());
		detail.put("rule", Integer.toString(rule.number()));
		detail.put("line", Integer.toString(rule.line()));
		detail.put("type", rule.type());
		return detail;
	}
}

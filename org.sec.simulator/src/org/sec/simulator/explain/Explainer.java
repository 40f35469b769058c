package org.sec.simulator.explain;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.sec.engine.api.EngineListener.Evaluation;
import org.sec.engine.api.EngineListener.RuleRef;
import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.trace.TraceEvent;
import org.sec.simulator.trace.TraceEvent.Kind;

/**
 * "Why didn't it fire?": runs one event through the replay's engine (it really is
 * processed, so the explanation is what the engine did) and collects, per rule, the
 * engine's own evaluation results and the effects that followed them. Rules the event
 * never reached are listed too, with whether their pattern alone would have matched.
 */
public final class Explainer {

	private Explainer() {
	}

	public static Explanation explain(Replay replay, RuleSet rules, String line) {
		EngineSnapshot before = replay.snapshot();
		Map<String, List<String>> operationsByRule = new HashMap<>();
		for (EngineSnapshot.OperationView op : before.operations()) {
			operationsByRule.computeIfAbsent(op.file() + "#" + op.ruleId(), k -> new ArrayList<>())
					.add(op.key() + ": " + op.eventTimes().size() + " event(s) since "
							+ Instant.ofEpochSecond(op.windowStart())
							+ (op.windowEnd() < 0 ? "" : ", window ends " + Instant.ofEpochSecond(op.windowEnd())));
		}
		Map<String, List<Map.Entry<Integer, Evaluation>>> evaluations = new LinkedHashMap<>();
		Map<String, Map<String, String>> variables = new HashMap<>();
		Map<String, List<String>> effects = new HashMap<>();
		String[] current = { null };
		replay.trace().recordEvaluations(true);
		java.util.function.Consumer<TraceEvent> collector = e -> {
			switch (e.kind()) {
			case RULE_EVALUATED -> {
				String key = e.detail().get("file") + "#" + e.detail().get("rule");
				current[0] = key;
				evaluations.computeIfAbsent(key, k -> new ArrayList<>()).add(new AbstractMap.SimpleEntry<>(
						Integer.parseInt(e.detail().get("pattern")),
						Evaluation.valueOf(e.detail().get("result").toUpperCase(java.util.Locale.ROOT))));
			}
			case RULE_MATCHED -> {
				Map<String, String> vars = new LinkedHashMap<>();
				e.detail().forEach((k, v) -> {
					if (k.startsWith("$") && !k.equals("$0") && !k.equals("$_inputsrc") && !k.equals("$_intcontext")) {
						vars.put(k, v);
					}
				});
				variables.put(e.detail().get("file") + "#" + e.detail().get("rule"), vars);
			}
			case LINE_CONSUMED -> {
			}
			default -> {
				if (current[0] != null) {
					effects.computeIfAbsent(current[0], k -> new ArrayList<>()).add(describe(e));
				}
			}
			}
		};
		replay.trace().subscribe(collector);
		try {
			replay.inject(line);
		} finally {
			replay.trace().unsubscribe(collector);
			replay.trace().recordEvaluations(false);
		}
		List<Explanation.RuleStep> steps = new ArrayList<>();
		for (LoadedRuleFile file : rules.files()) {
			for (Rule r : file.rules()) {
				String key = r.file() + "#" + r.id();
				RuleRef ref = new RuleRef(r.file(), r.id(), r.line(), r.kind().displayName(), r.desc());
				List<Map.Entry<Integer, Evaluation>> evals = evaluations.getOrDefault(key, List.of());
				Boolean alone = evals.isEmpty() ? patternAlone(r, line) : null;
				steps.add(new Explanation.RuleStep(ref, evals, alone, variables.getOrDefault(key, Map.of()),
						operationsByRule.getOrDefault(key, List.of()), effects.getOrDefault(key, List.of())));
			}
		}
		return new Explanation(line, replay.now(), steps);
	}

	private static String describe(TraceEvent e) {
		String what = switch (e.kind()) {
		case ACTION_EXECUTED -> "action";
		case ACTION_SUPPRESSED -> "action (recorded, not run)";
		case OPERATION_STARTED -> "operation started";
		case OPERATION_UPDATED -> "operation counted the event";
		case OPERATION_FINISHED -> "operation finished";
		case CONTEXT_CREATED -> "context created";
		case CONTEXT_DELETED -> "context deleted";
		case CONTEXT_EXPIRED -> "context expired";
		default -> e.kind().name().toLowerCase(java.util.Locale.ROOT);
		};
		return what + ": " + e.subject();
	}

	/** Whether the rule's first pattern alone matches {@code line}, when that can be told without the engine. */
	public static Boolean patternAlone(Rule r, String line) {
		if (r.slots().isEmpty() || r.slots().get(0).pattern() == null) {
			return null;
		}
		PatternSpec p = r.slots().get(0).pattern();
		if (p.lines() != 1) {
			return null;
		}
		return switch (p.type()) {
		// a pattern only perl runs cannot be told without the engine
		case REGEXP -> p.regex() == null || p.regex().inPerl() ? null : p.regex().pattern().matcher(line).find() != p.negated();
		case SUBSTR -> line.contains(p.text()) != p.negated();
		case TVALUE -> p.truth();
		default -> null;
		};
	}

	/** A plain-text rendering, one block per rule, for terminals. */
	public static String format(Explanation x) {
		StringBuilder b = new StringBuilder();
		b.append("event: ").append(x.line()).append("\n  at ").append(Instant.ofEpochSecond(x.time())).append('\n');
		String file = null;
		boolean ended = false;
		Explanation.RuleStep lastReached = null;
		for (Explanation.RuleStep s : x.steps()) {
			if (s.reached()) {
				lastReached = s;
			}
		}
		for (Explanation.RuleStep s : x.steps()) {
			if (!Objects.equals(file, s.rule().file())) {
				file = s.rule().file();
				b.append(file).append('\n');
			}
			b.append(String.format("  line %-4d %-22s %s%n", s.rule().line(), s.rule().type(), s.rule().desc()));
			if (!s.reached()) {
				b.append("      not reached").append(ended ? "" : " (skipped by a GoTo or an earlier rule)");
				if (s.patternAlone() != null) {
					b.append("; its pattern alone would ").append(s.patternAlone() ? "match" : "not match");
				}
				b.append('\n');
				continue;
			}
			for (Map.Entry<Integer, Evaluation> e : s.evaluations()) {
				b.append("      pattern ").append(e.getKey()).append(": ").append(switch (e.getValue()) {
				case CONTEXT_FALSE_BEFORE_PATTERN -> "not tried, its [context] is false";
				case NO_MATCH -> "no match";
				case CONTEXT_FALSE -> "matched, but the context is false";
				case MATCHED -> "MATCHED";
				}).append('\n');
			}
			if (!s.variables().isEmpty()) {
				b.append("      variables: ");
				s.variables().forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
				b.append('\n');
			}
			s.operationsBefore().forEach(o -> b.append("      operation before: ").append(o).append('\n'));
			s.effects().forEach(e -> b.append("      ").append(e).append('\n'));
			if (s == lastReached) {
				b.append("      processing of this event ended here\n");
				ended = true;
			}
		}
		return b.toString();
	}
}

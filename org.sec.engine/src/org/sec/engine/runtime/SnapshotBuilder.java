package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;

/**
 * The engine's state as the api's {@link EngineSnapshot}: operations, contexts (each once,
 * with all its names), variables, pending events, rule usage, input buffers, match cache
 * and children. What the dumps, the simulator's views and the tests read.
 */
final class SnapshotBuilder {

	private final EngineState state;
	private final EngineServices services;
	private final RuleIndex rules;

	SnapshotBuilder(EngineState state, EngineServices services, RuleIndex rules) {
		this.state = state;
		this.services = services;
		this.rules = rules;
	}

	private Map<String, Map<String, String>> copyOfMatchCache() {
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		state.matchCache.forEach((name, vars) -> copy.put(name, Collections.unmodifiableMap(new TreeMap<>(vars))));
		return copy;
	}

	EngineSnapshot build() {
		List<EngineSnapshot.OperationView> ops = new ArrayList<>();
		for (Operation op : state.operations.values()) {
			List<Long> times = op.times.toList();
			List<Integer> patterns = new ArrayList<>();
			List<String> tokens = new ArrayList<>();
			for (Operation.GroupEvent e : op.allTimes) {
				times.add(e.time());
				patterns.add(e.index() + 1);
				if (op.rule.egPattern() != null) {
					tokens.add(e.token());
				}
			}
			String type = op.rule.kind() == RuleKind.EVENT_GROUP ? "EventGroup" + op.rule.eventCount()
					: op.rule.kind().displayName();
			ops.add(new EngineSnapshot.OperationView(op.key, op.rule.file(), op.rule.id(),
					op.rule.line(), type, op.startTime, op.time(),
					op.window() == 0 ? -1 : op.time() + op.window(), op.desc, times,
					OperationDetails.of(op), OperationDetails.status(op), patterns, tokens));
		}
		List<EngineSnapshot.ContextView> ctxs = new ArrayList<>();
		Set<Context> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Context c : state.contexts.values()) {
			if (seen.add(c)) {
				ctxs.add(new EngineSnapshot.ContextView(List.copyOf(c.aliases), c.initTime, c.time(),
						c.window(), c.action.isEmpty() ? null : ActionText.of(c.action), c.desc,
						List.copyOf(c.buffer.events()), c.buffer.times()));
			}
		}
		List<EngineSnapshot.PendingEventView> pending = state.events.delayedViews(services.options.intcontexts());
		List<EngineSnapshot.RuleUsage> usage = new ArrayList<>();
		for (LoadedRuleFile file : rules.files()) {
			for (Rule rule : file.rules()) {
				long[] n = state.matchCounts.get(rule);
				usage.add(new EngineSnapshot.RuleUsage(file.fileName(), rule.id() + 1, rule.line(),
						n == null ? 0 : n[0], rule.desc()));
			}
		}
		return new EngineSnapshot(services.now(), state.linesProcessed, ops, ctxs,
				new TreeMap<>(state.variables()), pending, usage, state.buffers.view(), copyOfMatchCache(),
				services.children.views(services.options.intcontexts()), services.options.secVersion());
	}
}

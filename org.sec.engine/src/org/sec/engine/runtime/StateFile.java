package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionType;
import org.sec.engine.api.StateException;
import org.sec.engine.api.StateException.Problem;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextToken;
import org.sec.engine.log.SecLog;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.pattern.PerlRegexException;
import org.sec.engine.rules.Rule;
import org.sec.engine.syntax.JsonText;

/**
 * The whole correlation state of an {@link EngineState} as versioned JSON, and back:
 * contexts (names and aliases in sec's order, lifetimes, action lists, event stores),
 * operations of every rule kind, the Pair table, action-list variables, synthetic and
 * delayed events, the match cache, input buffers, rule usage and Calendar bookkeeping.
 * Operations and counters name their rule by file, number and {@link Rule#textHash()}; on
 * restore those of rules that changed or are gone end silently, as a soft restart ends
 * them, and the log says so. Perl's own globals are not part of a state.
 */
final class StateFile {

	static final String FORMAT = "jsec-state";
	static final int VERSION = 1;
	static final String NOTE = "jsec's correlation state. Perl globals (variables that Perl code in the rules keeps "
			+ "itself, such as %main::myhash) are not part of it.";

	private StateFile() {
	}

	// ------------------------------------------------------------------ writing

	/** @param listsProcessedAt when the main loop last ran process_lists (--cleantime's clock) */
	static String write(EngineState state, long now, long listsProcessedAt) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("format", FORMAT);
		out.put("version", VERSION);
		out.put("note", NOTE);
		out.put("savedAt", now);
		out.put("linesProcessed", state.linesProcessed);
		out.put("listsProcessedAt", listsProcessedAt);

		List<Context> contextList = new ArrayList<>();
		Map<Context, Integer> contextIndex = new IdentityHashMap<>();
		List<Object> names = new ArrayList<>();
		state.contexts.forEach((name, c) -> {
			if (c.internal) {
				return; // jsec's own contexts live for one event only
			}
			Integer i = contextIndex.computeIfAbsent(c, k -> {
				contextList.add(k);
				return contextList.size() - 1;
			});
			names.add(List.of(name, i));
		});
		List<Object> contexts = new ArrayList<>();
		for (Context c : contextList) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("aliases", List.copyOf(c.aliases));
			m.put("initTime", c.initTime);
			m.put("time", c.time());
			m.put("window", c.window());
			m.put("hugeWindow", c.hugeWindow);
			m.put("desc", c.desc);
			m.put("action", actions(c.action));
			m.put("events", List.copyOf(c.buffer.events()));
			m.put("eventTimes", c.buffer.times());
			contexts.add(m);
		}
		out.put("contexts", contexts);
		out.put("contextNames", names);

		List<Operation> opList = new ArrayList<>();
		Map<Operation, Integer> opIndex = new IdentityHashMap<>();
		List<Object> table = new ArrayList<>();
		state.operations.forEach((key, op) -> table.add(List.of(key, index(op, opList, opIndex))));
		List<Object> pairs = new ArrayList<>();
		state.pairOperations.forEach((rule, ops) -> {
			List<Object> entries = new ArrayList<>();
			ops.forEach((key, op) -> entries.add(List.of(key, index(op, opList, opIndex))));
			Map<String, Object> m = ruleRef(rule);
			m.put("operations", entries);
			pairs.add(m);
		});
		List<Object> operations = new ArrayList<>();
		for (Operation op : opList) {
			operations.add(operation(op));
		}
		out.put("operations", operations);
		out.put("operationTable", table);
		out.put("pairTable", pairs);

		List<Object> counts = new ArrayList<>();
		state.matchCounts.forEach((rule, n) -> {
			Map<String, Object> m = ruleRef(rule);
			m.put("count", n[0]);
			counts.add(m);
		});
		out.put("matchCounts", counts);
		List<Object> calendar = new ArrayList<>();
		state.calendar.lastRuns().forEach((rule, last) -> {
			Map<String, Object> m = ruleRef(rule);
			m.put("lastRun", List.of(last[0], last[1], last[2], last[3], last[4]));
			calendar.add(m);
		});
		out.put("calendar", calendar);

		out.put("variables", new java.util.TreeMap<>(state.variables()));
		out.put("timeVariablesSecond", state.actionVariables.timeVariablesSecond());
		Map<String, Object> cache = new LinkedHashMap<>();
		new java.util.TreeMap<>(state.matchCache).forEach((k, v) -> cache.put(k, new LinkedHashMap<>(v)));
		out.put("matchCache", cache);

		List<Object> synthetic = new ArrayList<>();
		for (EventQueues.Synthetic s : state.events.synthetic()) {
			synthetic.add(java.util.Arrays.asList(s.event(), s.context()));
		}
		out.put("syntheticEvents", synthetic);
		List<Object> delayed = new ArrayList<>();
		for (EventQueues.Delayed d : state.events.delayed()) {
			delayed.add(java.util.Arrays.asList(d.due(), d.event(), d.context()));
		}
		out.put("delayedEvents", delayed);
		out.put("inputBuffers", buffers(state.buffers));
		return JsonText.write(out) + "\n";
	}

	private static int index(Operation op, List<Operation> list, Map<Operation, Integer> index) {
		return index.computeIfAbsent(op, k -> {
			list.add(k);
			return list.size() - 1;
		});
	}

	private static Map<String, Object> ruleRef(Rule rule) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("file", rule.file());
		m.put("rule", rule.id());
		m.put("hash", rule.textHash());
		return m;
	}

	private static Map<String, Object> operation(Operation op) {
		Map<String, Object> m = ruleRef(op.rule);
		m.put("key", op.key);
		m.put("startTime", op.startTime);
		m.put("time", op.time());
		m.put("window", op.window());
		m.put("desc", op.desc);
		m.put("desc2", op.desc2);
		m.put("action", actions(op.action));
		m.put("action2", actions(op.action2));
		if (op.pattern2 != null) {
			boolean fromRule = op.rule.slots().size() > 1 && op.pattern2 == op.rule.slots().get(1).pattern().regex();
			m.put("pattern2", fromRule ? null : op.pattern2.perl());
			m.put("pattern2InPerl", op.pattern2.inPerl());
		}
		m.put("pattern2Text", op.pattern2Text);
		m.put("substrPattern2", op.substrPattern2);
		m.put("context2", op.context2 == null ? null : tokens(op.context2));
		m.put("times", op.times.toList());
		m.put("suppressMode", op.suppressMode);
		m.put("secondPass", op.secondPass);
		List<Object> group = new ArrayList<>();
		for (Operation.GroupEvent e : op.allTimes) {
			group.add(java.util.Arrays.asList(e.time(), e.index(), e.token()));
		}
		m.put("groupEvents", group);
		if (op.timesList != null) {
			List<Object> perPattern = new ArrayList<>();
			for (TimeQueue q : op.timesList) {
				perPattern.add(q.toList());
			}
			m.put("timesList", perPattern);
		} else {
			m.put("timesList", null);
		}
		m.put("init", actions(op.initAction));
		m.put("slide", actions(op.slideAction));
		m.put("end", actions(op.endAction));
		return m;
	}

	private static List<Object> actions(List<Action> list) {
		if (list == null) {
			return null;
		}
		List<Object> out = new ArrayList<>();
		for (Action a : list) {
			List<Object> nested = new ArrayList<>();
			for (List<Action> l : a.lists()) {
				nested.add(actions(l));
			}
			out.add(java.util.Arrays.asList(a.type().name(), a.args(), nested));
		}
		return out;
	}

	private static List<Object> tokens(ContextExpression e) {
		List<Object> out = new ArrayList<>();
		for (ContextToken t : e.tokens()) {
			out.add(java.util.Arrays.asList(t.kind().name(), t.text(), t.nested() == null ? null : tokens(t.nested()),
					t.params()));
		}
		return out;
	}

	private static Map<String, Object> buffers(InputBuffers buffers) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("size", buffers.size());
		m.put("joint", buffers.joint());
		List<Object> rings = new ArrayList<>();
		buffers.rings().forEach((name, ring) -> rings.add(java.util.Arrays.asList(name, java.util.Arrays.asList(ring.lines),
				java.util.Arrays.asList(ring.sources), ring.pos)));
		m.put("rings", rings);
		m.put("current", buffers.currentName());
		m.put("currentSource", buffers.currentSource());
		return m;
	}

	// ------------------------------------------------------------------ reading

	/**
	 * Replaces the correlation state in {@code state} with the one in {@code text}. Read in
	 * full first: on any problem the state is left as it was.
	 */
	/** @return when the saved main loop last ran process_lists */
	static long read(String text, EngineState state, RuleIndex rules, SecLog log) throws StateException {
		Object parsed;
		try {
			parsed = JsonText.parse(text);
		} catch (JsonText.Malformed e) {
			throw new StateException(Problem.MALFORMED, "not a complete state file (" + e.getMessage()
					+ "); it may have been cut short: remove it to start with no state");
		}
		if (!(parsed instanceof Map<?, ?> root) || !FORMAT.equals(root.get("format"))) {
			throw new StateException(Problem.NOT_A_STATE, "not a jsec state file (no \"format\": \"" + FORMAT + "\")");
		}
		Reader r = new Reader(root, rules, state.contextSchedule);
		long version = r.number(root, "version");
		if (version != VERSION) {
			throw new StateException(Problem.UNSUPPORTED_VERSION, "state version " + version + " is not read by this jsec"
					+ " (it reads version " + VERSION + "); remove the file to start with no state");
		}
		r.read(log);
		r.applyTo(state);
		return r.number(root, "listsProcessedAt");
	}

	/** Reads a parsed state into new objects; {@link #applyTo} puts them in place. */
	private static final class Reader {
		private final Map<?, ?> root;
		private final RuleIndex rules;
		private final Map<String, Integer> dropped = new LinkedHashMap<>();
		private final Map<String, Context> contexts = new LinkedHashMap<>();
		private final Map<String, Operation> operations = new LinkedHashMap<>();
		private final Map<Rule, Map<String, Operation>> pairs = new IdentityHashMap<>();
		private final Map<Rule, long[]> counts = new IdentityHashMap<>();
		private final Map<Rule, int[]> calendar = new IdentityHashMap<>();
		private final Map<String, String> variables = new LinkedHashMap<>();
		private final Map<String, Map<String, String>> matchCache = new LinkedHashMap<>();
		private final List<EventQueues.Synthetic> synthetic = new ArrayList<>();
		private final List<EventQueues.Delayed> delayed = new ArrayList<>();
		private Map<?, ?> buffers;
		private long timeVariablesSecond;
		private long linesProcessed;

		/** Made the restored contexts (the schedule is rebuilt once they are in the table). */
		private final ContextSchedule contextSchedule;

		Reader(Map<?, ?> root, RuleIndex rules, ContextSchedule contextSchedule) {
			this.root = root;
			this.rules = rules;
			this.contextSchedule = contextSchedule;
		}

		void read(SecLog log) throws StateException {
			linesProcessed = number(root, "linesProcessed");
			List<Context> contextList = new ArrayList<>();
			for (Object item : list(root, "contexts")) {
				Map<?, ?> m = map(item, "contexts[]");
				Context c = new Context(number(m, "initTime"), number(m, "window"), contextSchedule);
				c.time(number(m, "time"));
				c.hugeWindow = optionalString(m, "hugeWindow");
				c.desc = string(m, "desc");
				c.action = actions(m.get("action"));
				List<String> events = strings(list(m, "events"));
				List<Object> times = list(m, "eventTimes");
				for (int i = 0; i < events.size(); i++) {
					c.buffer.add(List.of(events.get(i)), i < times.size() ? toLong(times.get(i), "eventTimes") : 0);
				}
				c.aliases.addAll(strings(list(m, "aliases")));
				contextList.add(c);
			}
			for (Object item : list(root, "contextNames")) {
				List<?> pair = listValue(item, "contextNames[]");
				contexts.put(text(pair.get(0), "contextNames[]"), element(contextList, pair.get(1), "contextNames[]"));
			}

			List<Operation> opList = new ArrayList<>();
			for (Object item : list(root, "operations")) {
				opList.add(operation(map(item, "operations[]")));
			}
			for (Object item : list(root, "operationTable")) {
				List<?> pair = listValue(item, "operationTable[]");
				Operation op = element(opList, pair.get(1), "operationTable[]");
				if (op != null) {
					operations.put(text(pair.get(0), "operationTable[]"), op);
				}
			}
			for (Object item : list(root, "pairTable")) {
				Map<?, ?> m = map(item, "pairTable[]");
				Rule rule = rule(m);
				if (rule == null) {
					continue;
				}
				Map<String, Operation> ops = new LinkedHashMap<>();
				for (Object entry : list(m, "operations")) {
					List<?> pair = listValue(entry, "pairTable[].operations[]");
					Operation op = element(opList, pair.get(1), "pairTable[].operations[]");
					if (op != null) {
						ops.put(text(pair.get(0), "pairTable[].operations[]"), op);
					}
				}
				pairs.put(rule, ops);
			}
			for (Object item : optionalList(root, "matchCounts")) {
				Map<?, ?> m = map(item, "matchCounts[]");
				Rule rule = rule(m);
				if (rule != null) {
					counts.put(rule, new long[] { number(m, "count") });
				}
			}
			for (Object item : optionalList(root, "calendar")) {
				Map<?, ?> m = map(item, "calendar[]");
				Rule rule = rule(m);
				List<Object> last = list(m, "lastRun");
				if (rule != null && last.size() == 5) {
					int[] run = new int[5];
					for (int i = 0; i < 5; i++) {
						run[i] = (int) toLong(last.get(i), "lastRun");
					}
					calendar.put(rule, run);
				}
			}
			Map<?, ?> vars = map(root.get("variables"), "variables");
			vars.forEach((k, v) -> variables.put(String.valueOf(k), v == null ? null : v.toString()));
			timeVariablesSecond = number(root, "timeVariablesSecond");
			Object cache = root.get("matchCache");
			if (cache != null) {
				for (Map.Entry<?, ?> e : map(cache, "matchCache").entrySet()) {
					Map<String, String> entry = new LinkedHashMap<>();
					map(e.getValue(), "matchCache").forEach((k, v) -> entry.put(String.valueOf(k), v == null ? null : v.toString()));
					matchCache.put(String.valueOf(e.getKey()), entry);
				}
			}
			for (Object item : list(root, "syntheticEvents")) {
				List<?> s = listValue(item, "syntheticEvents[]");
				synthetic.add(new EventQueues.Synthetic(text(s.get(0), "syntheticEvents[]"), (String) s.get(1)));
			}
			for (Object item : list(root, "delayedEvents")) {
				List<?> d = listValue(item, "delayedEvents[]");
				delayed.add(new EventQueues.Delayed(toLong(d.get(0), "delayedEvents[]"), text(d.get(1), "delayedEvents[]"),
						(String) d.get(2)));
			}
			buffers = map(root.get("inputBuffers"), "inputBuffers");
			dropped.forEach((rule, n) -> log.log(SecLog.Level.NOTICE, "Terminating " + n + " saved event correlation "
					+ (n == 1 ? "operation" : "operations") + " of " + rule
					+ ": the rule changed or is gone since the state was saved"));
		}

		void applyTo(EngineState state) throws StateException {
			state.contexts.clear();
			state.contexts.putAll(contexts);
			state.operations.values().forEach(op -> op.inTable = false);
			state.operations.replaceAll(operations);
			state.operationSchedule.rebuild(state.operations.values());
			state.contextSchedule.rebuild();
			state.pairOperations.clear();
			state.pairOperations.putAll(pairs);
			state.matchCounts.clear();
			state.matchCounts.putAll(counts);
			state.calendar.lastRuns().clear();
			state.calendar.lastRuns().putAll(calendar);
			state.actionVariables.restore(variables, timeVariablesSecond);
			state.perlRefs.clear();
			state.matchCache.clear();
			state.matchCache.putAll(matchCache);
			state.events.restore(synthetic, delayed);
			state.linesProcessed = linesProcessed;
			if (toLong(buffers.get("size"), "inputBuffers.size") == state.buffers.size()
					&& Boolean.valueOf(state.buffers.joint()).equals(buffers.get("joint"))) {
				for (Object item : list(buffers, "rings")) {
					List<?> r = listValue(item, "inputBuffers.rings[]");
					InputBuffers.Ring ring = state.buffers.ring((String) r.get(0));
					List<?> lines = listValue(r.get(1), "inputBuffers.rings[]");
					List<?> sources = listValue(r.get(2), "inputBuffers.rings[]");
					for (int i = 0; i < ring.lines.length && i < lines.size(); i++) {
						ring.lines[i] = (String) lines.get(i);
						ring.sources[i] = (String) sources.get(i);
					}
					ring.pos = (int) toLong(r.get(3), "inputBuffers.rings[]");
				}
				state.buffers.restoreCurrent((String) buffers.get("current"), (String) buffers.get("currentSource"));
			} // else: another --bufsize or --jointbuf; the buffers start empty as at start-up
		}

		/** The rule a saved entry names, or null (counted for the log) when it changed or is gone. */
		private Rule rule(Map<?, ?> m) throws StateException {
			String file = string(m, "file");
			long id = number(m, "rule");
			String hash = string(m, "hash");
			List<Rule> fileRules = rules.rules(file);
			if (fileRules != null && id >= 0 && id < fileRules.size() && fileRules.get((int) id).textHash().equals(hash)) {
				return fileRules.get((int) id);
			}
			return null;
		}

		private Operation operation(Map<?, ?> m) throws StateException {
			Rule rule = rule(m);
			if (rule == null) {
				dropped.merge("rule " + (number(m, "rule") + 1) + " in " + string(m, "file"), 1, Integer::sum);
				return null;
			}
			Operation op = new Operation(string(m, "key"), rule, number(m, "startTime"), number(m, "window"),
					string(m, "desc"));
			op.time(number(m, "time"));
			op.desc2 = optionalString(m, "desc2");
			op.action = actions(m.get("action"));
			op.action2 = actions(m.get("action2"));
			op.pattern2Text = optionalString(m, "pattern2Text");
			op.substrPattern2 = optionalString(m, "substrPattern2");
			if (m.containsKey("pattern2InPerl")) {
				String perl = optionalString(m, "pattern2");
				if (perl == null) {
					op.pattern2 = rule.slots().get(1).pattern().regex();
				} else if (Boolean.TRUE.equals(m.get("pattern2InPerl"))) {
					op.pattern2 = PerlRegex.matchedInPerl(perl);
				} else {
					try {
						op.pattern2 = PerlRegex.compile(perl);
					} catch (PerlRegexException e) {
						op.pattern2 = PerlRegex.matchedInPerl(perl);
					}
				}
			}
			Object context2 = m.get("context2");
			op.context2 = context2 == null ? null : expression(listValue(context2, "context2"));
			for (Object t : list(m, "times")) {
				op.times.add(toLong(t, "times"));
			}
			op.suppressMode = Boolean.TRUE.equals(m.get("suppressMode"));
			op.secondPass = Boolean.TRUE.equals(m.get("secondPass"));
			for (Object e : list(m, "groupEvents")) {
				List<?> g = listValue(e, "groupEvents[]");
				op.allTimes.add(toLong(g.get(0), "groupEvents[]"), (int) toLong(g.get(1), "groupEvents[]"), (String) g.get(2));
			}
			Object timesList = m.get("timesList");
			if (timesList != null) {
				List<?> perPattern = listValue(timesList, "timesList");
				op.timesList = new TimeQueue[perPattern.size()];
				for (int i = 0; i < perPattern.size(); i++) {
					op.timesList[i] = new TimeQueue();
					for (Object t : listValue(perPattern.get(i), "timesList[]")) {
						op.timesList[i].add(toLong(t, "timesList[]"));
					}
				}
			}
			op.initAction = actions(m.get("init"));
			op.slideAction = actions(m.get("slide"));
			op.endAction = actions(m.get("end"));
			return op;
		}

		private List<Action> actions(Object value) throws StateException {
			if (value == null) {
				return null;
			}
			List<Action> out = new ArrayList<>();
			for (Object item : listValue(value, "action list")) {
				List<?> a = listValue(item, "action");
				ActionType type;
				try {
					type = ActionType.valueOf(text(a.get(0), "action"));
				} catch (IllegalArgumentException e) {
					throw new StateException(Problem.BAD_FIELD, "unknown action type '" + a.get(0) + "' in the state");
				}
				List<String> args = new ArrayList<>();
				for (Object arg : listValue(a.get(1), "action arguments")) {
					args.add(arg == null ? null : arg.toString());
				}
				List<List<Action>> nested = new ArrayList<>();
				for (Object l : listValue(a.get(2), "nested action lists")) {
					nested.add(actions(l));
				}
				out.add(new Action(type, args, nested));
			}
			return out;
		}

		private ContextExpression expression(List<?> tokens) throws StateException {
			List<ContextToken> out = new ArrayList<>();
			for (Object item : tokens) {
				List<?> t = listValue(item, "context token");
				ContextToken.Kind kind;
				try {
					kind = ContextToken.Kind.valueOf(text(t.get(0), "context token"));
				} catch (IllegalArgumentException e) {
					throw new StateException(Problem.BAD_FIELD, "unknown context token '" + t.get(0) + "' in the state");
				}
				ContextExpression nested = t.get(2) == null ? null : expression(listValue(t.get(2), "context token"));
				List<String> params = t.get(3) == null ? null : strings(listValue(t.get(3), "context token"));
				out.add(new ContextToken(kind, (String) t.get(1), nested, params));
			}
			return ContextExpression.of(out);
		}

		// ---- typed access with the field's name in the error

		long number(Map<?, ?> m, String field) throws StateException {
			return toLong(m.get(field), field);
		}

		private static long toLong(Object v, String field) throws StateException {
			if (v instanceof Long n) {
				return n;
			}
			throw new StateException(Problem.BAD_FIELD, "the state's \"" + field + "\" is " + (v == null ? "missing" : "not a whole number"));
		}

		private static String string(Map<?, ?> m, String field) throws StateException {
			return text(m.get(field), field);
		}

		private static String text(Object v, String field) throws StateException {
			if (v instanceof String s) {
				return s;
			}
			throw new StateException(Problem.BAD_FIELD, "the state's \"" + field + "\" is " + (v == null ? "missing" : "not a string"));
		}

		private static String optionalString(Map<?, ?> m, String field) throws StateException {
			return m.get(field) == null ? null : string(m, field);
		}

		private static List<Object> list(Map<?, ?> m, String field) throws StateException {
			return listValue(m.get(field), field);
		}

		private static List<Object> optionalList(Map<?, ?> m, String field) throws StateException {
			return m.get(field) == null ? List.of() : list(m, field);
		}

		@SuppressWarnings("unchecked")
		private static List<Object> listValue(Object v, String field) throws StateException {
			if (v instanceof List<?> l) {
				return (List<Object>) l;
			}
			throw new StateException(Problem.BAD_FIELD, "the state's \"" + field + "\" is " + (v == null ? "missing" : "not a list"));
		}

		private static Map<?, ?> map(Object v, String field) throws StateException {
			if (v instanceof Map<?, ?> m) {
				return m;
			}
			throw new StateException(Problem.BAD_FIELD, "the state's \"" + field + "\" is " + (v == null ? "missing" : "not an object"));
		}

		private static List<String> strings(List<?> values) {
			List<String> out = new ArrayList<>();
			for (Object v : values) {
				out.add(v == null ? null : v.toString());
			}
			return out;
		}

		private static <T> T element(List<T> list, Object index, String field) throws StateException {
			long i = toLong(index, field);
			if (i < 0 || i >= list.size()) {
				throw new StateException(Problem.BAD_FIELD, "the state's \"" + field + "\" names entry " + i + " of " + list.size());
			}
			return list.get((int) i);
		}
	}
}

package org.sec.engine.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionType;
import org.sec.engine.api.Clock;
import org.sec.engine.api.EngineListener;
import org.sec.engine.api.InputControl;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.Signal;
import org.sec.engine.api.SideEffects;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextExpressionParser;
import org.sec.engine.context.ContextToken;
import org.sec.engine.log.SecLog;
import org.sec.engine.pattern.MatchBudget;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.pattern.PerlRegexException;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlRef;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;
import org.sec.engine.syntax.PerlText;

/**
 * The event correlation engine: a port of sec 2.9.1's rule processing (process_rules
 * L9775 and the process_*_rule functions), timers (process_lists L9846), contexts
 * (valid_context L7124, tval_context_expr L7204) and action execution (L4706-7084).
 * Time comes only from the injected {@link Clock}. Not thread-safe: one thread drives it.
 */
public final class Engine {

	/** Options that change how events are processed. */
	private static final String SEPARATOR = " | ";
	private static final String INTERNAL_EVENT_CONTEXT = "_INTERNAL_EVENT";
	private static final Pattern LIFETIME = Pattern.compile("^\\s*0*([0-9]+)\\s*$");

	private final Clock clock;
	private final SecOptions options;
	private final SecLog log;
	private final PrintStream stdout;
	private List<LoadedRuleFile> files;
	private final Map<String, List<Rule>> rulesByFile = new LinkedHashMap<>();
	private final List<String> mainFiles = new ArrayList<>();
	private final Map<String, List<String>> cfsetFiles = new LinkedHashMap<>();
	private final CalendarRules calendar = new CalendarRules();
	private final Map<Rule, Map<String, Operation>> pairOperations = new IdentityHashMap<>();
	private final Map<Rule, long[]> matchCounts = new IdentityHashMap<>();

	private final Map<String, Context> contexts = new LinkedHashMap<>();
	private final Map<String, Operation> operations = new LinkedHashMap<>();
	private final ActionVariables actionVariables;
	/** The action-list variables by name, as actions read and assign them. */
	private final Map<String, String> variables;
	private final Map<String, Map<String, String>> matchCache = new HashMap<>();
	/** Perl references held by action variables (set by eval), for the call action. */
	private final Map<String, PerlRef> perlRefs = new HashMap<>();
	private PerlCode perl;
	private EngineListener listener = EngineListener.NONE;
	private SideEffects sideEffects = SideEffects.ALLOW;
	private final Map<Rule, EngineListener.RuleRef> ruleRefs = new IdentityHashMap<>();
	private final EventQueues events = new EventQueues();
	private final OutputFiles outputFiles;
	private final InputBuffers buffers;
	private final ChildProcesses children;
	private final SocketOutputs sockets;
	private InputControl inputControl;
	/** One reusable Matcher per pattern, indexed by pattern id: the engine runs on one thread. */
	private Matcher[] matchers = new Matcher[64];
	/** Per pattern id: the line (by identity) its matcher last ran on, and the result. */
	private String[] matchedLine = new String[64];
	private boolean[] matchedFound = new boolean[64];
	/** Ids of patterns whose Java match ran past its budget: perl matches them from then on. */
	private final java.util.BitSet slowInJava = new java.util.BitSet();
	private String internalContextName;
	private long linesProcessed;

	public Engine(List<LoadedRuleFile> files, SecOptions options, Clock clock, SecLog log, PrintStream stdout) {
		this.clock = clock;
		this.options = options;
		this.log = log;
		this.stdout = stdout;
		this.files = List.copyOf(files);
		int bufsize = options.bufsize() == 0 ? bufsizeFor(files) : options.bufsize();
		this.buffers = new InputBuffers(bufsize, options.jointbuf());
		this.perl = new PerlCode(null, log);
		this.children = new ChildProcesses(stdout, log);
		this.sockets = new SocketOutputs(log, options.socketTimeout(), this::now);
		this.outputFiles = new OutputFiles(stdout, log);
		indexRules();
		// sec sets the time variables at start-up (L14604), not at first use
		this.actionVariables = new ActionVariables(options.secVersion(), clock.zone(), clock.nowSeconds());
		this.variables = actionVariables.values();
	}

	/** The per-file lookups of the rules: main files, rule sets (cfset), Calendar rules. */
	private void indexRules() {
		rulesByFile.clear();
		mainFiles.clear();
		cfsetFiles.clear();
		calendar.clear();
		for (LoadedRuleFile file : files) {
			rulesByFile.put(file.fileName(), file.rules());
			Rule opts = file.options();
			if (opts == null || opts.procAllInput()) {
				mainFiles.add(file.fileName());
			}
			if (opts != null && opts.joinCfset() != null) {
				for (String set : opts.joinCfset()) {
					cfsetFiles.computeIfAbsent(set, s -> new ArrayList<>()).add(file.fileName());
				}
			}
			for (Rule rule : file.rules()) {
				if (rule.kind() == RuleKind.CALENDAR) {
					calendar.add(rule);
				}
			}
		}
	}

	/**
	 * SIGABRT (check_signals L13165): the rules become {@code newFiles}; operations started
	 * by the rules of {@code endedFiles} (read again or gone) end. Contexts, variables,
	 * pending events and the other operations stay.
	 */
	public void replaceRules(List<LoadedRuleFile> newFiles, java.util.Collection<String> endedFiles) {
		for (String file : endedFiles) {
			List<String> keys = new ArrayList<>();
			operations.forEach((key, op) -> {
				if (op.rule.file().equals(file)) {
					keys.add(key);
				}
			});
			log.log(SecLog.Level.DEBUG, "Terminating all event correlation operations started from " + file
					+ ", number of operations: " + keys.size());
			keys.forEach(this::finishOperation);
			pairOperations.keySet().removeIf(rule -> rule.file().equals(file));
		}
		this.files = List.copyOf(newFiles);
		shareStateIfNamed();
		indexRules();
	}

	/** set_bufsize_option (L13770): without --bufsize, the most lines any pattern matches. */
	public static int bufsizeFor(List<LoadedRuleFile> files) {
		int bufsize = 1;
		for (LoadedRuleFile file : files) {
			for (Rule rule : file.rules()) {
				for (PatternSlot slot : rule.slots()) {
					if (slot.pattern() != null) {
						bufsize = Math.max(bufsize, slot.pattern().lines());
					}
				}
			}
		}
		return bufsize;
	}

	// ------------------------------------------------------------------ driving

	/** True when synthetic events wait to be processed before the next input line. */
	public boolean hasSyntheticEvents() {
		return events.hasSynthetic();
	}

	/** A full restart keeps the queue of synthetic events (sec's @events): hands it to the new engine. */
	public void moveSyntheticEventsTo(Engine next) {
		events.moveSyntheticTo(next.events);
		children.moveTo(next.children); // %children survives a restart: reaped and read later
		next.linesProcessed = linesProcessed;
	}

	/** Processes the next synthetic event (sec takes these before any input line). */
	public void processNextSyntheticEvent() {
		EventQueues.Synthetic s = events.takeSynthetic();
		if (s != null) {
			processEvent(s.event(), InputBuffers.SYNTHETIC, s.context());
		}
	}

	/** Receives what the engine does (the simulator's trace); {@link EngineListener#NONE} for nothing. */
	public void setListener(EngineListener listener) {
		this.listener = listener == null ? EngineListener.NONE : listener;
	}

	/** Whether commands, sockets, input changes and file writes run or are only reported. */
	public void setSideEffects(SideEffects policy) {
		this.sideEffects = policy;
	}

	private EngineListener.RuleRef ruleRef(Rule rule) {
		return ruleRefs.computeIfAbsent(rule, r -> new EngineListener.RuleRef(r.file(), r.id(), r.line(),
				r.kind().displayName(), r.desc()));
	}

	/** Runs the rules' Perl code with {@code bridge} (the one that compiled it while loading). */
	public void setPerl(PerlBridge bridge) {
		this.perl = new PerlCode(bridge, log);
		shareStateIfNamed();
	}

	/** Rules whose code names %main::context_list or %main::variables get them handed over (SecInternals). */
	private void shareStateIfNamed() {
		boolean named = files.stream().flatMap(f -> f.rules().stream()).flatMap(r -> r.perlCode().stream())
				.anyMatch(org.sec.engine.perl.SecInternals::namesShared);
		perl.setStateSync(named ? new SharedState() : null);
	}

	/**
	 * sec's %main::context_list and %main::variables around a call to perl: the contexts as
	 * sec's hashes (one per context, shared by its names; event store, lifetime, creation
	 * time, action list, description), the variables by name; what the code changed comes
	 * back. jsec's own internal contexts (SEC_INTERNAL_EVENT, input contexts) stay as they are.
	 */
	private final class SharedState implements PerlCode.StateSync {
		@Override
		public void toPerl(PerlBridge bridge) throws org.sec.engine.perl.PerlException {
			Map<Context, List<String>> names = new LinkedHashMap<>();
			contexts.forEach((name, c) -> names.computeIfAbsent(c, k -> new ArrayList<>()).add(name));
			List<Object> entries = new ArrayList<>();
			names.forEach((c, n) -> entries.add(java.util.Arrays.asList(n, Long.toString(c.time), Long.toString(c.window),
					List.copyOf(c.buffer.events()), actionsToPerl(c.action), c.desc, c.internal ? "1" : "0")));
			List<Object> vars = new ArrayList<>();
			variables.forEach((k, v) -> vars.add(java.util.Arrays.asList(k, v)));
			bridge.putState(entries, vars);
		}

		@Override
		public void fromPerl(PerlBridge bridge) throws org.sec.engine.perl.PerlException {
			List<List<Object>> state = bridge.getState();
			Map<String, Context> before = new LinkedHashMap<>(contexts);
			contexts.entrySet().removeIf(e -> !e.getValue().internal);
			for (Object item : state.get(0)) {
				List<?> e = (List<?>) item;
				if ("1".equals(e.get(6))) {
					continue; // an internal context: jsec's own stays
				}
				List<String> names = new ArrayList<>();
				for (Object n : (List<?>) e.get(0)) {
					names.add(String.valueOf(n));
				}
				Context old = before.get(names.get(0));
				Context c = old != null && !old.internal ? old : new Context(0, 0);
				c.time = perlNumber(e.get(1));
				c.window = perlNumber(e.get(2));
				List<String> lines = new ArrayList<>();
				for (Object line : (List<?>) e.get(3)) {
					lines.add(line == null ? "" : line.toString());
				}
				c.buffer.replaceEvents(lines);
				c.action = actionsFromPerl((List<?>) e.get(4));
				c.desc = e.get(5) == null ? "" : e.get(5).toString();
				c.aliases.clear();
				for (String n : names) {
					if (!contexts.containsKey(n)) {
						c.aliases.add(n);
						contexts.put(n, c);
					}
				}
			}
			Map<String, String> vars = new HashMap<>();
			for (Object item : state.get(1)) {
				List<?> v = (List<?>) item;
				vars.put(String.valueOf(v.get(0)), v.get(1) == null ? null : v.get(1).toString());
			}
			if (!vars.equals(variables)) {
				variables.clear();
				variables.putAll(vars);
			}
		}
	}

	/** Perl's numeric value of a string: its leading number, else 0. */
	private static long perlNumber(Object value) {
		Long n = PerlText.integerPrefix(value == null ? "" : value.toString());
		return n == null ? 0 : n;
	}

	/** An action list as plain Perl data: [keyword, [args], [[actions]...]] per action. */
	private static List<Object> actionsToPerl(List<Action> actions) {
		List<Object> out = new ArrayList<>();
		for (Action a : actions) {
			List<Object> lists = new ArrayList<>();
			for (List<Action> l : a.lists()) {
				lists.add(actionsToPerl(l));
			}
			out.add(java.util.Arrays.asList(a.type().name(), a.args(), lists));
		}
		return out;
	}

	private static List<Action> actionsFromPerl(List<?> data) {
		List<Action> out = new ArrayList<>();
		for (Object item : data) {
			if (!(item instanceof List<?> a) || a.size() < 3 || !(a.get(1) instanceof List<?> args)
					|| !(a.get(2) instanceof List<?> lists)) {
				continue; // not an action list jsec wrote
			}
			org.sec.engine.action.ActionType type;
			try {
				type = org.sec.engine.action.ActionType.valueOf(String.valueOf(a.get(0)));
			} catch (IllegalArgumentException e) {
				continue;
			}
			List<String> argList = new ArrayList<>();
			for (Object arg : args) {
				argList.add(arg == null ? "" : arg.toString());
			}
			List<List<Action>> nested = new ArrayList<>();
			for (Object l : lists) {
				nested.add(l instanceof List<?> list ? actionsFromPerl(list) : List.of());
			}
			out.add(new Action(type, argList, nested));
		}
		return out;
	}

	/** Who handles addinput/dropinput; without one those actions only log a warning. */
	public void setInputControl(InputControl control) {
		this.inputControl = control;
	}

	/** Processes one input line from a source (file name as configured, "-" for stdin). */
	public void processInputLine(String line, String source, String internalContext) {
		linesProcessed++;
		processEvent(line, source, internalContext);
	}

	public long linesProcessed() {
		return linesProcessed;
	}

	/** Flushes buffered output (stdout and files). */
	public void flush() {
		outputFiles.flush();
	}

	public void close() {
		sockets.closeAll();
		outputFiles.closeAll();
	}

	/** sec's SECEVENT_INT_CONTEXT, the context that exists while an internal event is processed. */
	public static final String INTERNAL_EVENT_CONTEXT_NAME = "SEC_INTERNAL_EVENT";

	/**
	 * internal_event (L12032): SEC_STARTUP, SEC_SHUTDOWN, ... matched at once against
	 * the main files, with the context SEC_INTERNAL_EVENT present.
	 */
	public void internalEvent(String text) {
		internalContextName = INTERNAL_EVENT_CONTEXT_NAME;
		log.log(SecLog.Level.INFO, "Creating SEC internal context '" + INTERNAL_EVENT_CONTEXT_NAME + "'");
		Context c = new Context(now(), 0);
		c.internal = true;
		c.aliases.add(INTERNAL_EVENT_CONTEXT_NAME);
		contexts.put(INTERNAL_EVENT_CONTEXT_NAME, c);
		log.log(SecLog.Level.INFO, "Creating SEC internal event '" + text + "'");
		buffers.push(text, InputBuffers.SYNTHETIC);
		matchCache.clear();
		listener.lineConsumed(text, null); // an event like any other for listeners (the replay's trace)
		for (String file : mainFiles) {
			if (processRules(file, null)) {
				break;
			}
		}
		linesProcessed++;
		log.log(SecLog.Level.INFO, "Deleting SEC internal context '" + INTERNAL_EVENT_CONTEXT_NAME + "'");
		contexts.remove(INTERNAL_EVENT_CONTEXT_NAME);
		internalContextName = null;
	}

	private void processEvent(String line, String source, String internalContext) {
		boolean internal = options.intcontexts() && internalContext != null;
		if (internal) {
			internalContextName = internalContext;
			Context c = new Context(now(), 0);
			c.internal = true;
			c.aliases.add(internalContext);
			contexts.put(internalContext, c);
		}
		buffers.push(line, source);
		matchCache.clear();
		listener.lineConsumed(line, source);
		for (String file : mainFiles) {
			if (processRules(file, null)) {
				break;
			}
		}
		if (internal) {
			contexts.remove(internalContext);
			internalContextName = null;
		}
	}

	private long now() {
		return clock.nowSeconds();
	}

	// ------------------------------------------------------------------ rule processing

	/** process_rules: returns true when a rule returned EndMatch. */
	private boolean processRules(String file, Set<String> trace) {
		List<Rule> rules = rulesByFile.get(file);
		if (rules == null) {
			return false;
		}
		int i = 0;
		int n = rules.size();
		while (i >= 0 && i < n) {
			Rule rule = rules.get(i);
			switch (rule.kind()) {
			case CALENDAR -> i++;
			case PAIR, PAIR_WITH_WINDOW -> i = matchTwoPatternRule(file, rule, i);
			case EVENT_GROUP -> i = matchEventGroupRule(file, rule, i);
			default -> i = matchRule(file, rule, i, trace);
			}
			if (i == -1) {
				return true;
			}
		}
		return false;
	}

	private int matchRule(String file, Rule rule, int index, Set<String> trace) {
		PatternSlot slot = rule.slots().get(0);
		ContextExpressionParser.FieldValue ctx = slot.context();
		if (ctx != null && ctx.preEvaluated() && !evaluate(ctx.expression())) {
			evaluated(rule, 0, EngineListener.Evaluation.CONTEXT_FALSE_BEFORE_PATTERN);
			return index + 1;
		}
		Map<String, String> vars = match(slot.pattern(), slot.varmap());
		if (vars == null) {
			evaluated(rule, 0, EngineListener.Evaluation.NO_MATCH);
			return index + 1;
		}
		if (ctx != null && !ctx.preEvaluated()) {
			ContextExpression e = vars.isEmpty() ? ctx.expression()
					: Substitution.context(vars, ctx.expression(), '$', matchCache);
			if (!evaluate(e)) {
				evaluated(rule, 0, EngineListener.Evaluation.CONTEXT_FALSE);
				return index + 1;
			}
		}
		evaluated(rule, 0, EngineListener.Evaluation.MATCHED);
		countMatch(rule, vars);
		switch (rule.kind()) {
		case SUPPRESS -> {
			return slot.gotoRule();
		}
		case JUMP -> {
			return processJump(rule, vars, file, trace) ? -1 : slot.gotoRule();
		}
		case SINGLE -> processSingle(rule, vars);
		case SINGLE_WITH_SUPPRESS -> processSingleWithSuppress(rule, vars, file);
		case SINGLE_WITH_THRESHOLD -> processSingleWithThreshold(rule, vars, file);
		case SINGLE_WITH_2_THRESHOLDS -> processSingleWith2Thresholds(rule, vars, file);
		case SINGLE_WITH_SCRIPT -> processSingleWithScript(rule, vars);
		default -> {
		}
		}
		return slot.gotoRule();
	}

	private void evaluated(Rule rule, int slot, EngineListener.Evaluation result) {
		if (listener != EngineListener.NONE) {
			listener.ruleEvaluated(ruleRef(rule), slot, result);
		}
	}

	private void operationUpdated(Operation op) {
		if (listener != EngineListener.NONE) {
			listener.operationUpdated(op.key, ruleRef(op.rule));
		}
	}

	private void countMatch(Rule rule, Map<String, String> vars) {
		matchCounts.computeIfAbsent(rule, r -> new long[1])[0]++;
		if (listener != EngineListener.NONE) {
			String desc = vars.isEmpty() || rule.desc() == null ? rule.desc()
					: Substitution.string(vars, rule.desc(), '$', matchCache);
			listener.ruleMatched(ruleRef(rule), vars, desc);
		}
	}

	private void startOperation(String key, Operation op) {
		operations.put(key, op);
		if (listener != EngineListener.NONE) {
			listener.operationStarted(key, ruleRef(op.rule));
		}
	}

	private Operation finishOperation(String key) {
		Operation op = operations.remove(key);
		if (op != null && listener != EngineListener.NONE) {
			listener.operationFinished(key, ruleRef(op.rule));
		}
		return op;
	}

	private Map<String, Map<String, String>> copyOfMatchCache() {
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		matchCache.forEach((name, vars) -> copy.put(name, java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(vars))));
		return copy;
	}

	/** The engine's state now: operations, contexts, variables, pending events, rule usage. */
	public org.sec.engine.api.EngineSnapshot snapshot() {
		List<org.sec.engine.api.EngineSnapshot.OperationView> ops = new ArrayList<>();
		for (Operation op : operations.values()) {
			List<Long> times = new ArrayList<>(op.times);
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
			ops.add(new org.sec.engine.api.EngineSnapshot.OperationView(op.key, op.rule.file(), op.rule.id(),
					op.rule.line(), type, op.startTime, op.time,
					op.window == 0 ? -1 : op.time + op.window, op.desc, times,
					OperationDetails.of(op), OperationDetails.status(op), patterns, tokens));
		}
		List<org.sec.engine.api.EngineSnapshot.ContextView> ctxs = new ArrayList<>();
		Set<Context> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
		for (Context c : contexts.values()) {
			if (seen.add(c)) {
				ctxs.add(new org.sec.engine.api.EngineSnapshot.ContextView(List.copyOf(c.aliases), c.initTime, c.time,
						c.window, c.action.isEmpty() ? null : ActionText.of(c.action), c.desc,
						List.copyOf(c.buffer.events()), c.buffer.times()));
			}
		}
		List<org.sec.engine.api.EngineSnapshot.PendingEventView> pending = events.delayedViews(options.intcontexts());
		List<org.sec.engine.api.EngineSnapshot.RuleUsage> usage = new ArrayList<>();
		for (LoadedRuleFile file : files) {
			for (Rule rule : file.rules()) {
				long[] n = matchCounts.get(rule);
				usage.add(new org.sec.engine.api.EngineSnapshot.RuleUsage(file.fileName(), rule.id() + 1, rule.line(),
						n == null ? 0 : n[0], rule.desc()));
			}
		}
		return new org.sec.engine.api.EngineSnapshot(now(), linesProcessed, ops, ctxs,
				new java.util.TreeMap<>(variables), pending, usage, buffers.view(), copyOfMatchCache(),
				children.views(options.intcontexts()), options.secVersion());
	}

	private String desc(Rule rule, Map<String, String> vars) {
		return vars.isEmpty() ? rule.desc() : Substitution.string(vars, rule.desc(), '$', matchCache);
	}

	private List<Action> actions(Rule rule, String field, Map<String, String> vars) {
		List<Action> list = rule.actions(field);
		if (vars.isEmpty() || list.isEmpty() || !hasMatchVariables(list)) {
			return list; // sec's ActVolat: lists without $ variables are used as they are
		}
		return Substitution.actionList(vars, list, '$', matchCache);
	}

	private final Map<List<Action>, Boolean> volatileLists = new IdentityHashMap<>();

	private boolean hasMatchVariables(List<Action> list) {
		return volatileLists.computeIfAbsent(list, Engine::containsMatchVariables);
	}

	private static boolean containsMatchVariables(List<Action> list) {
		for (Action a : list) {
			for (String arg : a.args()) {
				if (arg != null && org.sec.engine.syntax.MatchVariables.contains(arg, '$')) {
					return true;
				}
			}
			for (List<Action> nested : a.lists()) {
				if (containsMatchVariables(nested)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String key(String file, Rule rule, String desc) {
		return key(file, Integer.toString(rule.id()), desc);
	}

	/** gen_key (L8490): "file | rule number | desc", the one shape of every operation key. */
	private static String key(String file, String ruleId, String desc) {
		return file + SEPARATOR + ruleId + SEPARATOR + desc;
	}

	private void processSingle(Rule rule, Map<String, String> vars) {
		String desc = desc(rule, vars);
		execute(actions(rule, "action", vars), desc);
	}

	/** process_singlewithscript_rule: the script gets all context names on stdin; its exit code picks the action. */
	private void processSingleWithScript(Rule rule, Map<String, String> vars) {
		String desc = desc(rule, vars);
		List<Action> action = actions(rule, "action", vars);
		List<Action> action2 = actions(rule, "action2", vars);
		List<String> command;
		boolean shell = rule.scriptWords() == null;
		if (!shell) {
			command = vars.isEmpty() ? rule.scriptWords()
					: rule.scriptWords().stream().map(w -> Substitution.string(vars, w, '$', matchCache)).toList();
		} else {
			command = List.of(vars.isEmpty() ? rule.script() : Substitution.string(vars, rule.script(), '$', matchCache));
		}
		if (sideEffects != SideEffects.ALLOW) {
			// neither action runs: the script's exit code is unknown
			listener.actionExecuted("script " + String.join(" ", command), true);
			return;
		}
		StringBuilder names = new StringBuilder();
		for (String name : contexts.keySet()) {
			names.append(name).append('\n');
		}
		runWithExit(command, shell, names.toString(), null, code -> execute(code == 0 ? action : action2, desc));
	}

	private void processSingleWithSuppress(Rule rule, Map<String, String> vars, String file) {
		String desc = desc(rule, vars);
		String key = key(file, rule, desc);
		long time = now();
		Operation op = operations.get(key);
		if (op == null || time - op.time > op.window) {
			op = new Operation(key, rule, time, rule.window(), desc);
			op.action = actions(rule, "action", vars);
			startOperation(key, op);
			execute(op.action, desc);
		}
	}

	private void processSingleWithThreshold(Rule rule, Map<String, String> vars, String file) {
		String desc = desc(rule, vars);
		String key = key(file, rule, desc);
		long time = now();
		Operation op = liveOperation(key, time);
		if (op == null) {
			op = new Operation(key, rule, time, rule.window(), desc);
			op.action = actions(rule, "action", vars);
			op.action2 = actions(rule, "action2", vars);
			startOperation(key, op);
		}
		if (op.suppressMode) {
			return;
		}
		op.times.add(time);
		operationUpdated(op);
		if (op.times.size() < rule.threshold()) {
			return;
		}
		op.suppressMode = true;
		execute(op.action, desc);
	}

	private void processSingleWith2Thresholds(Rule rule, Map<String, String> vars, String file) {
		String desc = desc(rule, vars);
		String key = key(file, rule, desc);
		long time = now();
		Operation op = liveOperation(key, time);
		if (op == null) {
			op = new Operation(key, rule, time, rule.window(), desc);
			op.action = actions(rule, "action", vars);
			op.action2 = actions(rule, "action2", vars);
			op.desc2 = vars.isEmpty() ? rule.desc2() : Substitution.string(vars, rule.desc2(), '$', matchCache);
			startOperation(key, op);
		}
		op.times.add(time);
		operationUpdated(op);
		if (!op.secondPass) {
			if (op.times.size() < rule.threshold()) {
				return;
			}
			op.secondPass = true;
			op.time = time;
			op.window = rule.window2();
			op.times.clear();
			execute(op.action, desc);
		} else {
			if (op.times.size() <= rule.threshold2()) {
				return;
			}
			op.times.remove(0);
			op.time = op.times.isEmpty() ? time : op.times.get(0);
		}
	}

	/** update_times_swt: drop times before {@code limit}; the window starts at the oldest left. */
	private static void slideTimes(Operation op, long limit) {
		while (!op.times.isEmpty() && op.times.get(0) < limit) {
			op.times.remove(0);
		}
		op.time = op.times.isEmpty() ? limit : op.times.get(0);
	}

	private boolean processJump(Rule rule, Map<String, String> vars, String file, Set<String> trace) {
		List<String> sets = rule.cfset();
		if (sets.isEmpty()) {
			return false;
		}
		if (trace == null) {
			trace = new LinkedHashSet<>(); // created on the first jump of an event only
		}
		if (!rule.constSet() && !vars.isEmpty()) {
			sets = sets.stream().map(s -> Substitution.string(vars, s, '$', matchCache)).toList();
		}
		for (String set : sets) {
			if (trace.contains(set)) {
				log.log(SecLog.Level.WARN, "Can't jump to fileset '" + set + "' from " + file + ", loop detected");
				continue;
			}
			List<String> setFiles = cfsetFiles.get(set);
			if (setFiles == null) {
				log.log(SecLog.Level.WARN, "Can't jump to fileset '" + set + "' from " + file + ", set does not exist");
				continue;
			}
			trace.add(set);
			for (String cf : setFiles) {
				if (processRules(cf, trace)) {
					trace.remove(set);
					return true;
				}
			}
			trace.remove(set);
		}
		return false;
	}

	// ---- Pair and PairWithWindow

	private int matchTwoPatternRule(String file, Rule rule, int index) {
		PatternSlot first = rule.slots().get(0);
		ContextExpressionParser.FieldValue ctx = first.context();
		check: {
			if (ctx != null && ctx.preEvaluated() && !evaluate(ctx.expression())) {
				evaluated(rule, 0, EngineListener.Evaluation.CONTEXT_FALSE_BEFORE_PATTERN);
				break check;
			}
			Map<String, String> vars = match(first.pattern(), first.varmap());
			if (vars == null) {
				evaluated(rule, 0, EngineListener.Evaluation.NO_MATCH);
				break check;
			}
			if (ctx != null && !ctx.preEvaluated()) {
				ContextExpression e = vars.isEmpty() ? ctx.expression()
						: Substitution.context(vars, ctx.expression(), '$', matchCache);
				if (!evaluate(e)) {
					evaluated(rule, 0, EngineListener.Evaluation.CONTEXT_FALSE);
					break check;
				}
			}
			evaluated(rule, 0, EngineListener.Evaluation.MATCHED);
			countMatch(rule, vars);
			if (rule.kind() == RuleKind.PAIR) {
				processPair(rule, vars, file);
			} else {
				processPairWithWindow(rule, vars, file);
			}
			return first.gotoRule();
		}
		Map<String, Operation> ops = pairOperations.get(rule);
		if (ops != null && !ops.isEmpty() && matchPairOperations(rule, ops)) {
			return rule.slots().get(1).gotoRule();
		}
		return index + 1;
	}

	private void processPair(Rule rule, Map<String, String> vars, String file) {
		String desc = desc(rule, vars);
		String key = key(file, rule, desc);
		long time = now();
		Operation op = operations.get(key);
		if (op == null || (op.window != 0 && time - op.time > op.window)) {
			op = startPairOperation(rule, vars, key, desc, time, "Pair");
			if (op == null) {
				return;
			}
			execute(op.action, desc);
		}
	}

	private void processPairWithWindow(Rule rule, Map<String, String> vars, String file) {
		String desc = desc(rule, vars);
		String key = key(file, rule, desc);
		long time = now();
		expireIfOver(operations.get(key), time);
		if (!operations.containsKey(key)) {
			startPairOperation(rule, vars, key, desc, time, "PairWithWindow");
		}
	}

	/** The operation part of process_pair_rule / process_pairwithwindow_rule (L8660-8760). */
	private Operation startPairOperation(Rule rule, Map<String, String> vars, String key, String desc, long time,
			String typeName) {
		PatternSlot second = rule.slots().get(1);
		PatternSpec p2 = second.pattern();
		Operation op = new Operation(key, rule, time, rule.window(), desc);
		op.desc2 = rule.desc2();
		op.pattern2 = p2.regex();
		op.pattern2Text = p2.text();
		op.substrPattern2 = p2.type() == PatternSpec.Type.SUBSTR ? p2.text() : null;
		op.context2 = second.context() == null ? null : second.context().expression();
		op.action = rule.actions("action");
		op.action2 = rule.actions("action2");
		if (!vars.isEmpty()) {
			op.action = Substitution.actionList(vars, op.action, '$', matchCache);
			switch (p2.type()) {
			case REGEXP, PERLFUNC, CACHED -> {
				if (p2.type() == PatternSpec.Type.REGEXP && p2.deferred()) {
					String text = Substitution.string(Substitution.mapValues(vars, Substitution::quotemeta), p2.text(),
							'$', matchCache);
					op.pattern2 = runtimeRegex(text, typeName, key);
					if (op.pattern2 == null) {
						return null;
					}
					op.pattern2Text = text;
				}
				Map<String, String> dd = Substitution.mapValues(vars, Substitution::doubleDollar);
				op.desc2 = Substitution.string(dd, op.desc2, '%', matchCache);
				op.action2 = Substitution.actionList(dd, op.action2, '%', matchCache);
				if (op.context2 != null) {
					op.context2 = Substitution.context(dd, op.context2, '%', matchCache);
				}
			}
			case SUBSTR -> {
				op.substrPattern2 = Substitution.string(vars, p2.text(), '$', matchCache);
				op.pattern2Text = op.substrPattern2;
				op.desc2 = Substitution.string(vars, op.desc2, '$', matchCache);
				op.action2 = Substitution.actionList(vars, op.action2, '$', matchCache);
				if (op.context2 != null) {
					op.context2 = Substitution.context(vars, op.context2, '$', matchCache);
				}
			}
			case TVALUE -> {
				op.desc2 = Substitution.string(vars, op.desc2, '$', matchCache);
				op.action2 = Substitution.actionList(vars, op.action2, '$', matchCache);
				if (op.context2 != null) {
					op.context2 = Substitution.context(vars, op.context2, '$', matchCache);
				}
			}
			}
		}
		startOperation(key, op);
		pairOperations.computeIfAbsent(rule, r -> new LinkedHashMap<>()).put(key, op);
		return op;
	}

	private boolean matchPairOperations(Rule rule, Map<String, Operation> ops) {
		boolean matched = false;
		PatternSlot second = rule.slots().get(1);
		boolean preEval = second.context() != null && second.context().preEvaluated();
		for (String key : new ArrayList<>(ops.keySet())) {
			Operation op = ops.get(key);
			if (op == null) {
				continue;
			}
			if (preEval && !evaluate(op.context2)) {
				continue;
			}
			PatternSpec p2 = second.pattern();
			PatternSpec effective = new PatternSpec(p2.type(), p2.negated(), p2.lines(),
					op.substrPattern2 != null ? op.substrPattern2 : p2.text(), op.pattern2, false, p2.truth());
			Map<String, String> vars = match(effective, second.varmap());
			if (vars == null) {
				continue;
			}
			if (op.context2 != null && !preEval) {
				ContextExpression e = vars.isEmpty() ? op.context2 : Substitution.context(vars, op.context2, '$', matchCache);
				if (!evaluate(e)) {
					continue;
				}
			}
			boolean run = rule.kind() == RuleKind.PAIR_WITH_WINDOW || op.window == 0 || now() - op.time <= op.window;
			if (run) {
				matched = true;
				countMatch(rule, vars);
				if (!vars.isEmpty()) {
					op.action2 = Substitution.actionList(vars, op.action2, '$', matchCache);
					op.desc2 = Substitution.string(vars, op.desc2, '$', matchCache);
				}
				execute(op.action2, op.desc2);
			}
			finishOperation(key);
			ops.remove(key);
		}
		return matched;
	}

	// ---- EventGroup

	/** match_eventgroup_rule (L9729): the first pattern that matches (with its context) counts. */
	private int matchEventGroupRule(String file, Rule rule, int index) {
		List<PatternSlot> slots = rule.slots();
		for (int i = 0; i < slots.size(); i++) {
			PatternSlot slot = slots.get(i);
			ContextExpressionParser.FieldValue ctx = slot.context();
			if (ctx != null && ctx.preEvaluated() && !evaluate(ctx.expression())) {
				evaluated(rule, i, EngineListener.Evaluation.CONTEXT_FALSE_BEFORE_PATTERN);
				continue;
			}
			Map<String, String> vars = match(slot.pattern(), slot.varmap());
			if (vars == null) {
				evaluated(rule, i, EngineListener.Evaluation.NO_MATCH);
				continue;
			}
			if (ctx != null && !ctx.preEvaluated()) {
				ContextExpression e = vars.isEmpty() ? ctx.expression()
						: Substitution.context(vars, ctx.expression(), '$', matchCache);
				if (!evaluate(e)) {
					evaluated(rule, i, EngineListener.Evaluation.CONTEXT_FALSE);
					continue;
				}
			}
			evaluated(rule, i, EngineListener.Evaluation.MATCHED);
			countMatch(rule, vars);
			processEventGroup(rule, vars, file, i);
			return slot.gotoRule();
		}
		return index + 1;
	}

	private void processEventGroup(Rule rule, Map<String, String> vars, String file, int index) {
		String desc = desc(rule, vars);
		String key = key(file, rule, desc);
		long time = now();
		Operation op = liveOperation(key, time);
		if (op == null) {
			op = new Operation(key, rule, time, rule.window(), desc);
			op.initAction = actions(rule, "init", vars);
			op.slideAction = actions(rule, "slide", vars);
			op.endAction = actions(rule, "end", vars);
			op.action = actions(rule, "action", vars);
			op.timesList = new ArrayList<>();
			for (int i = 0; i < rule.eventCount(); i++) {
				op.timesList.add(new ArrayList<>());
			}
			startOperation(key, op);
			op.initInProgress = true;
			execute(op.initAction, desc);
			if (!operations.containsKey(key)) {
				return;
			}
			op.initInProgress = false;
		}
		PatternSlot slot = rule.slots().get(index);
		if (!op.suppressMode) {
			String token = null;
			if (rule.egPattern() != null) {
				token = vars.isEmpty() ? slot.egToken() : Substitution.string(vars, slot.egToken(), '$', matchCache);
			}
			op.allTimes.add(new Operation.GroupEvent(time, index, token));
			op.timesList.get(index).add(time);
			operationUpdated(op);
		}
		List<Action> count = vars.isEmpty() || slot.count().isEmpty() ? slot.count()
				: Substitution.actionList(vars, slot.count(), '$', matchCache);
		execute(count, desc);
		if (!operations.containsKey(key) || op.suppressMode) {
			return;
		}
		for (int i = 0; i < rule.eventCount(); i++) {
			if (op.timesList.get(i).size() < rule.slots().get(i).threshold()) {
				return;
			}
		}
		if (rule.egPattern() != null) {
			List<String> tokens = op.allTimes.stream().map(Operation.GroupEvent::token).toList();
			List<Long> times = options.secVersion().passesGroupTimes()
					? op.allTimes.stream().map(Operation.GroupEvent::time).toList()
					: null;
			if (!matchGroupPattern(rule.egPattern(), tokens, times)) {
				return;
			}
		}
		if (!rule.multipleActions()) {
			op.suppressMode = true;
		}
		execute(op.action, desc);
	}

	private boolean matchGroupPattern(PatternSpec p, List<String> tokenList, List<Long> times) {
		String tokens = String.join(" ", tokenList);
		return switch (p.type()) {
		case SUBSTR -> tokens.contains(p.text()) != p.negated();
		case REGEXP -> (p.regex().inPerl() ? perlRegexMatch(p.regex().perl(), tokens) != null
				: groupRegexFind(p.regex(), tokens)) != p.negated();
		default -> perl.groupPatternCall(p.text(), tokens, tokenList, times, p.negated());
		};
	}

	private boolean groupRegexFind(PerlRegex.Compiled regex, String tokens) {
		if (slowInJava.get(regex.id())) {
			return perlRegexMatch(regex.perl(), tokens) != null;
		}
		try {
			return regex.find(matcher(regex), tokens);
		} catch (MatchBudget.Exceeded e) {
			return overBudget(regex, tokens) ? perlRegexMatch(regex.perl(), tokens) != null : false;
		}
	}

	/**
	 * A Java match ran past its budget (where sec, with Perl's caches, is quick): says so in
	 * the log, and from then on perl matches the pattern. False, and the text counts as not
	 * matching, when there is no perl to ask.
	 */
	private boolean overBudget(PerlRegex.Compiled regex, String text) {
		long seconds = MatchBudget.BUDGET_NANOS / 1_000_000_000L;
		if (perl.canRunPerl()) {
			slowInJava.set(regex.id());
			log.log(SecLog.Level.WARN, "Regular expression '" + regex.perl() + "' ran past " + seconds
					+ " s in Java on a text of " + text.length() + " characters, perl matches it from now on");
			return true;
		}
		log.log(SecLog.Level.WARN, "Regular expression '" + regex.perl() + "' ran past " + seconds + " s on a text of "
				+ text.length() + " characters and perl is not installed: it counts as not matching");
		return false;
	}

	/** update_times_eg: drop events before {@code limit} from both lists. */
	private static void slideGroupTimes(Operation op, long limit) {
		while (!op.allTimes.isEmpty() && op.allTimes.get(0).time() < limit) {
			Operation.GroupEvent e = op.allTimes.remove(0);
			op.timesList.get(e.index()).remove(0);
		}
		op.time = op.allTimes.isEmpty() ? limit : op.allTimes.get(0).time();
	}

	private void error(String message) {
		log.log(SecLog.Level.ERR, message);
	}

	// ------------------------------------------------------------------ patterns

	/** The match variables of a successful match (empty for SubStr etc.), or {@code null}. */
	private Map<String, String> match(PatternSpec p, Map<String, Integer> varmap) {
		switch (p.type()) {
		case TVALUE:
			return p.truth() ? Map.of() : null;
		case SUBSTR: {
			boolean found = buffers.lastLines(p.lines()).contains(p.text());
			return found != p.negated() ? Map.of() : null;
		}
		case CACHED: {
			Map<String, String> entry = matchCache.get(p.text());
			if (p.negated()) {
				return entry == null ? Map.of() : null;
			}
			return entry == null ? null : new LinkedHashMap<>(entry);
		}
		case REGEXP:
			return matchRegexp(p, varmap);
		default:
			return matchPerlFunc(p, varmap);
		}
	}

	/** match_perlfunc / match_nperlfunc (L7664). */
	private Map<String, String> matchPerlFunc(PatternSpec p, Map<String, Integer> varmap) {
		PerlBridge.MatchResult result = perl.patternCall(p.text(), buffers.lastLineList(p.lines()),
				buffers.sourceList(p.lines()));
		boolean matched = result != null && result.matched();
		if (p.negated()) {
			if (result == null || matched) {
				return null;
			}
			return baseVariables(p, new LinkedHashMap<>());
		}
		if (!matched) {
			return null;
		}
		Map<String, String> vars = new LinkedHashMap<>();
		int count;
		if (result.named() != null) {
			vars.putAll(result.named());
			count = 1;
		} else {
			count = result.values().size();
			for (int i = 0; i < count; i++) {
				Object v = result.values().get(i);
				vars.put(Integer.toString(i + 1), v == null ? null : v.toString());
			}
		}
		baseVariables(p, vars);
		applyVarmap(vars, varmap, count);
		return vars;
	}

	private Map<String, String> baseVariables(PatternSpec p, Map<String, String> vars) {
		vars.put("0", buffers.lastLines(p.lines()));
		vars.put("_inputsrc", buffers.inputSource(p.lines()));
		vars.put("_intcontext", internalContextName);
		return vars;
	}

	private Map<String, String> matchRegexp(PatternSpec p, Map<String, Integer> varmap) {
		String line = buffers.lastLines(p.lines());
		PerlRegex.Compiled regex = p.regex();
		if (regex.inPerl() || slowInJava.get(regex.id())) {
			return matchInPerl(p, line, varmap);
		}
		boolean found;
		Matcher m = null;
		if (regex.literalAlternatives() != null) {
			found = regex.containsAlternative(line);
		} else if (!regex.mayMatch(line)) {
			found = false;
		} else {
			m = matcher(regex);
			int id = regex.id();
			if (matchedLine[id] == line) {
				found = matchedFound[id]; // the same pattern already ran on this very line
			} else {
				try {
					found = regex.find(m, line);
				} catch (MatchBudget.Exceeded e) {
					if (overBudget(regex, line)) {
						return matchInPerl(p, line, varmap);
					}
					found = false;
				}
				matchedLine[id] = line;
				matchedFound[id] = found;
			}
		}
		if (p.negated()) {
			return found ? null : negatedMatch(p, line);
		}
		if (!found) {
			return null;
		}
		Map<String, String> vars = new LinkedHashMap<>();
		if (m != null) {
			for (String name : regex.groupNames().keySet()) {
				String value = regex.named(m, name);
				if (value != null) {
					vars.put(name, value);
				}
			}
		}
		int groups = m == null ? 0 : regex.groupCount();
		if (groups == 0) {
			vars.put("1", "1"); // Perl's list-context match without groups returns (1)
		} else {
			for (int i = 1; i <= groups; i++) {
				vars.put(Integer.toString(i), regex.group(m, i));
			}
		}
		return positiveMatch(p, line, vars, varmap, groups);
	}

	/** pattern2 after $N substitution, compiled as sec does at run time; null (logged) when invalid. */
	private PerlRegex.Compiled runtimeRegex(String text, String typeName, String key) {
		try {
			return PerlRegex.compile(text);
		} catch (PerlRegexException e) {
			if (e.unsupported() && perl.canRunPerl()) {
				return PerlRegex.matchedInPerl(text); // valid Perl that only perl runs
			}
			log.log(SecLog.Level.ERR, "Runtime variable evaluation yielded an invalid regular expression '" + text + "' for "
					+ typeName + " rule: " + e.getMessage());
			log.log(SecLog.Level.ERR, "Can't start " + typeName + " event correlation operation with the key '" + key + "'");
			return null;
		}
	}

	private Map<String, String> negatedMatch(PatternSpec p, String line) {
		Map<String, String> vars = new LinkedHashMap<>();
		vars.put("0", line);
		vars.put("_inputsrc", buffers.inputSource(p.lines()));
		vars.put("_intcontext", internalContextName);
		return vars;
	}

	private Map<String, String> positiveMatch(PatternSpec p, String line, Map<String, String> vars,
			Map<String, Integer> varmap, int groups) {
		vars.put("0", line);
		vars.put("_inputsrc", buffers.inputSource(p.lines()));
		vars.put("_intcontext", internalContextName);
		applyVarmap(vars, varmap, Math.max(groups, 1));
		return vars;
	}

	/** A pattern Java cannot express, matched by perl: the groups and %+ are Perl's. */
	private Map<String, String> matchInPerl(PatternSpec p, String line, Map<String, Integer> varmap) {
		PerlRegex.Compiled regex = p.regex();
		PerlBridge.RegexMatch match = regex.mayMatch(line) ? perlRegexMatch(regex.perl(), line) : null;
		if (p.negated()) {
			return match != null ? null : negatedMatch(p, line);
		}
		if (match == null) {
			return null;
		}
		Map<String, String> vars = new LinkedHashMap<>(match.named());
		List<String> groups = match.groups();
		if (groups.isEmpty()) {
			vars.put("1", "1");
		} else {
			for (int i = 0; i < groups.size(); i++) {
				vars.put(Integer.toString(i + 1), groups.get(i));
			}
		}
		return positiveMatch(p, line, vars, varmap, groups.size());
	}

	private PerlBridge.RegexMatch perlRegexMatch(String pattern, String text) {
		return perl.regexMatch(pattern, text);
	}

	private Matcher matcher(PerlRegex.Compiled regex) {
		int id = regex.id();
		if (id >= matchers.length) {
			int size = Math.max(id + 1, matchers.length * 2);
			matchers = java.util.Arrays.copyOf(matchers, size);
			matchedLine = java.util.Arrays.copyOf(matchedLine, size);
			matchedFound = java.util.Arrays.copyOf(matchedFound, size);
		}
		Matcher m = matchers[id];
		if (m == null) {
			m = regex.pattern().matcher("");
			matchers[id] = m;
		}
		return m;
	}

	/** Named variables from the varmap, and copies of all variables into the match cache entries it names. */
	private void applyVarmap(Map<String, String> vars, Map<String, Integer> varmap, int count) {
		if (varmap.isEmpty()) {
			return;
		}
		List<String> cacheNames = new ArrayList<>();
		for (Map.Entry<String, Integer> e : varmap.entrySet()) {
			if (e.getValue() == null) {
				cacheNames.add(e.getKey());
			} else {
				vars.put(e.getKey(), e.getValue() <= count ? vars.get(Integer.toString(e.getValue())) : null);
			}
		}
		for (String name : cacheNames) {
			matchCache.put(name, new LinkedHashMap<>(vars));
		}
	}

	// ------------------------------------------------------------------ contexts

	/** valid_context: true if the context exists and is not stale; a stale one is expired now. */
	private boolean validContext(String name) {
		Context c = contexts.get(name);
		if (c == null) {
			return false;
		}
		if (c.window == 0 || now() - c.time <= c.window) {
			return true;
		}
		if (c.deleteInProgress) {
			return false;
		}
		log.log(SecLog.Level.DEBUG, "Deleting stale context '" + name + "'");
		if (!c.action.isEmpty()) {
			c.deleteInProgress = true;
			Context saved = contexts.get("_THIS");
			contexts.put("_THIS", c);
			execute(c.action, c.desc);
			if (saved != null) {
				contexts.put("_THIS", saved);
			} else {
				contexts.remove("_THIS");
			}
		}
		for (String alias : new ArrayList<>(c.aliases)) {
			contexts.remove(alias);
			log.log(SecLog.Level.DEBUG, "Stale context '" + alias + "' deleted");
		}
		listener.contextExpired(name);
		return false;
	}

	/** tval_context_expr, including its evaluation order for "A || B &amp;&amp; C" (inventory §5.1). */
	/**
	 * Whether {@code e} holds now, with {@code $N} and {@code $+{name}} taken from
	 * {@code vars} first (a breakpoint condition; rules use {@link #evaluate} directly).
	 */
	public boolean holds(ContextExpression e, Map<String, String> vars) {
		return evaluate(vars.isEmpty() ? e : Substitution.context(vars, e, '$', matchCache));
	}

	private boolean evaluate(ContextExpression e) {
		return evaluate(e.tokens());
	}

	private boolean evaluate(List<ContextToken> tokens) {
		Boolean left = null;
		List<ContextToken> right = new ArrayList<>();
		for (ContextToken t : tokens) {
			switch (t.kind()) {
			case OPERAND, EXPRESSION, VARSET, ECODE, CCODE, CCODE2 -> {
				if (left != null) {
					right.add(t);
				} else {
					left = operandValue(t);
				}
			}
			case NEGATION -> {
				if (!right.isEmpty()) {
					right.add(t);
				} else {
					left = left == null || !left;
				}
			}
			case AND -> {
				left = Boolean.TRUE.equals(left) && evaluate(right);
				right = new ArrayList<>();
			}
			case OR -> {
				left = Boolean.TRUE.equals(left) || evaluate(right);
				right = new ArrayList<>();
			}
			}
		}
		return Boolean.TRUE.equals(left);
	}

	private boolean operandValue(ContextToken t) {
		return switch (t.kind()) {
		case OPERAND -> validContext(t.text());
		case EXPRESSION -> evaluate(t.nested());
		case VARSET -> matchCache.containsKey(t.text());
		case CCODE -> perl.contextCall(t.text(), t.params());
		case CCODE2 -> perl.contextCallWithCache(t.text(), t.params(), matchCache);
		case ECODE -> perl.contextEval(t.text());
		default -> throw new IllegalStateException("operator " + t.kind() + " as operand");
		};
	}

	// ------------------------------------------------------------------ timers

	/** process_lists: contexts, due events, Calendar rules, operation windows. */
	public void processLists() {
		for (String name : new ArrayList<>(contexts.keySet())) {
			validContext(name);
		}
		events.releaseDue(now(), log);
		sockets.check(); // connections being made and ones the peer closed (L9878)
		runCalendar();
		for (String key : new ArrayList<>(operations.keySet())) {
			Operation op = operations.get(key);
			if (op == null) {
				continue;
			}
			expireIfOver(op, now());
		}
	}

	/**
	 * The earliest second at which {@link #processLists()} may change anything, from the
	 * same conditions it checks: a context past its lifetime (now - created > lifetime,
	 * L9851), a delayed event (now >= due, L9861), an operation past its window (now - start
	 * > window), a Calendar rule that may still run this minute or the next minute, open
	 * sockets and children (every second). Synthetic events waiting: now. Long.MAX_VALUE
	 * when nothing is due. It may be in the past when lists were not processed yet.
	 */
	public long nextDueTime() {
		long now = now();
		if (events.hasSynthetic()) {
			return now;
		}
		if (hasChildren() || sockets.anyOpen()) {
			return now + 1;
		}
		long due = Long.MAX_VALUE;
		for (Context c : contexts.values()) {
			if (c.window != 0) {
				due = Math.min(due, saturatedSum(c.time, c.window) + 1);
			}
		}
		due = Math.min(due, events.earliestDue());
		for (Operation op : operations.values()) {
			if (!(op.rule.kind() == RuleKind.PAIR && op.window == 0)) {
				due = Math.min(due, saturatedSum(op.time, op.window) + 1);
			}
		}
		if (!calendar.isEmpty()) {
			due = Math.min(due, calendar.nextDue(localTime(now), now));
		}
		return due;
	}

	private static long saturatedSum(long a, long b) {
		long sum = a + b;
		return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE - 1 : sum;
	}

	/**
	 * What happens to an operation whose window is over (now - start > window), the same
	 * whether process_lists finds it or a new matching event does (L8960-9200, L9990-10110):
	 * SingleWithSuppress and timed Pair ops end silently, PairWithWindow runs its action,
	 * SingleWithThreshold/2Thresholds and EventGroup slide their window or finish.
	 * The operation's desc is the one the matching event would compute, as it is in the key.
	 */
	/** The operation under {@code key}, after expiring it if its window is over (it may be gone then). */
	private Operation liveOperation(String key, long time) {
		Operation op = operations.get(key);
		if (op == null || time - op.time <= op.window) {
			return op;
		}
		expireIfOver(op, time);
		return operations.get(key);
	}

	private void expireIfOver(Operation op, long time) {
		if (op == null || time - op.time <= op.window) {
			return;
		}
		String key = op.key;
		switch (op.rule.kind()) {
		case SINGLE_WITH_SUPPRESS -> finishOperation(key);
		case PAIR -> {
			if (op.window != 0) {
				removeOperation(key);
			}
		}
		case PAIR_WITH_WINDOW -> {
			execute(op.action, op.desc);
			removeOperation(key);
		}
		case SINGLE_WITH_THRESHOLD, SINGLE_WITH_2_THRESHOLDS -> {
			boolean single = op.rule.kind() == RuleKind.SINGLE_WITH_THRESHOLD;
			if (single ? !op.suppressMode : !op.secondPass) {
				// still counting: the window slides past the old events
				slideTimes(op, time - op.window);
				if (op.times.isEmpty()) {
					finishOperation(key);
				}
			} else {
				// SingleWithThreshold's quiet window, or SingleWith2Thresholds' second one, is over
				execute(op.action2, single ? op.desc : op.desc2);
				finishOperation(key);
			}
		}
		case EVENT_GROUP -> {
			if (!op.suppressMode) {
				slideGroupTimes(op, time - op.window);
				if (op.allTimes.isEmpty()) {
					op.deleteInProgress = true;
					execute(op.endAction, op.desc);
					finishOperation(key);
				} else {
					execute(op.slideAction, op.desc);
				}
			} else {
				op.deleteInProgress = true;
				execute(op.endAction, op.desc);
				finishOperation(key);
			}
		}
		default -> {
		}
		}
	}

	private void runCalendar() {
		if (calendar.isEmpty()) {
			return;
		}
		calendar.run(localTime(now()), localTime(now() + 86400), this::evaluate, rule -> {
			countMatch(rule, Map.of());
			execute(rule.actions("action"), rule.desc());
		});
	}

	private ZonedDateTime localTime(long epochSeconds) {
		return org.sec.engine.syntax.PerlTime.at(epochSeconds, clock.zone());
	}

	/** scalar(localtime(t)) as sec interpolates it: empty (Perl's undef) for a time too large to convert. */
	private String perlLocaltime(long epochSeconds) {
		try {
			return org.sec.engine.syntax.PerlTime.scalar(epochSeconds, clock.zone());
		} catch (java.time.DateTimeException e) {
			return "";
		}
	}

	/**
	 * A count of seconds as Perl holds it: numbers beyond 64 bits become floats that no clock
	 * reaches. SATURATED stands for them, small enough that adding a time cannot overflow.
	 */
	private static long seconds(String digits) {
		try {
			return Math.min(Long.parseLong(digits), SATURATED);
		} catch (NumberFormatException e) {
			return SATURATED;
		}
	}

	private static final long SATURATED = Long.MAX_VALUE / 4;

	// ------------------------------------------------------------------ actions

	/** execute_actionlist: returns false when break/continue ended the list. */
	private int execute(List<Action> list, String desc) {
		for (Action a : list) {
			int k = executeAction(a, desc);
			if (k <= 0) {
				return k;
			}
		}
		return 1;
	}

	private String var(String s, String desc) {
		return actionVariables.substitute(s, desc, now());
	}

	/** Actions that reach outside the engine (see {@link SideEffects#RECORD_ONLY}). */
	private boolean touchesWorld(Action a, String desc) {
		return switch (a.type()) {
		case SHELLCMD, CMDEXEC, SPAWN, SPAWNEXEC, CSPAWN, CSPAWNEXEC, UDPSOCK, TCPSOCK, USTREAM, UDGRAM, ADDINPUT,
				DROPINPUT -> true;
		case PIPE, REPORT -> !var(a.arg(1), desc).isEmpty();
		case PIPEEXEC, REPORTEXEC -> a.args().size() > 1;
		case WRITE, WRITEN, OWRITECL, CLOSEF -> !var(a.arg(0), desc).equals("-");
		default -> false;
		};
	}

	private int executeAction(Action a, String desc) {
		List<String> args = a.args();
		if (sideEffects != SideEffects.ALLOW && touchesWorld(a, desc)) {
			listener.actionExecuted(ActionText.single(a), true);
			return 1;
		}
		if (listener != EngineListener.NONE && a.type() != ActionType.IF && a.type() != ActionType.WHILE) {
			listener.actionExecuted(ActionText.single(a), false);
		}
		switch (a.type()) {
		case NONE -> {
		}
		case LOGONLY -> log.log(SecLog.Level.NOTICE, var(args.get(0), desc));
		case WRITE, WRITEN, OWRITECL -> write(var(args.get(0), desc), var(args.get(1), desc),
				a.type() == org.sec.engine.action.ActionType.WRITE, a.type() == org.sec.engine.action.ActionType.OWRITECL);
		case CLOSEF -> closeFile(var(args.get(0), desc));
		case CREATE -> create(var(args.get(0), desc), var(args.get(1), desc), a.lists().get(0), desc);
		case DELETE -> delete(var(args.get(0), desc));
		case OBSOLETE -> obsolete(var(args.get(0), desc));
		case SET -> set(var(args.get(0), desc), var(args.get(1), desc), a.lists().get(0), desc);
		case ALIAS -> alias(var(args.get(0), desc), var(args.get(1), desc));
		case UNALIAS -> unalias(var(args.get(0), desc));
		case ADD, PREPEND, FILL -> addToStore(a.type(), var(args.get(0), desc), var(args.get(1), desc));
		case REPORT -> {
			String cmd = var(args.get(1), desc);
			report(var(args.get(0), desc), cmd.isEmpty() ? List.of() : List.of(cmd), true);
		}
		case REPORTEXEC -> report(var(args.get(0), desc), vars(args, 1, desc), false);
		case COPY, POP, SHIFT, EMPTY -> storeToVariable(a.type(), var(args.get(0), desc), args.get(1));
		case TRIM -> trim(var(args.get(0), desc), var(args.get(1), desc), args.get(2));
		case EXISTS, GETSIZE, GETALIASES, GETLTIME, GETCTIME -> contextQuery(a.type(), args.get(0), var(args.get(1), desc));
		case SETLTIME -> setLifetime(var(args.get(0), desc), var(args.get(1), desc));
		case SETCTIME -> setCreationTime(var(args.get(0), desc), var(args.get(1), desc));
		case EVENT -> emitEvents(args.get(0), var(args.get(1), desc), INTERNAL_EVENT_CONTEXT, false);
		case TEVENT -> {
			String after = var(args.get(0), desc);
			Matcher m = LIFETIME.matcher(after);
			if (m.matches()) {
				emitEvents(m.group(1), var(args.get(1), desc), INTERNAL_EVENT_CONTEXT, false);
			} else {
				log.log(SecLog.Level.WARN, "Invalid time specification '" + after + "' for creating events");
			}
		}
		case CEVENT -> {
			String after = var(args.get(1), desc);
			Matcher m = LIFETIME.matcher(after);
			if (m.matches()) {
				emitEvents(m.group(1), var(args.get(2), desc), var(args.get(0), desc), true);
			} else {
				log.log(SecLog.Level.WARN, "Invalid time specification '" + after + "' for creating events");
			}
		}
		case ASSIGN -> {
			String value = var(args.get(1), desc);
			log.log(SecLog.Level.DEBUG, "Assigning '" + value + "' to variable '%" + args.get(0) + "'");
			variables.put(args.get(0), value);
		}
		case ASSIGNSQ -> {
			String value = "'" + var(args.get(1), desc).replace("'", "'\\''") + "'";
			log.log(SecLog.Level.DEBUG, "Assigning '" + value + "' to variable '%" + args.get(0) + "'");
			variables.put(args.get(0), value);
		}
		case FREE -> {
			log.log(SecLog.Level.DEBUG, "Freeing variable '%" + args.get(0) + "'");
			variables.remove(args.get(0));
		}
		case EVAL -> assign(args.get(0), perl.evalAction(args.get(0), var(args.get(1), desc)));
		case CALL -> {
			String name = args.get(1);
			PerlRef ref = perlRefs.get(name);
			if (ref != null && !ref.text().equals(variables.get(name))) {
				ref = null; // the variable was set to something else since
			}
			assign(args.get(0), perl.callAction(args.get(0), name, ref, vars(args, 2, desc)));
		}
		case LCALL -> {
			assign(args.get(0), perl.lcallAction(args.get(0), args.get(2), vars(args, 3, desc), matchCache, args.get(1).equals(":>")));
		}
		case VARSET -> variables.put(args.get(0), matchCache.containsKey(var(args.get(1), desc)) ? "1" : "0");
		case IF -> {
			List<Action> branch = perlTrue(variables.get(args.get(0))) ? a.lists().get(0) : a.lists().get(1);
			return execute(branch, desc);
		}
		case WHILE -> {
			while (perlTrue(variables.get(args.get(0)))) {
				int k = execute(a.lists().get(0), desc);
				if (k == 0) {
					break; // break ends the loop
				}
			}
		}
		case BREAK -> {
			return 0;
		}
		case CONTINUE -> {
			return -1;
		}
		case RESET -> reset(args.get(0), args.get(1), var(args.get(2), desc));
		case REWRITE -> rewrite(var(args.get(0), desc), var(args.get(1), desc));
		case ADDINPUT -> {
			if (inputControl == null) {
				log.log(SecLog.Level.WARN, "addinput is not available here (no input files are being read)");
			} else {
				inputControl.addInput(var(args.get(0), desc), var(args.get(1), desc), var(args.get(2), desc));
			}
		}
		case DROPINPUT -> {
			if (inputControl != null) {
				inputControl.dropInput(var(args.get(0), desc));
			}
		}
		case SIGEMUL -> {
			String name = var(args.get(0), desc);
			log.log(SecLog.Level.DEBUG, "Emulating the arrival of '" + name + "' signal");
			signal(name.toUpperCase(Locale.ROOT));
		}
		case GETWPOS -> {
			String key = key(args.get(1), args.get(2), var(args.get(3), desc));
			log.log(SecLog.Level.DEBUG, "Getting event correlation window position for operation '" + key + "'");
			Operation op = operations.get(key);
			if (op != null) {
				setVariable(args.get(0), Long.toString(op.time));
			} else {
				log.log(SecLog.Level.WARN, "Operation '" + key + "' does not exist, can't get window position");
			}
		}
		case SETWPOS -> setWindowPosition(var(args.get(0), desc),
				key(args.get(1), args.get(2), var(args.get(3), desc)));
		case UDPSOCK -> sockets.udp(var(args.get(0), desc), var(args.get(1), desc));
		case TCPSOCK -> sockets.tcp(var(args.get(0), desc), var(args.get(1), desc));
		case USTREAM -> sockets.unixStream(var(args.get(0), desc), var(args.get(1), desc));
		case CLOSEUDP -> sockets.closeUdp(var(args.get(0), desc));
		case CLOSETCP -> sockets.closeTcp(var(args.get(0), desc));
		case CLOSEUSTR -> sockets.closeUnixStream(var(args.get(0), desc));
		case UDGRAM -> perl.unixDatagram("udgram", List.of(var(args.get(0), desc), var(args.get(1), desc)));
		case CLOSEUDGR -> perl.unixDatagram("closeudgr", List.of(var(args.get(0), desc)));
		case SHELLCMD -> startCommand(false, true, List.of(var(args.get(0), quotedDesc(desc))), null);
		case CMDEXEC -> startCommand(false, false, vars(args, 0, desc), null);
		case SPAWN -> startCommand(true, true, List.of(var(args.get(0), quotedDesc(desc))), null);
		case SPAWNEXEC -> startCommand(true, false, vars(args, 0, desc), null);
		case CSPAWN -> startCommand(true, true, List.of(var(args.get(1), quotedDesc(desc))), var(args.get(0), desc));
		case CSPAWNEXEC -> startCommand(true, false, vars(args, 1, desc), var(args.get(0), desc));
		case PIPE, PIPEEXEC -> {
			String event = var(args.get(0), desc);
			boolean shell = a.type() == org.sec.engine.action.ActionType.PIPE;
			List<String> cmd = shell ? (var(args.get(1), desc).isEmpty() ? List.of() : List.of(var(args.get(1), desc)))
					: vars(args, 1, desc);
			log.log(SecLog.Level.INFO, "Feeding event '" + event + "' to " + (shell ? "shell command" : "command") + " '"
					+ String.join(" ", cmd) + "'");
			if (cmd.isEmpty()) {
				stdout.println(event);
			} else {
				run(cmd, shell, event + "\n", null);
			}
		}
		default -> error("Action '" + a.type().keyword() + "' is not supported by jsec yet");
		}
		return 1;
	}

	/** rewrite (L6769): replaces the last lines of the current input buffer for the following rules. */
	private void rewrite(String count, String event) {
		Matcher m = LIFETIME.matcher(count);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Invalid linecount '" + count + "', can't rewrite input buffer");
			return;
		}
		long n = seconds(m.group(1));
		List<String> lines = new ArrayList<>(PerlText.split(Pattern.compile("\n"), event));
		if (n == 0) {
			if (lines.isEmpty()) {
				log.log(SecLog.Level.WARN, "No data for rewriting input buffer");
				return;
			}
			n = lines.size();
		}
		n = Math.min(n, buffers.size());
		while (lines.size() > n) {
			lines.remove(lines.size() - 1);
		}
		while (lines.size() < n) {
			lines.add(0, "");
		}
		buffers.rewrite(lines.toArray(new String[0]));
		log.log(SecLog.Level.DEBUG, buffers.rewrittenBufferName() + " rewritten with '" + String.join("\n", lines) + "'");
	}

	/** Signals raised by sigemul, handled after the current event as sec does. */

	/** How many INT signals arrived since the last {@link #takeSignals()} (sec counts them). */
	private int intSignals;

	/** The INT signals taken with the last {@link #takeSignals()}. */
	public int takenIntSignals() {
		return takenIntSignals;
	}

	private int takenIntSignals;

	private final java.util.EnumSet<Signal> signals = java.util.EnumSet.noneOf(Signal.class);

	/** Takes the signals raised since the last call. */
	public java.util.Set<Signal> takeSignals() {
		java.util.Set<Signal> taken = java.util.EnumSet.copyOf(signals.isEmpty() ? java.util.EnumSet.noneOf(Signal.class) : signals);
		signals.clear();
		takenIntSignals = intSignals;
		intSignals = 0;
		return taken;
	}

	/** A real signal, queued like sigemul's for the next check_signals. */
	public void raise(Signal signal) {
		signals.add(signal);
		if (signal == Signal.INT) {
			intSignals++;
		}
	}

	private void signal(String name) {
		switch (name) {
		case "TERM" -> signals.add(Signal.TERM);
		case "USR2" -> signals.add(Signal.USR2);
		case "USR1" -> signals.add(Signal.USR1);
		case "HUP" -> signals.add(Signal.HUP);
		case "ABRT" -> signals.add(Signal.ABRT);
		case "INT" -> {
			signals.add(Signal.INT);
			intSignals++;
		}
		default -> log.log(SecLog.Level.WARN, "The arrival of '" + name + "' signal can't be emulated");
		}
	}

	/** USR2: output files are closed and reopened on their next write. */
	public void closeOutputs() {
		sockets.closeAll();
		outputFiles.closeAll();
	}

	/** reset: ends operations silently (no action2, end or timeout actions). */
	private void reset(String file, String ruleId, String event) {
		List<Rule> rules = rulesByFile.getOrDefault(file, List.of());
		if (!ruleId.isEmpty()) {
			String key = key(file, ruleId, event);
			log.log(SecLog.Level.DEBUG, "Terminating event correlation operation '" + key + "'");
			removeOperation(key);
		} else {
			log.log(SecLog.Level.DEBUG, "Terminating all event correlation operations started from " + file
					+ " with operation description string '" + event + "'");
			for (Rule rule : rules) {
				removeOperation(key(file, rule, event));
			}
		}
	}

	private void removeOperation(String key) {
		Operation op = finishOperation(key);
		if (op != null) {
			Map<String, Operation> ops = pairOperations.get(op.rule);
			if (ops != null) {
				ops.remove(key);
			}
		}
	}

	/** setwpos (L6480): moves a window start forward, within [current start, now]. */
	private void setWindowPosition(String timestamp, String key) {
		Matcher m = LIFETIME.matcher(timestamp);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Invalid timestamp '" + timestamp + "' for moving the window of operation '"
					+ key + "'");
			return;
		}
		long t = seconds(m.group(1));
		String when = perlLocaltime(t);
		log.log(SecLog.Level.DEBUG, "Moving event correlation window to '" + when + "' for operation '" + key + "'");
		Operation op = operations.get(key);
		if (op == null) {
			log.log(SecLog.Level.WARN, "Operation '" + key + "' does not exist, can't set window position");
			return;
		}
		if (op.initInProgress) {
			log.log(SecLog.Level.WARN, "Operation '" + key + "' is initializing, can't set window position");
			return;
		}
		if (op.deleteInProgress) {
			log.log(SecLog.Level.WARN, "Operation '" + key + "' is terminating, can't set window position");
			return;
		}
		if (t < op.time) {
			log.log(SecLog.Level.WARN, "Can't move event correlation window backwards to '" + when + "'");
			return;
		}
		if (t > now()) {
			log.log(SecLog.Level.WARN, "Can't move event correlation window into future to '" + when + "'");
			return;
		}
		if (t == op.time) {
			log.log(SecLog.Level.DEBUG, "Event correlation window is already positioned at '" + when + "'");
			return;
		}
		switch (op.rule.kind()) {
		case SINGLE_WITH_THRESHOLD -> {
			if (!op.suppressMode) {
				dropTimesBefore(op, t);
				if (op.times.isEmpty()) {
					removeOperation(key);
				}
			} else {
				op.time = t;
			}
		}
		case SINGLE_WITH_2_THRESHOLDS -> {
			dropTimesBefore(op, t);
			if (!op.secondPass && op.times.isEmpty()) {
				removeOperation(key);
			}
		}
		case EVENT_GROUP -> {
			if (!op.suppressMode) {
				while (!op.allTimes.isEmpty() && op.allTimes.get(0).time() < t) {
					Operation.GroupEvent e = op.allTimes.remove(0);
					op.timesList.get(e.index()).remove(0);
				}
				op.time = t;
				if (op.allTimes.isEmpty()) {
					op.deleteInProgress = true;
					execute(op.endAction, op.desc);
					removeOperation(key);
				}
			} else {
				op.time = t;
			}
		}
		default -> op.time = t;
		}
	}

	/** update_times_swt with its flag set: drop earlier times, the window starts at {@code t}. */
	private static void dropTimesBefore(Operation op, long t) {
		while (!op.times.isEmpty() && op.times.get(0) < t) {
			op.times.remove(0);
		}
		op.time = t;
	}

	/** Perl truth of a variable: undef, "" and "0" are false. */
	private static boolean perlTrue(String v) {
		return org.sec.engine.perl.PerlTruth.isTrue(v);
	}

	private void write(String file, String text, boolean newline, boolean closeAfter) {
		outputFiles.write(file, text, newline, closeAfter);
	}

	private void closeFile(String file) {
		outputFiles.close(file);
	}

	private void create(String name, String lifetime, List<Action> onExpiry, String desc) {
		log.log(SecLog.Level.DEBUG, "Creating context '" + name + "'");
		Matcher m = LIFETIME.matcher(lifetime);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Invalid lifetime '" + lifetime + "' for context '" + name + "', can't create");
			return;
		}
		long window = seconds(m.group(1));
		Context c = contexts.get(name);
		if (c != null) {
			if (c.internal) {
				log.log(SecLog.Level.WARN, "Invalid use of create action for internal context '" + name + "'");
				return;
			}
			c.time = now();
			c.lifetime(window, m.group(1));
			c.action = onExpiry;
			c.desc = desc;
			c.buffer.clear();
		} else {
			c = new Context(now(), window);
			c.lifetime(window, m.group(1));
			c.action = onExpiry;
			c.desc = desc;
			c.aliases.add(name);
			contexts.put(name, c);
		}
		listener.contextCreated(name, window);
	}

	/** execute_delete_action (L5590). */
	private void delete(String name) {
		log.log(SecLog.Level.DEBUG, "Deleting context '" + name + "'");
		Context c = contexts.get(name);
		if (c == null || c.deleteInProgress) {
			log.log(SecLog.Level.DEBUG, "Context '" + name + "' does not exist or is already going through deletion");
			return;
		}
		if (c.internal) {
			log.log(SecLog.Level.WARN, "Invalid use of delete action for internal context '" + name + "'");
			return;
		}
		for (String alias : new ArrayList<>(c.aliases)) {
			contexts.remove(alias);
			log.log(SecLog.Level.DEBUG, "Context '" + alias + "' deleted");
		}
		listener.contextDeleted(name);
	}

	/** execute_obsolete_action (L5623). */
	private void obsolete(String name) {
		log.log(SecLog.Level.DEBUG, "Obsoleting context '" + name + "'");
		Context c = contexts.get(name);
		if (c == null || c.deleteInProgress) {
			log.log(SecLog.Level.DEBUG, "Context '" + name + "' does not exist or is already going through deletion");
		} else if (c.internal) {
			log.log(SecLog.Level.WARN, "Invalid use of obsolete action for internal context '" + name + "'");
		} else {
			c.window = -1;
			validContext(name);
		}
	}

	private static final Pattern SET_LIFETIME = Pattern.compile("^\\s*(?:0*([0-9]+)|-)\\s*$");

	/** execute_set_action (L5652). */
	private void set(String name, String lifetime, List<Action> onExpiry, String desc) {
		log.log(SecLog.Level.DEBUG, "Changing settings for context '" + name + "'");
		Matcher m = SET_LIFETIME.matcher(lifetime);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN,
					"Invalid lifetime '" + lifetime + "' for context '" + name + "', can't change settings");
			return;
		}
		Context c = contexts.get(name);
		if (c == null) {
			log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't change settings");
			return;
		}
		if (c.internal) {
			log.log(SecLog.Level.WARN, "Invalid use of set action for internal context '" + name + "'");
			return;
		}
		if (m.group(1) != null) {
			c.time = now();
			c.lifetime(seconds(m.group(1)), m.group(1));
		}
		if (!onExpiry.isEmpty()) {
			c.action = onExpiry;
			c.desc = desc;
		}
	}

	/** execute_alias_action (L5702). */
	private void alias(String name, String alias) {
		log.log(SecLog.Level.DEBUG, "Creating alias '" + alias + "' for context '" + name + "'");
		Context c = contexts.get(name);
		if (c == null) {
			log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't create alias");
		} else if (contexts.containsKey(alias)) {
			log.log(SecLog.Level.DEBUG, "Alias '" + alias + "' already exists");
		} else if (!c.internal) {
			c.aliases.add(alias);
			contexts.put(alias, c);
		} else {
			log.log(SecLog.Level.WARN, "Invalid use of alias action for internal context '" + name + "'");
		}
	}

	/** execute_unalias_action (L5731). */
	private void unalias(String alias) {
		log.log(SecLog.Level.DEBUG, "Removing alias '" + alias + "'");
		Context c = contexts.get(alias);
		if (c == null || c.deleteInProgress) {
			log.log(SecLog.Level.DEBUG, "Alias '" + alias
					+ "' does not exist or the referred context is already going through deletion");
		} else if (c.internal) {
			log.log(SecLog.Level.WARN, "Invalid use of unalias action for internal context '" + alias + "'");
		} else {
			c.aliases.remove(alias);
			if (c.aliases.isEmpty()) {
				log.log(SecLog.Level.DEBUG, "Alias '" + alias + "' was the last reference to a context");
			}
			contexts.remove(alias);
		}
	}

	/** execute_setctime_action (L6243). */
	private void setCreationTime(String timestamp, String name) {
		Matcher m = LIFETIME.matcher(timestamp);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Invalid timestamp '" + timestamp + "' for creation time of context '" + name + "'");
			return;
		}
		long t = seconds(m.group(1));
		String when = perlLocaltime(t);
		log.log(SecLog.Level.DEBUG, "Setting the creation time of context '" + name + "' to '" + when + "'");
		Context c = contexts.get(name);
		if (c == null) {
			log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't set creation time");
		} else if (c.internal) {
			log.log(SecLog.Level.WARN, "Invalid use of setctime action for internal context '" + name + "'");
		} else if (t < c.time) {
			log.log(SecLog.Level.WARN, "Can't set context creation time backwards to '" + when + "'");
		} else if (t > now()) {
			log.log(SecLog.Level.WARN, "Can't set context creation time into future to '" + when + "'");
		} else if (t == c.time) {
			log.log(SecLog.Level.DEBUG, "Context creation time already set to '" + when + "'");
		} else {
			c.time = t;
		}
	}

	/** execute_setltime_action (L6161). */
	private void setLifetime(String name, String lifetime) {
		Matcher m = LIFETIME.matcher(lifetime);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Invalid lifetime '" + lifetime + "' for context '" + name + "'");
			return;
		}
		long window = seconds(m.group(1));
		log.log(SecLog.Level.DEBUG, "Setting the lifetime of context '" + name + "' to '" + m.group(1) + "'");
		Context c = contexts.get(name);
		if (c == null) {
			log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't set lifetime");
		} else if (c.internal) {
			log.log(SecLog.Level.WARN, "Invalid use of setltime action for internal context '" + name + "'");
		} else {
			c.lifetime(window, m.group(1));
			if (window != 0 && now() - c.time > window) {
				log.log(SecLog.Level.DEBUG, "Context '" + name + "' has become stale after lifetime adjustment");
				validContext(name);
			}
		}
	}

	/** execute_add_action, execute_prepend_action, execute_fill_action (L5767-5893). */
	private void addToStore(org.sec.engine.action.ActionType type, String name, String event) {
		boolean fill = type == org.sec.engine.action.ActionType.FILL;
		log.log(SecLog.Level.DEBUG, switch (type) {
		case ADD -> "Adding event(s) '" + event + "' to context '" + name + "'";
		case PREPEND -> "Prepending event(s) '" + event + "' to context '" + name + "'";
		default -> "Filling context '" + name + "' with event(s) '" + event + "'";
		});
		Context c = contexts.get(name);
		if (c == null) {
			c = new Context(now(), 0);
			c.aliases.add(name);
			contexts.put(name, c);
		} else if (c.internal) {
			log.log(SecLog.Level.WARN, "Invalid use of " + type.keyword() + " action for internal context '" + name + "'");
			return;
		}
		List<String> lines = PerlText.split(Pattern.compile("\n"), event);
		if (options.evstoresize() > 0) {
			int size = fill ? lines.size() : c.buffer.size() + lines.size();
			if (size > options.evstoresize()) {
				log.log(SecLog.Level.WARN, fill
						? "Can't fill context '" + name + "' with event(s) '" + event + "', store full"
						: "Can't " + type.keyword() + " event(s) '" + event + "' to context '" + name + "', store full");
				return;
			}
		}
		switch (type) {
		case ADD -> c.buffer.add(lines, now());
		case PREPEND -> c.buffer.prepend(lines, now());
		default -> c.buffer.fill(lines, now());
		}
	}

	/** execute_report_action, execute_reportexec_action (L5895, L5930). */
	private void report(String name, List<String> cmd, boolean shell) {
		log.log(SecLog.Level.INFO, "Reporting the event store of context '" + name + "' through "
				+ (shell ? "shell command" : "command") + " '" + String.join(" ", cmd) + "'");
		Context c = contexts.get(name);
		if (c == null) {
			log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't report");
			return;
		}
		if (c.buffer.isEmpty()) {
			log.log(SecLog.Level.DEBUG, "Event store of context '" + name + "' is empty, nothing to report");
			return;
		}
		StringBuilder b = new StringBuilder();
		for (String line : c.buffer.events()) {
			b.append(line).append('\n');
		}
		if (cmd.isEmpty()) {
			stdout.print(b);
		} else {
			run(cmd, shell, b.toString(), null);
		}
	}

	/** Sets an action variable from Perl results; a code reference is remembered for call. */
	private void assign(String name, PerlCode.Assignment value) {
		if (!value.present()) {
			return;
		}
		variables.put(name, value.text());
		if (value.ref() != null) {
			perlRefs.put(name, value.ref());
		} else {
			perlRefs.remove(name);
		}
	}

	private List<String> vars(List<String> args, int from, String desc) {
		List<String> result = new ArrayList<>();
		for (int i = from; i < args.size(); i++) {
			result.add(var(args.get(i), desc));
		}
		return result;
	}

	/** --quoting: %s in shellcmd/spawn/cspawn command lines is single-quoted (L5364). */
	private String quotedDesc(String desc) {
		return options.quoting() ? "'" + desc.replace("'", "'\\''") + "'" : desc;
	}

	/** execute_copy_action, execute_empty_action, execute_pop_action, execute_shift_action (L5968-6072). */
	private void storeToVariable(org.sec.engine.action.ActionType type, String name, String variable) {
		log.log(SecLog.Level.DEBUG, switch (type) {
		case COPY -> "Copying context '" + name + "' to variable '%" + variable + "'";
		case EMPTY -> "Emptying the event store of context '" + name + "'";
		case POP -> "Pop the last element of context '" + name + "' event store into variable '%" + variable + "'";
		default -> "Shift the first element of context '" + name + "' event store into variable '%" + variable + "'";
		});
		Context c = contexts.get(name);
		if (c == null) {
			log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't " + type.keyword());
			return;
		}
		switch (type) {
		case COPY -> setVariable(variable, String.join("\n", c.buffer.events()));
		case EMPTY -> {
			if (!variable.isEmpty()) {
				setVariable(variable, String.join("\n", c.buffer.events()));
			}
			c.buffer.clear();
		}
		case POP -> setVariable(variable, c.buffer.removeLast());
		default -> setVariable(variable, c.buffer.removeFirst());
		}
	}

	private static final Pattern TRIM_TIMESTAMP = Pattern.compile("^\\s*([+-]?)0*([0-9]+)\\s*$");

	/**
	 * execute_trim_action (sec 2.9.4 L6153): removes what was written to the store before
	 * the time (epoch seconds, +T after the context's creation, -T before now) and puts the
	 * removed strings, one per line, into the variable if one is named.
	 */
	private void trim(String timestamp, String name, String variable) {
		log.log(SecLog.Level.DEBUG, "Trimming context '" + name + "' event store by timestamp '" + timestamp + "'");
		Context c = contexts.get(name);
		if (c == null) {
			log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't trim");
			return;
		}
		Matcher m = TRIM_TIMESTAMP.matcher(timestamp);
		if (!m.find()) {
			log.log(SecLog.Level.WARN, "Invalid timestamp '" + timestamp + "' for trimming context '" + name + "'");
			return;
		}
		long offset = seconds(m.group(2));
		long limit = switch (m.group(1)) {
		case "+" -> c.time + offset;
		case "-" -> now() - offset;
		default -> offset;
		};
		int before = c.buffer.size();
		List<String> removed = c.buffer.trimBefore(limit);
		log.log(SecLog.Level.DEBUG, "Trimmed " + (before - c.buffer.size()) + " element(s) older than '"
				+ perlLocaltime(limit) + "' from context '" + name + "' event store");
		if (!variable.isEmpty()) {
			String value = String.join("\n", removed);
			setVariable(variable, value);
		}
	}

	/** Sets an action-list variable with sec's debug message. */
	private void setVariable(String variable, String value) {
		variables.put(variable, value);
		log.log(SecLog.Level.DEBUG, "Variable '%" + variable + "' set to '" + value + "'");
	}

	/** execute_exists_action ... execute_getctime_action (L6073-6240). */
	private void contextQuery(org.sec.engine.action.ActionType type, String variable, String name) {
		Context c = contexts.get(name);
		switch (type) {
		case EXISTS -> {
			log.log(SecLog.Level.DEBUG, "Checking the presence of context '" + name + "'");
			setVariable(variable, c != null ? "1" : "0");
		}
		case GETSIZE -> {
			log.log(SecLog.Level.DEBUG, "Finding the size of context '" + name + "' event store");
			if (c != null) {
				setVariable(variable, Integer.toString(c.buffer.size()));
			} else {
				variables.remove(variable);
				log.log(SecLog.Level.DEBUG,
						"Context '" + name + "' does not exist, variable '%" + variable + "' set to undef");
			}
		}
		case GETALIASES -> {
			log.log(SecLog.Level.DEBUG, "Assigning aliases of context '" + name + "' to variable '%" + variable + "'");
			if (c != null) {
				setVariable(variable, String.join("\n", c.aliases));
			} else {
				log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't get aliases");
			}
		}
		case GETLTIME -> {
			log.log(SecLog.Level.DEBUG,
					"Assigning the lifetime of context '" + name + "' to variable '%" + variable + "'");
			if (c != null) {
				setVariable(variable, c.lifetimeText());
			} else {
				log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't get lifetime");
			}
		}
		default -> {
			log.log(SecLog.Level.DEBUG,
					"Assigning the creation time of context '" + name + "' to variable '%" + variable + "'");
			if (c != null) {
				setVariable(variable, Long.toString(c.time));
			} else {
				log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't get creation time");
			}
		}
		}
	}

	/** execute_event_action, execute_tevent_action, execute_cevent_action (L6299-6380). */
	/** @param delayDigits the delay as written: sec logs it so, even beyond 64 bits */
	private void emitEvents(String delayDigits, String text, String context, boolean contextNamed) {
		delayDigits = delayDigits.replaceFirst("^0+(?=[0-9])", "");
		long delay = seconds(delayDigits);
		String with = contextNamed ? " with context '" + context + "'" : "";
		for (String event : PerlText.split(Pattern.compile("\n"), text)) {
			if (delay == 0) {
				log.log(SecLog.Level.DEBUG, "Creating event '" + event + "'" + with);
				events.addSynthetic(event, context);
			} else {
				log.log(SecLog.Level.DEBUG,
						"Scheduling the creation of event '" + event + "'" + with + " after " + delayDigits + " seconds");
				events.schedule(now() + delay, event, context);
			}
		}
	}

	/**
	 * shellcmd, cmdexec, spawn, spawnexec, cspawn and cspawnexec (L5352-5485): sec's message,
	 * then the child; a spawned child's lines become events, with cspawn's {@code context}.
	 */
	private void startCommand(boolean spawn, boolean shell, List<String> command, String context) {
		log.log(SecLog.Level.INFO, (spawn ? "Spawning " : "Executing ") + (shell ? "shell command" : "command") + " '"
				+ String.join(" ", command) + "'" + (context != null ? " with context '" + context + "'" : ""));
		run(command, shell, null, spawn ? (context != null ? context : INTERNAL_EVENT_CONTEXT) : null);
	}

	private void run(List<String> command, boolean shell, String input, String collectContext) {
		runWithExit(command, shell, input, collectContext, null);
	}

	private void runWithExit(List<String> command, boolean shell, String input, String collectContext,
			ChildProcesses.ExitHandler onExit) {
		flush(); // the child shares our stdout; what we wrote so far goes first
		try {
			children.start(command, shell, input, collectContext, onExit);
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Error executing command '" + String.join(" ", command) + "' (" + e.getMessage() + ")");
		}
	}

	/**
	 * check_children: spawned output becomes synthetic events; exited scripts run their
	 * actions. True when some child gave output.
	 */
	public boolean checkChildren() {
		if (children.isEmpty()) {
			return false;
		}
		return children.check(!events.hasSynthetic(), events::addSynthetic);
	}

	/** Commands without piped input share the process's stdin, as sec's forked children do. */
	public void childrenShareStdin(boolean on) {
		children.inheritStdin(on);
	}

	/** exec_cmd with an argument list: a child without a shell, its output not collected. */
	public void execCommand(List<String> argv) {
		run(argv, false, null, null);
	}

	/** child_cleanup (L13371): SIGTERM to every child still running, each one logged. */
	public void childCleanup() {
		children.terminateAll();
	}

	public boolean hasChildren() {
		return !children.isEmpty();
	}

	/** Waits for running children to finish (virtual-clock replays), at most {@code millis}. */
	public void awaitChildren(long millis) {
		children.awaitAll(millis);
	}
}

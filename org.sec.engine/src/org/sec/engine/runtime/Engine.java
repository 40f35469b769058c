package org.sec.engine.runtime;

import java.io.PrintStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sec.engine.api.Clock;
import org.sec.engine.api.EngineListener;
import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.api.InputControl;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.Signal;
import org.sec.engine.api.SideEffects;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.SecInternals;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.ActionField;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;

/**
 * The event loop of sec 2.9.1: input lines, internal and synthetic events through the rule
 * files (process_rules L9775, each rule kind's {@link RuleFamily} from one table), and the
 * timers (process_lists L9846). The state lives in {@link EngineState}; the parts that act
 * on it are wired here: {@link PatternMatcher}, {@link ContextStore}, {@link ContextEvaluator},
 * {@link Operations}, {@link ActionExecutor}, the rule families and {@link SnapshotBuilder}.
 * Time comes only from the injected {@link Clock}. Not thread-safe: one thread drives it.
 */
public final class Engine {

	/** sec's SECEVENT_INT_CONTEXT, the context that exists while an internal event is processed. */
	public static final String INTERNAL_EVENT_CONTEXT_NAME = "SEC_INTERNAL_EVENT";

	private final EngineState state;
	private final EngineServices services;
	private final RuleIndex rules = new RuleIndex();
	private final SignalQueue signals;
	private final ContextStore contexts;
	private final ContextEvaluator evaluator;
	private final Operations operations;
	private final ActionExecutor actions;
	private final SnapshotBuilder snapshots;
	private final RuleEvaluation ruleEvaluation;
	/** The rule families by kind: adding a rule kind adds its family here. */
	private final Map<RuleKind, RuleFamily> families = new EnumMap<>(RuleKind.class);
	private boolean useLiteralIndex = true;

	public Engine(List<LoadedRuleFile> files, SecOptions options, Clock clock, SecLog log, PrintStream stdout) {
		int bufsize = options.bufsize() == 0 ? bufsizeFor(files) : options.bufsize();
		this.state = new EngineState(options, clock, bufsize);
		this.services = new EngineServices(options, clock, log, stdout);
		this.signals = new SignalQueue(log);
		ActionRunner runner = this::runActions; // contexts and operations are made before the executor
		this.contexts = new ContextStore(state, services, runner);
		this.evaluator = new ContextEvaluator(state, services, contexts);
		this.operations = new Operations(state, services, runner, rules);
		this.actions = new ActionExecutor(state, services, contexts, operations, signals);
		this.snapshots = new SnapshotBuilder(state, services, rules);
		PatternMatcher patterns = new PatternMatcher(state, services);
		RuleEvaluation eval = new RuleEvaluation(state, services, patterns, evaluator);
		this.ruleEvaluation = eval;
		RuleFamily single = new SingleRules(services, eval, operations, actions, contexts);
		RuleFamily thresholds = new ThresholdRules(services, eval, operations, actions);
		RuleFamily pairs = new PairRules(state, services, eval, patterns, operations, actions);
		RuleFamily groups = new EventGroupRules(services, eval, patterns, operations, actions);
		families.put(RuleKind.SINGLE, single);
		families.put(RuleKind.SUPPRESS, single);
		families.put(RuleKind.SINGLE_WITH_SCRIPT, single);
		families.put(RuleKind.SINGLE_WITH_SUPPRESS, single);
		families.put(RuleKind.SINGLE_WITH_THRESHOLD, thresholds);
		families.put(RuleKind.SINGLE_WITH_2_THRESHOLDS, thresholds);
		families.put(RuleKind.PAIR, pairs);
		families.put(RuleKind.PAIR_WITH_WINDOW, pairs);
		families.put(RuleKind.EVENT_GROUP, groups);
		families.put(RuleKind.JUMP, new JumpRules(services, eval, rules, this::processRules));
		families.put(RuleKind.CALENDAR, (file, rule, index, trace) -> index + 1); // runs from the timers only
		families.forEach(operations::expiresWith);
		rules.rebuild(files, state.calendar);
	}

	private int runActions(List<org.sec.engine.action.Action> list, String desc) {
		return actions.execute(list, desc);
	}

	/**
	 * SIGABRT (check_signals L13165): the rules become {@code newFiles}; operations started
	 * by the rules of {@code endedFiles} (read again or gone) end. Contexts, variables,
	 * pending events and the other operations stay.
	 */
	public void replaceRules(List<LoadedRuleFile> newFiles, Collection<String> endedFiles) {
		endedFiles.forEach(operations::endOperationsOf);
		rules.rebuild(newFiles, state.calendar);
		shareStateIfNamed();
	}

	/** set_bufsize_option (L13770): without --bufsize, the most lines any pattern matches. */
	public static int bufsizeFor(List<LoadedRuleFile> files) {
		return RuleIndex.bufsizeFor(files);
	}

	// ------------------------------------------------------------------ set-up

	/** Receives what the engine does (the simulator's trace); {@link EngineListener#NONE} for nothing. */
	public void setListener(EngineListener listener) {
		services.setListener(listener);
	}

	/**
	 * Whether rules are looked up by the literals in each event ({@link LiteralIndex}, the
	 * default) or every pattern runs on every event as in sec. Results are the same; off is
	 * for comparing.
	 */
	public void setLiteralIndex(boolean on) {
		useLiteralIndex = on;
	}

	/** Whether commands, sockets, input changes and file writes run or are only reported. */
	public void setSideEffects(SideEffects policy) {
		services.sideEffects = policy;
	}

	/** Runs the rules' Perl code with {@code bridge} (the one that compiled it while loading). */
	public void setPerl(PerlBridge bridge) {
		services.perl = new PerlCode(bridge, services.log);
		shareStateIfNamed();
	}

	/** Who handles addinput/dropinput; without one those actions only log a warning. */
	public void setInputControl(InputControl control) {
		services.inputControl = control;
	}

	/** Rules whose code names %main::context_list or %main::variables get them handed over (SecInternals). */
	private void shareStateIfNamed() {
		boolean named = rules.files().stream().flatMap(f -> f.rules().stream()).flatMap(r -> r.perlCode().stream())
				.anyMatch(SecInternals::namesShared);
		services.perl.setStateSync(named ? new PerlSharedState(state) : null);
	}

	// ------------------------------------------------------------------ events

	/** True when synthetic events wait to be processed before the next input line. */
	public boolean hasSyntheticEvents() {
		return state.events.hasSynthetic();
	}

	/** A full restart keeps the queue of synthetic events (sec's @events): hands it to the new engine. */
	public void moveSyntheticEventsTo(Engine next) {
		state.events.moveSyntheticTo(next.state.events);
		services.children.moveTo(next.services.children); // %children survives a restart: reaped and read later
		next.state.linesProcessed = state.linesProcessed;
	}

	/**
	 * An engine going on in-process from this one's saved state takes over its running
	 * children (a state holds no processes), so that their output still becomes events.
	 */
	public void handChildrenTo(Engine next) {
		services.children.moveTo(next.services.children);
	}

	/** Processes the next synthetic event (sec takes these before any input line). */
	public void processNextSyntheticEvent() {
		EventQueues.Synthetic s = state.events.takeSynthetic();
		if (s != null) {
			processEvent(s.event(), InputBuffers.SYNTHETIC, s.context());
		}
	}

	/** Processes one input line from a source (file name as configured, "-" for stdin). */
	public void processInputLine(String line, String source, String internalContext) {
		state.linesProcessed++;
		processEvent(line, source, internalContext);
	}

	public long linesProcessed() {
		return state.linesProcessed;
	}

	/**
	 * internal_event (L12032): SEC_STARTUP, SEC_SHUTDOWN, ... matched at once against
	 * the main files, with the context SEC_INTERNAL_EVENT present.
	 */
	public void internalEvent(String text) {
		SecLog log = services.log;
		state.internalContextName = INTERNAL_EVENT_CONTEXT_NAME;
		log.log(SecLog.Level.INFO, "Creating SEC internal context '" + INTERNAL_EVENT_CONTEXT_NAME + "'");
		contexts.createInternal(INTERNAL_EVENT_CONTEXT_NAME);
		log.log(SecLog.Level.INFO, "Creating SEC internal event '" + text + "'");
		state.buffers.push(text, InputBuffers.SYNTHETIC);
		state.matchCache.clear();
		services.listener().lineConsumed(text, null); // an event like any other for listeners (the replay's trace)
		processMainFiles();
		state.linesProcessed++;
		log.log(SecLog.Level.INFO, "Deleting SEC internal context '" + INTERNAL_EVENT_CONTEXT_NAME + "'");
		contexts.removeInternal(INTERNAL_EVENT_CONTEXT_NAME);
		state.internalContextName = null;
	}

	private void processEvent(String line, String source, String internalContext) {
		boolean internal = services.options.intcontexts() && internalContext != null;
		if (internal) {
			state.internalContextName = internalContext;
			contexts.createInternal(internalContext);
		}
		state.buffers.push(line, source);
		state.matchCache.clear();
		services.listener().lineConsumed(line, source);
		processMainFiles();
		if (internal) {
			contexts.removeInternal(internalContext);
			state.internalContextName = null;
		}
	}

	private void processMainFiles() {
		for (RuleIndex.RuleFile file : rules.mainFiles()) {
			if (processRules(file, null)) {
				break;
			}
		}
	}

	/** process_rules: the event through the rules of one file; true when a rule returned EndMatch. */
	private boolean processRules(String file, Set<String> trace) {
		RuleIndex.RuleFile entry = rules.file(file);
		return entry != null && processRules(entry, trace);
	}

	private boolean processRules(RuleIndex.RuleFile file, Set<String> trace) {
		List<Rule> fileRules = file.rules();
		LiteralIndex literals = file.literals();
		// a listener that hears evaluations hears every rule tried, as sec tries them
		boolean skipping = useLiteralIndex && !services.hearsEvaluations();
		int i = 0;
		int n = fileRules.size();
		while (i >= 0 && i < n) {
			literals.prepare(state.buffers.lastLines(1)); // again after each rule: rewrite may change the line
			if (skipping && (i = literals.nextRuleToVisit(i)) >= n) {
				break;
			}
			Rule rule = fileRules.get(i);
			ruleEvaluation.restrictTo(useLiteralIndex ? literals : null, rule, i);
			i = families.get(rule.kind()).match(file.name(), rule, i, trace);
			if (i == -1) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code e} holds now, with {@code $N} and {@code $+{name}} taken from
	 * {@code vars} first (a breakpoint condition).
	 */
	public boolean holds(ContextExpression e, Map<String, String> vars) {
		return evaluator.holds(e, vars);
	}

	/** The engine's state now: operations, contexts, variables, pending events, rule usage. */
	public EngineSnapshot snapshot() {
		return snapshots.build();
	}

	/** The whole correlation state as versioned JSON (see {@link StateFile}), with the main loop's last process_lists time. Between events only. */
	public String saveState(long listsProcessedAt) {
		return StateFile.write(state, services.now(), listsProcessedAt);
	}

	/**
	 * Replaces the correlation state with a saved one; operations of rules that changed or
	 * are gone end (logged). On a problem the state stays as it was. Returns the saved
	 * main loop's last process_lists time.
	 */
	public long restoreState(String json) throws org.sec.engine.api.StateException {
		return StateFile.read(json, state, rules, services.log);
	}

	// ------------------------------------------------------------------ timers

	/** process_lists: contexts, due events, Calendar rules, operation windows. */
	public void processLists() {
		contexts.expireStale();
		state.events.releaseDue(services.now(), services.log);
		services.sockets.check(); // connections being made and ones the peer closed (L9878)
		runCalendar();
		operations.expireAll(services.now());
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
		long now = services.now();
		if (state.events.hasSynthetic()) {
			return now;
		}
		if (hasChildren() || services.sockets.anyOpen()) {
			return now + 1;
		}
		long due = Math.min(contexts.nextExpiry(), state.events.earliestDue());
		due = Math.min(due, operations.nextExpiry());
		if (!state.calendar.isEmpty()) {
			due = Math.min(due, state.calendar.nextDue(services.localTime(now), now));
		}
		return due;
	}

	private void runCalendar() {
		if (state.calendar.isEmpty()) {
			return;
		}
		long now = services.now();
		state.calendar.run(services.localTime(now), services.localTime(now + 86400), evaluator::evaluate, rule -> {
			ruleEvaluation.countMatch(rule, Map.of());
			actions.execute(rule.actions(ActionField.ACTION), rule.desc());
		});
	}

	// ------------------------------------------------------------------ signals and output

	/** The INT signals taken with the last {@link #takeSignals()}. */
	public int takenIntSignals() {
		return signals.takenIntSignals();
	}

	/** Takes the signals raised (by sigemul or for real) since the last call. */
	public Set<Signal> takeSignals() {
		return signals.takeSignals();
	}

	/** A real signal, queued like sigemul's for the next check_signals. */
	public void raise(Signal signal) {
		signals.raise(signal);
	}

	/** Flushes buffered output (stdout and files). */
	public void flush() {
		services.outputFiles.flush();
	}

	/** USR2: output files are closed and reopened on their next write. */
	public void closeOutputs() {
		services.sockets.closeAll();
		services.outputFiles.closeAll();
	}

	public void close() {
		closeOutputs();
	}

	// ------------------------------------------------------------------ children

	/**
	 * check_children: spawned output becomes synthetic events; exited scripts run their
	 * actions. True when some child gave output.
	 */
	public boolean checkChildren() {
		if (services.children.isEmpty()) {
			return false;
		}
		return services.children.check(!state.events.hasSynthetic(), state.events::addSynthetic);
	}

	/** Commands without piped input share the process's stdin, as sec's forked children do. */
	public void childrenShareStdin(boolean on) {
		services.children.inheritStdin(on);
	}

	/** exec_cmd with an argument list: a child without a shell, its output not collected. */
	public void execCommand(List<String> argv) {
		actions.run(argv, false, null, null);
	}

	/** child_cleanup (L13371): SIGTERM to every child still running, each one logged. */
	public void childCleanup() {
		services.children.terminateAll();
	}

	public boolean hasChildren() {
		return !services.children.isEmpty();
	}

	/** Waits for running children to finish (virtual-clock replays), at most {@code millis}. */
	public void awaitChildren(long millis) {
		services.children.awaitAll(millis);
	}
}

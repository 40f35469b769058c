package org.sec.engine.api;

import java.io.PrintStream;

import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.runtime.Engine;

/**
 * The engine as clients drive it: feed lines, let time pass, read what the rules wrote.
 * Time is whatever the {@link Clock} says, so a simulator or test decides when timers
 * fire. Not thread-safe.
 */
public final class SecEngine {

	private Engine engine;
	private boolean literalIndex = true;
	private final SecOptions settings;
	private final PrintStream out;
	private final SecLog log;
	private java.util.function.Supplier<RuleSet> reloader;
	private java.util.function.UnaryOperator<RuleSet> softReloader;
	/** The rules running now (soft restarts keep the unchanged files of it). */
	private RuleSet rules;
	private org.sec.engine.api.InputControl inputControl;
	private final Clock clock;
	private final int cleantime;
	private final boolean intevents;
	private long lastCleanup;
	private boolean terminate;
	private java.util.function.Consumer<EngineSnapshot> dumpHandler;
	private EngineListener listener = EngineListener.NONE;
	private SideEffects sideEffects = SideEffects.ALLOW;

	private SecEngine(Engine engine, Clock clock, SecOptions settings, PrintStream out, SecLog log) {
		this.engine = engine;
		this.settings = settings;
		this.out = out;
		this.log = log;
		this.clock = clock;
		this.cleantime = settings.cleantime();
		this.intevents = settings.intevents();
	}

	/**
	 * Creates an engine for loaded rules. Runs sec's start-up timer pass (Calendar rules
	 * may fire at once).
	 *
	 * @param out where "write -" and report/pipe without a command go
	 * @param log sec's log (--log), may log nowhere
	 */
	public static SecEngine start(RuleSet rules, SecOptions settings, Clock clock, PrintStream out, SecLog log) {
		return start(rules, settings, clock, out, log, EngineListener.NONE, SideEffects.ALLOW);
	}

	/**
	 * Like {@link #start(RuleSet, SecOptions, Clock, PrintStream, SecLog)}, reporting to
	 * {@code listener} from the first start-up event on, with actions that reach outside
	 * the engine run or only reported as {@code sideEffects} says.
	 */
	public static SecEngine start(RuleSet rules, SecOptions settings, Clock clock, PrintStream out, SecLog log,
			EngineListener listener, SideEffects sideEffects) {
		return start(rules, settings, clock, out, log, listener, sideEffects, null);
	}

	/**
	 * Like the others, with the inputs' control in place before SEC_STARTUP, so that its
	 * addinput actions open their files as in sec (which opens inputs before start-up).
	 */
	public static SecEngine start(RuleSet rules, SecOptions settings, Clock clock, PrintStream out, SecLog log,
			EngineListener listener, SideEffects sideEffects, org.sec.engine.api.InputControl inputControl) {
		try {
			return start(rules, settings, clock, out, log, listener, sideEffects, inputControl, null);
		} catch (StateException e) {
			throw new IllegalStateException("no state was given", e);
		}
	}

	/**
	 * Like the others, continuing from a state {@link #saveState saved} earlier: it is
	 * restored before SEC_STARTUP, so start-up rules see the contexts they left. Null: no state.
	 *
	 * @throws StateException when the state cannot be read (nothing was started)
	 */
	public static SecEngine start(RuleSet rules, SecOptions settings, Clock clock, PrintStream out, SecLog log,
			EngineListener listener, SideEffects sideEffects, org.sec.engine.api.InputControl inputControl,
			String savedState) throws StateException {
		Engine engine = newEngine(rules, settings, clock, out, log);
		if (savedState != null) {
			engine.restoreState(savedState);
		}
		engine.setListener(listener);
		engine.setSideEffects(sideEffects);
		SecEngine e = new SecEngine(engine, clock, settings, out, log);
		e.rules = rules;
		e.listener = listener;
		e.sideEffects = sideEffects;
		if (inputControl != null) {
			e.setInputControl(inputControl);
		}
		if (settings.intevents()) {
			engine.internalEvent("SEC_STARTUP");
			e.handleSignals();
		}
		engine.processLists();
		e.lastCleanup = clock.nowSeconds();
		e.drainSyntheticEvents();
		return e;
	}

	private static Engine newEngine(RuleSet rules, SecOptions settings, Clock clock, PrintStream out, SecLog log) {
		Engine engine = new Engine(rules.files(), settings, clock, log, out);
		engine.setPerl(rules.perl());
		return engine;
	}

	/** How to read the rule files again on SIGHUP; without it a HUP only logs a warning. */
	public void setReloader(java.util.function.Supplier<RuleSet> reloader) {
		this.reloader = reloader;
	}

	/**
	 * SIGHUP (check_signals L13081): SEC_PRE_RESTART, outputs closed, commands stopped,
	 * operations, contexts, variables and pending events dropped, rules read again,
	 * SEC_RESTART. Queued synthetic events survive, as in sec.
	 */
	/**
	 * How to read the rule files again on SIGABRT: from the running rules to the new ones,
	 * reading only new and changed files (see {@link RuleSet#softReload}); without it an
	 * ABRT only logs a warning.
	 */
	public void setSoftReloader(java.util.function.UnaryOperator<RuleSet> softReloader) {
		this.softReloader = softReloader;
	}

	/** Does what SIGABRT does. */
	public void softRestart() {
		doSoftRestart();
		drainSyntheticEvents();
	}

	/**
	 * SIGABRT (check_signals L13165): SEC_PRE_SOFTRESTART, outputs closed, new and changed
	 * rule files read, operations of changed and removed files ended, SEC_SOFTRESTART.
	 * Contexts, variables, pending events and child processes stay.
	 */
	private void doSoftRestart() {
		if (softReloader == null) {
			log.log(SecLog.Level.WARN, "SIGABRT received, but this engine cannot read its rules again");
			return;
		}
		log.log(SecLog.Level.NOTICE, "SIGABRT received: soft restart of SEC");
		if (intevents) {
			engine.internalEvent("SEC_PRE_SOFTRESTART");
		}
		engine.closeOutputs();
		log.reopen();
		rules = softReloader.apply(rules);
		engine.replaceRules(rules.files(), rules.changedFiles());
		if (inputControl != null) {
			inputControl.reopenInputs(true);
		}
		if (intevents) {
			engine.internalEvent("SEC_SOFTRESTART");
		}
	}

	/** Does what SIGHUP does. */
	public void restart() {
		fullRestart();
		drainSyntheticEvents();
	}

	private void fullRestart() {
		if (reloader == null) {
			log.log(SecLog.Level.WARN, "SIGHUP received, but this engine cannot read its rules again");
			return;
		}
		log.log(SecLog.Level.NOTICE, "SIGHUP received: full restart of SEC");
		if (intevents) {
			engine.internalEvent("SEC_PRE_RESTART");
		}
		engine.closeOutputs();
		if (childterm) {
			engine.childCleanup();
		}
		log.reopen();
		rules = reloader.get();
		Engine next = newEngine(rules, settings, clock, out, log);
		next.setListener(listener);
		next.setSideEffects(sideEffects);
		next.setLiteralIndex(literalIndex);
		next.childrenShareStdin(shareStdin);
		engine.moveSyntheticEventsTo(next);
		engine = next;
		if (inputControl != null) {
			engine.setInputControl(inputControl);
			inputControl.reopenInputs(false);
		}
		if (intevents) {
			engine.internalEvent("SEC_RESTART");
		}
	}

	/** Processes one input line, then the synthetic events it caused, then timers if due. */
	public void processLine(String line, String source, String internalContext) {
		engine.checkChildren();
		engine.processInputLine(line, source, internalContext);
		handleSignals();
		timersIfDue();
		drainSyntheticEvents();
	}

	/** True once a TERM signal (sigemul TERM) asked sec to stop. */
	public boolean terminationRequested() {
		return terminate;
	}

	private void handleSignals() {
		java.util.Set<Signal> taken = engine.takeSignals();
		if (taken.isEmpty()) {
			return;
		}
		for (Signal signal : taken) {
			switch (signal) {
			case TERM -> {
				log.log(SecLog.Level.NOTICE, "SIGTERM received: shutting down SEC");
				terminate = true;
			}
			case HUP -> fullRestart();
			case ABRT -> doSoftRestart();
			case USR1 -> {
				log.log(SecLog.Level.NOTICE, "SIGUSR1 received: dumping performance and debug data");
				dump();
			}
			case USR2 -> reopenOutputs();
			case INT -> log.stepDebugLevel(engine.takenIntSignals());
			}
		}
	}

	/**
	 * SIGUSR2 (check_signals L13246): SEC_PRE_LOGROTATE, outputs closed (reopened on their
	 * next write), the log file reopened, SEC_LOGROTATE.
	 */
	private void reopenOutputs() {
		log.log(SecLog.Level.NOTICE, "SIGUSR2 received: closing outputs and restarting logging");
		if (intevents) {
			engine.internalEvent("SEC_PRE_LOGROTATE");
		}
		engine.closeOutputs();
		log.reopen();
		if (intevents) {
			engine.internalEvent("SEC_LOGROTATE");
		}
	}

	/** A signal that arrived from outside (kill), handled with the next check_signals as sigemul's are. */
	public void raise(Signal signal) {
		engine.raise(signal);
	}

	/** Commands without piped input share the process's stdin, as sec's forked children do (jsec). */
	public void setChildrenShareStdin(boolean on) {
		engine.childrenShareStdin(on);
		this.shareStdin = on;
	}

	private boolean shareStdin;

	/** Whether children get SIGTERM on restarts and at exit (--childterm, sec's default). */
	public void setChildterm(boolean on) {
		this.childterm = on;
	}

	private boolean childterm = true;

	/**
	 * One pass of check_children (L12187): spawned commands' output becomes synthetic events
	 * (only while none waits), exited ones are reaped. True when some child gave output.
	 */
	public boolean checkChildren() {
		return engine.checkChildren();
	}

	/** True while synthetic events wait (sec's @events, taken before any input line). */
	public boolean hasSyntheticEvents() {
		return engine.hasSyntheticEvents();
	}

	/** Processes the next synthetic event and nothing else (one main-loop iteration's event). */
	public void processSyntheticEvent() {
		engine.processNextSyntheticEvent();
	}

	/** Processes one input line and nothing else (one main-loop iteration's event). */
	public void processInput(String line, String source, String internalContext) {
		engine.processInputLine(line, source, internalContext);
	}

	/** The end of a main-loop iteration (L14209): process_lists when --cleantime has passed, then check_signals. */
	public void endOfIteration() {
		timersIfDue();
		handleSignals();
	}

	/** exec_cmd with an argument list (no shell), as one of sec's children: the --timeout-script. */
	public void execCommand(java.util.List<String> argv) {
		engine.execCommand(argv);
	}

	/**
	 * sec's exit (L14187, L13301): SEC_SHUTDOWN with --intevents, then with --childterm a
	 * wait of TERMTIMEOUT seconds (only after SEC_SHUTDOWN) and SIGTERM to every child.
	 */
	public void exit() {
		if (intevents) {
			engine.internalEvent("SEC_SHUTDOWN");
			if (childterm) {
				try {
					Thread.sleep(TERMTIMEOUT_MILLIS);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}
		engine.flush();
		if (childterm) {
			engine.childCleanup();
		}
		engine.close();
	}

	private static final long TERMTIMEOUT_MILLIS = 3000;

	/**
	 * What sec's main loop does when it finds no input: run the timer pass if
	 * --cleantime seconds have passed since the last one, then process the synthetic
	 * events that it queued.
	 */
	public void tick() {
		engine.checkChildren();
		timersIfDue();
		drainSyntheticEvents();
	}

	/**
	 * For replays on a virtual clock: waits (at most {@code maxMillis} of real time) until
	 * started commands have exited, and processes what they wrote and caused.
	 */
	public void settleChildren(long maxMillis) {
		long end = System.currentTimeMillis() + maxMillis;
		while (engine.hasChildren() && System.currentTimeMillis() < end) {
			engine.awaitChildren(Math.max(1, end - System.currentTimeMillis()));
			engine.checkChildren();
			drainSyntheticEvents();
		}
	}

	/** The end of one main-loop iteration: process_lists when --cleantime has passed (L14211). */
	private void timersIfDue() {
		long now = clock.nowSeconds();
		if (now - lastCleanup >= cleantime) {
			engine.processLists();
			lastCleanup = now;
		}
	}

	/** Processes queued synthetic events (created by event actions) until none is left. */
	public void drainSyntheticEvents() {
		while (engine.hasSyntheticEvents() && !terminate) {
			engine.processNextSyntheticEvent();
			handleSignals();
			timersIfDue();
			engine.checkChildren();
		}
	}

	/**
	 * The end of input in --notail mode (L14187): SEC_SHUTDOWN with --intevents; the
	 * synthetic events it creates are dropped, as sec exits right after it.
	 */
	public void shutdown() {
		if (intevents) {
			engine.internalEvent("SEC_SHUTDOWN");
		}
		engine.close();
	}

	/**
	 * Whether the context expression {@code expression} (as a rule's context field takes it,
	 * without the {@code [...]}) holds now; {@code $N} and {@code $+{name}} are replaced from
	 * {@code matchVariables} (keys "1", "name") first. Used for breakpoint conditions.
	 *
	 * @throws IllegalArgumentException with sec's reason when the expression does not parse
	 */
	public boolean contextHolds(String expression, java.util.Map<String, String> matchVariables) {
		return engine.holds(parseContext(expression), matchVariables);
	}

	/**
	 * Checks a context expression as sec checks a rule's context field.
	 *
	 * @throws IllegalArgumentException sec's "Invalid context expression ' ... '" (and its detail) when it does not parse
	 */
	public static void checkContextExpression(String expression) {
		parseContext(expression);
	}

	private static org.sec.engine.context.ContextExpression parseContext(String expression) {
		java.util.List<org.sec.engine.config.ConfigDiagnostic.Problem> problems = new java.util.ArrayList<>();
		org.sec.engine.context.ContextExpression e = org.sec.engine.context.ContextExpressionParser.parse(expression,
				problems);
		if (e == null) {
			java.util.List<String> messages = new java.util.ArrayList<>();
			messages.add("Invalid context expression ' " + expression + " '"); // sec's wording, RuleLoader
			problems.forEach(p -> messages.add(p.message()));
			throw new IllegalArgumentException(String.join("; ", messages));
		}
		return e;
	}

	/**
	 * The earliest virtual second at which {@link #tick()} may do anything: a context's
	 * lifetime or an operation's window ends, a delayed event is due, a Calendar rule may
	 * run, or children and sockets need watching (the next second). Long.MAX_VALUE when
	 * nothing is due. With --cleantime above 1 the next second, because lists are processed
	 * on a schedule of their own that skipped seconds would shift. A driver on a virtual
	 * clock may skip the seconds before it that have no input.
	 */
	public long nextScheduledTime() {
		long now = clock.nowSeconds();
		if (cleantime > 1) {
			return now + 1;
		}
		return engine.nextDueTime();
	}

	/**
	 * The whole correlation state as versioned JSON: contexts, operations of every rule kind,
	 * action-list variables, synthetic and delayed events, the match cache, input buffers and
	 * Calendar bookkeeping. What Perl code in the rules keeps in its own variables is not part
	 * of it ({@link #usesPerlCode()} tells whether the rules have any). Call between events.
	 */
	public String saveState() {
		return engine.saveState(lastCleanup);
	}

	/** {@link #saveState()} to a stream, as UTF-8. */
	public void saveState(java.io.OutputStream out) throws java.io.IOException {
		out.write(saveState().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		out.flush();
	}

	/**
	 * Replaces the correlation state with a saved one. Operations of rules that changed or
	 * are gone since (by file, rule number and a hash of the rule's text) end silently, as a
	 * soft restart ends them, and the log says how many. On a problem nothing changes.
	 */
	public void restoreState(java.io.InputStream in) throws java.io.IOException {
		lastCleanup = engine.restoreState(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * An engine that goes on from a saved state as if it had never stopped: no SEC_STARTUP
	 * and no start-up timer pass (the saved engine ran them). Replays use it to rewind to a
	 * saved state; the round-trip tests use it to prove a state holds everything. The
	 * children this engine runs go on under the new one (their output becomes its events).
	 */
	public SecEngine resumeFromState(String savedState) throws StateException {
		SecEngine next = resume(rules, settings, clock, out, log, listener, sideEffects, savedState);
		next.childterm = childterm;
		next.useLiteralIndex(literalIndex);
		engine.handChildrenTo(next.engine);
		next.reloader = reloader;
		next.softReloader = softReloader;
		next.dumpHandler = dumpHandler;
		if (inputControl != null) {
			next.setInputControl(inputControl);
		}
		return next;
	}

	/**
	 * The engine of {@link #resumeFromState(String)}, from nothing but the rules and a state
	 * (no children to take over).
	 */
	public static SecEngine resume(RuleSet rules, SecOptions settings, Clock clock, PrintStream out, SecLog log,
			EngineListener listener, SideEffects sideEffects, String savedState) throws StateException {
		Engine engine = newEngine(rules, settings, clock, out, log);
		engine.setListener(listener);
		engine.setSideEffects(sideEffects);
		SecEngine e = new SecEngine(engine, clock, settings, out, log);
		e.rules = rules;
		e.listener = listener;
		e.sideEffects = sideEffects;
		e.lastCleanup = engine.restoreState(savedState);
		return e;
	}

	/** True when some rule runs Perl code (PerlFunc, eval, call, lcall, context code), whose own variables a saved state does not hold. */
	public boolean usesPerlCode() {
		return rules.files().stream().flatMap(f -> f.rules().stream()).anyMatch(r -> !r.perlCode().isEmpty());
	}

	/** The engine's state now (operations, contexts, variables, pending events, rule usage). */
	public EngineSnapshot snapshot() {
		return engine.snapshot();
	}

	/** Who writes the dump when USR1 arrives (signal or sigemul); without one nothing is written. */
	public void setDumpHandler(java.util.function.Consumer<EngineSnapshot> handler) {
		this.dumpHandler = handler;
	}

	/** Writes a dump now, as SIGUSR1 does. */
	public void dump() {
		if (dumpHandler != null) {
			dumpHandler.accept(engine.snapshot());
		}
	}

	/**
	 * On (the default): each event is scanned once for the literals the rules' patterns
	 * require, and patterns that cannot match are not run. Off: every pattern runs on every
	 * event, as in sec. The results are the same either way; off is for comparing.
	 */
	public void useLiteralIndex(boolean on) {
		literalIndex = on;
		engine.setLiteralIndex(on);
	}

	/** Lets addinput/dropinput actions change the inputs of whoever drives this engine. */
	public void setInputControl(org.sec.engine.api.InputControl control) {
		this.inputControl = control;
		engine.setInputControl(control);
	}

	public void flush() {
		engine.flush();
	}

	/** Flushes and closes output files. */
	public void close() {
		engine.close();
	}

	public long linesProcessed() {
		return engine.linesProcessed();
	}


}

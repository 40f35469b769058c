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

	/** Settings that sec takes from its command line. */
	public record Settings(int bufsize, boolean jointbuf, boolean intevents, boolean intcontexts, int evstoresize,
			boolean quoting, int cleantime) {

		public static Settings defaults() {
			return new Settings(0, false, false, false, 0, false, 1);
		}

		public Settings withIntevents(boolean on) {
			return new Settings(bufsize, jointbuf, on, intcontexts, evstoresize, quoting, cleantime);
		}
	}

	private Engine engine;
	private final Settings settings;
	private final PrintStream out;
	private final SecLog log;
	private java.util.function.Supplier<RuleSet> reloader;
	private java.util.function.UnaryOperator<RuleSet> softReloader;
	/** The rules running now (soft restarts keep the unchanged files of it). */
	private RuleSet rules;
	private org.sec.engine.runtime.InputControl inputControl;
	private final Clock clock;
	private final int cleantime;
	private final boolean intevents;
	private long lastCleanup;
	private boolean terminate;
	private java.util.function.Consumer<EngineSnapshot> dumpHandler;
	private EngineListener listener = EngineListener.NONE;
	private SideEffects sideEffects = SideEffects.ALLOW;

	private SecEngine(Engine engine, Clock clock, Settings settings, PrintStream out, SecLog log) {
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
	public static SecEngine start(RuleSet rules, Settings settings, Clock clock, PrintStream out, SecLog log) {
		return start(rules, settings, clock, out, log, EngineListener.NONE, SideEffects.ALLOW);
	}

	/**
	 * Like {@link #start(RuleSet, Settings, Clock, PrintStream, SecLog)}, reporting to
	 * {@code listener} from the first start-up event on, with actions that reach outside
	 * the engine run or only reported as {@code sideEffects} says.
	 */
	public static SecEngine start(RuleSet rules, Settings settings, Clock clock, PrintStream out, SecLog log,
			EngineListener listener, SideEffects sideEffects) {
		Engine engine = newEngine(rules, settings, clock, out, log);
		engine.setListener(listener);
		engine.setSideEffects(sideEffects);
		SecEngine e = new SecEngine(engine, clock, settings, out, log);
		e.rules = rules;
		e.listener = listener;
		e.sideEffects = sideEffects;
		if (settings.intevents()) {
			engine.internalEvent("SEC_STARTUP");
			e.handleSignals();
		}
		engine.processLists();
		e.lastCleanup = clock.nowSeconds();
		e.drainSyntheticEvents();
		return e;
	}

	private static Engine newEngine(RuleSet rules, Settings settings, Clock clock, PrintStream out, SecLog log) {
		Engine engine = new Engine(rules.files(), new Engine.Options(settings.bufsize(), settings.jointbuf(),
				settings.intcontexts(), settings.evstoresize(), settings.quoting()), clock, log, out);
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
		rules = softReloader.apply(rules);
		engine.replaceRules(rules.files(), rules.changedFiles());
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
		engine.terminateChildren();
		rules = reloader.get();
		Engine next = newEngine(rules, settings, clock, out, log);
		next.setListener(listener);
		next.setSideEffects(sideEffects);
		engine.moveSyntheticEventsTo(next);
		engine = next;
		if (inputControl != null) {
			engine.setInputControl(inputControl);
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
		for (Engine.Signal signal : engine.takeSignals()) {
			switch (signal) {
			case TERM -> terminate = true;
			case HUP -> fullRestart();
			case ABRT -> doSoftRestart();
			case USR1 -> dump();
			case USR2 -> engine.closeOutputs();
			case INT -> log.stepDebugLevel(engine.takenIntSignals());
			}
		}
	}

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

	/** Lets addinput/dropinput actions change the inputs of whoever drives this engine. */
	public void setInputControl(org.sec.engine.runtime.InputControl control) {
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

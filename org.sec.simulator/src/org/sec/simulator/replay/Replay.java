package org.sec.simulator.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.sec.engine.action.ActionListParser;
import org.sec.engine.api.EngineListener;
import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.clock.VirtualClock;
import org.sec.simulator.trace.TraceEvent;
import org.sec.simulator.trace.TraceRecorder;

/**
 * A time-warp replay: the engine runs on a {@link VirtualClock} driven by the input's
 * times, as fast as the machine allows or at a multiple of real time. Each virtual
 * second goes as in sec's main loop under sec-scenario: first the timers of that
 * second, then that second's lines in order; output is stamped with the second in
 * which it was written (the transcript).
 * <p>
 * It can be driven step by step (one event, one second, to a time, to the next timer
 * expiry) and stops at {@link Breakpoint}s. Everything except {@link #pause()} must be
 * called from one thread.
 */
public final class Replay implements AutoCloseable {

	/** Why a step or run returned. */
	public enum Reason {
		/** The requested step is done. */
		STEPPED,
		/** A breakpoint selected an event; see {@link Stop#event()}. */
		BREAKPOINT,
		/** {@link #pause()} was called. */
		PAUSED,
		/** The requested time was reached. */
		TIME_REACHED,
		/** The input and its last second are done, or the rules asked sec to stop. */
		FINISHED,
		/**
		 * "Next expiry" found nothing to wait for: the input has ended and no context,
		 * operation or delayed event can expire. The replay stays where it is.
		 */
		NOTHING_DUE
	}

	public record Stop(Reason reason, TraceEvent event, Breakpoint breakpoint) {
	}

	/** One transcript line: the virtual second (epoch) at whose end it was written, and the text. */
	public record TranscriptLine(long second, String text) {
	}

	/**
	 * How to replay. {@code until} continues past the last line to that second; {@code zone}
	 * is the local time of Calendar rules, %t, the log and dumps (the zone the log's
	 * timestamps are read in, so that both agree).
	 */
	public record Options(SecOptions sec, SideEffects sideEffects, OptionalLong until,
			java.time.ZoneId zone) {

		/** In the default zone: $TZ, else UTC ({@link VirtualClock#defaultZone()}). */
		public Options(SecOptions sec, SideEffects sideEffects, OptionalLong until) {
			this(sec, sideEffects, until, VirtualClock.defaultZone());
		}

		public static Options defaults() {
			return new Options(SecOptions.defaults(), SideEffects.RECORD_ONLY, OptionalLong.empty());
		}

		public Options withZone(java.time.ZoneId zone) {
			return new Options(sec, sideEffects, until, zone);
		}
	}

	/** Real time a started command may take before the replay moves on. */
	private static final long CHILD_WAIT_MILLIS = 5000;
	/** Longest nap while pacing, so Pause and a new speed take effect at once. */
	private static final long PACE_NAP_MILLIS = 50;

	private final ReplaySource source;
	private final VirtualClock clock;
	private SecEngine engine;
	/** Runs after every tick and every line (the state round-trip tests), or null. */
	private Runnable afterStep;
	private final TraceRecorder trace;
	private final OptionalLong until;
	private final ByteArrayOutputStream output = new ByteArrayOutputStream();
	private final List<TranscriptLine> transcript = new ArrayList<>();
	private final List<Consumer<TranscriptLine>> outputListeners = new CopyOnWriteArrayList<>();
	private final List<Breakpoint> breakpoints = new CopyOnWriteArrayList<>();
	private final List<String> warnings = new ArrayList<>();
	private long second;
	private boolean ticked;
	private boolean finished;
	private volatile boolean pauseRequested;
	private Breakpoint extraBreakpoint;
	/** Set while {@link #stepRule()} waits inside an event. */
	private RuleStepper ruleStepper;
	private Stop hit;
	/** Set from the UI thread while a command runs (the speed field of the control view). */
	private volatile double speed;
	/** A new speed paces from the moment it is set, not from the start of the command. */
	private volatile boolean paceChanged;
	/** Where pacing started: wall nanos and the virtual second then. */
	private long paceWall;
	private long paceVirtual;
	/** Whether the last command was a chunk of play that ended on pace (the next chunk goes on from it). */
	private boolean paceContinues;
	/** Whether seconds with nothing to do are skipped (at full speed, not in Step Second). */
	private boolean skipIdle = true;
	/** The last second a running command may skip to (Run to a time). */
	private long skipLimit = Long.MAX_VALUE;
	private long secondsTicked;
	private long linesReplayed;

	private Replay(RuleSet rules, ReplaySource source, Options options, SecLog log) {
		this.source = source;
		this.until = options.until();
		this.second = source.start();
		this.clock = new VirtualClock(second, options.zone());
		this.trace = new TraceRecorder(clock::nowSeconds);
		PrintStream out = new PrintStream(output, false, StandardCharsets.ISO_8859_1);
		this.engine = SecEngine.start(rules, options.sec(), clock, out, log, trace, options.sideEffects());
	}

	/** The engine's whole correlation state now, as {@link SecEngine#saveState()} writes it. */
	public String saveState() {
		return engine.saveState();
	}

	/**
	 * Goes on in a new engine from {@code state} (saved by this replay's rules), as a jsec
	 * restarted with --state-file would, on the same clock, output and trace. Children are
	 * not part of a state: the running ones go on under the new engine.
	 */
	public void continueFromState(String state) throws org.sec.engine.api.StateException {
		engine.flush();
		engine = engine.resumeFromState(state);
	}

	/** Runs {@code hook} after every second's timers and every line (null: nothing). */
	public void afterEachStep(Runnable hook) {
		this.afterStep = hook;
	}

	private Unit stepped(Unit unit) {
		Unit result = stopIfTerminated(unit);
		if (afterStep != null && !finished) {
			afterStep.run();
		}
		return result;
	}

	/** Starts the engine at the source's first second (its start-up work is done; nothing else yet). */
	public static Replay start(RuleSet rules, ReplaySource source, Options options, SecLog log) {
		return new Replay(rules, source, options, log);
	}

	public TraceRecorder trace() {
		return trace;
	}

	/** Reads the rules again on sigemul HUP. */
	public void setReloader(java.util.function.Supplier<RuleSet> reloader) {
		engine.setReloader(reloader);
	}

	/** Reads new and changed rule files on sigemul ABRT (soft restart). */
	public void setSoftReloader(java.util.function.UnaryOperator<RuleSet> softReloader) {
		engine.setSoftReloader(softReloader);
	}

	public void addBreakpoint(Breakpoint b) {
		breakpoints.add(b);
		watchBreakpoints();
	}

	public void removeBreakpoint(Breakpoint b) {
		breakpoints.remove(b);
		watchBreakpoints();
	}

	private final java.util.function.Consumer<TraceEvent> breakpointCheck = this::checkBreakpoints;
	private boolean watching;

	/** Looks at trace events only while a breakpoint can stop the replay: without subscribers the trace costs nothing. */
	private void watchBreakpoints() {
		boolean needed = !breakpoints.isEmpty() || extraBreakpoint != null;
		if (needed && !watching) {
			trace.subscribe(breakpointCheck);
		} else if (!needed && watching) {
			trace.unsubscribe(breakpointCheck);
		}
		watching = needed;
	}

	public List<Breakpoint> breakpoints() {
		return List.copyOf(breakpoints);
	}

	/** Called with each transcript line as the second it belongs to ends. */
	public void onOutput(Consumer<TranscriptLine> listener) {
		outputListeners.add(listener);
	}

	/** 0 = as fast as possible; N = N virtual seconds per real second. */
	public double speed() {
		return speed;
	}

	public void setSpeed(double speed) {
		this.speed = Math.max(0, speed);
		paceChanged = true;
	}

	/** Asks a running {@link #run()} to stop after its current step; safe from any thread. */
	public void pause() {
		pauseRequested = true;
	}

	public long now() {
		return clock.nowSeconds();
	}

	public long startSecond() {
		return source.start();
	}

	public boolean finished() {
		return finished;
	}

	/** Virtual seconds whose timers ran; the others were skipped as idle. */
	public long secondsTicked() {
		return secondsTicked;
	}

	public long linesReplayed() {
		return linesReplayed;
	}

	/** Input lines whose timestamp was earlier than the line before them, as messages. */
	public List<String> warnings() {
		return List.copyOf(warnings);
	}

	public List<TranscriptLine> transcript() {
		return List.copyOf(transcript);
	}

	public EngineSnapshot snapshot() {
		return engine.snapshot();
	}

	public Map<EngineListener.RuleRef, Long> hitCounts() {
		return trace.hitCounts();
	}

	public long[] progress() {
		return source.progress();
	}

	/**
	 * Processes {@code line} now, as if it had arrived at the current virtual second after
	 * the lines already replayed (the timers of this second run first if they have not).
	 */
	public void inject(String line) {
		leaveEvent();
		if (finished) {
			throw new IllegalStateException("the replay has finished");
		}
		if (!ticked) {
			advance();
		}
		trace.nextInputLine(0);
		engine.processLine(line, "-", ActionListParser.FILE_EVENT_CONTEXT_PREFIX + "-");
		engine.settleChildren(CHILD_WAIT_MILLIS);
	}

	/**
	 * Processes the next input line (running the timers of the seconds before it), or finishes.
	 * Inside an event (after {@link #stepRule()}) it finishes that event.
	 */
	public Stop stepEvent() {
		Stop inside = leaveEvent();
		return inside != null ? inside : runWhile(unit -> unit != Unit.LINE, Reason.STEPPED);
	}

	/**
	 * Step Into: runs until the engine has evaluated the next rule, and stops there, inside
	 * the event: a matching rule's actions have not run yet. The stop's event is the
	 * {@link TraceEvent.Kind#RULE_EVALUATED} one (its detail says the rule and the result).
	 * When the event has no rule left, the step ends with the event, as {@link #stepEvent()}.
	 * Other commands first finish the event.
	 */
	public Stop stepRule() {
		if (finished) {
			return new Stop(Reason.FINISHED, null, null);
		}
		if (ruleStepper == null) {
			ruleStepper = new RuleStepper();
			return ruleStepper.start();
		}
		return ruleStepper.next();
	}

	/** Whether a {@link #stepRule()} stopped inside an event that has not finished yet. */
	public boolean insideEvent() {
		return ruleStepper != null;
	}

	/** A stop inside the event, as the worker hands it over (the event's end is a plain Stop). */
	private record AtRule(Stop stop) {
	}

	/** Before another command: the event a {@link #stepRule()} is inside runs to its end. */
	private Stop leaveEvent() {
		RuleStepper stepper = ruleStepper;
		return stepper == null || stepper.runsOnThisThread() ? null : stepper.finish();
	}

	/**
	 * Runs one event on a thread of its own, which waits inside the engine (in the trace
	 * callback) after each rule evaluation until told to go on. The engine is idle while
	 * it waits, so the caller may read its state; hand-offs order the memory between them.
	 */
	private final class RuleStepper {
		private final java.util.concurrent.SynchronousQueue<Object> toCaller = new java.util.concurrent.SynchronousQueue<>();
		private final java.util.concurrent.Semaphore goOn = new java.util.concurrent.Semaphore(0);
		private final boolean recordedEvaluations = trace.recordsEvaluations();
		private final Consumer<TraceEvent> stopper = this::evaluated;
		private volatile boolean stopping = true;
		private Thread worker;

		Stop start() {
			trace.recordEvaluations(true);
			trace.subscribe(stopper);
			worker = new Thread(this::work, "replay rule step");
			worker.setDaemon(true);
			worker.start();
			return answer();
		}

		Stop next() {
			goOn.release();
			return answer();
		}

		/** Lets the event run to its end without stopping again. */
		Stop finish() {
			stopping = false;
			goOn.release();
			return answer();
		}

		private void work() {
			Object result;
			try {
				result = runWhile(unit -> unit != Unit.LINE, Reason.STEPPED);
			} catch (RuntimeException | Error e) {
				result = e;
			}
			handOver(result);
		}

		private void evaluated(TraceEvent e) {
			if (!stopping || e.kind() != TraceEvent.Kind.RULE_EVALUATED || Thread.currentThread() != worker) {
				return;
			}
			handOver(new AtRule(new Stop(Reason.STEPPED, e, null)));
			goOn.acquireUninterruptibly();
		}

		private void handOver(Object o) {
			try {
				toCaller.put(o);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		/** Waits for the worker's next stop; when the event is done, stepping ends. */
		private Stop answer() {
			Object o;
			try {
				o = toCaller.take();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return new Stop(Reason.PAUSED, null, null);
			}
			if (o instanceof AtRule r) {
				return r.stop();
			}
			end();
			if (o instanceof RuntimeException e) {
				throw e;
			}
			if (o instanceof Error e) {
				throw e;
			}
			return (Stop) o;
		}

		boolean runsOnThisThread() {
			return Thread.currentThread() == worker;
		}

		private void end() {
			try {
				worker.join();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			trace.unsubscribe(stopper);
			trace.recordEvaluations(recordedEvaluations);
			ruleStepper = null;
		}
	}

	/** Runs to the end of the current second (and the timers of the next one if it was over). */
	public Stop stepSecond() {
		skipIdle = false;
		try {
			return runWhile(unit -> unit != Unit.SECOND_END, Reason.STEPPED);
		} finally {
			skipIdle = true;
		}
	}

	/**
	 * As {@link #stepSecond()}, and on over the seconds after it in which nothing happens (no
	 * input, nothing due: the engine's {@link SecEngine#nextScheduledTime()}). At most
	 * {@code maxSeconds} seconds are skipped, so that a caller showing progress gets control back.
	 * Called again and again, it plays at the set speed, as {@link #run()} does.
	 */
	public Stop stepBusySecond(long maxSeconds) {
		long limit = skipLimit;
		skipLimit = Math.min(limit, saturatedAdd(now(), maxSeconds));
		try {
			return runWhile(unit -> unit != Unit.SECOND_END, Reason.STEPPED, true);
		} finally {
			skipLimit = limit;
		}
	}

	/** Runs until virtual time {@code epochSecond} has come and its timers ran. */
	public Stop runTo(long epochSecond) {
		if (now() >= epochSecond && ticked) {
			return new Stop(Reason.TIME_REACHED, null, null);
		}
		long limit = skipLimit;
		skipLimit = Math.min(limit, epochSecond);
		try {
			return runWhile(unit -> !(unit == Unit.TICK && now() >= epochSecond), Reason.TIME_REACHED);
		} finally {
			skipLimit = limit;
		}
	}

	/**
	 * Run to Line: runs until the rule of {@code file} that starts at {@code ruleLine} matches
	 * (a one-shot breakpoint), the end, another breakpoint or a pause.
	 */
	public Stop runToRule(String file, int ruleLine) {
		extraBreakpoint = Breakpoint.ruleMatched(file, ruleLine);
		watchBreakpoints();
		try {
			return runWhile(unit -> true, Reason.FINISHED);
		} finally {
			extraBreakpoint = null;
			watchBreakpoints();
		}
	}

	/** Runs until the next operation window closes or context expires. */
	public Stop runToNextExpiry() {
		if (!finished && source.peek() == null && !anythingDue()) {
			return new Stop(Reason.NOTHING_DUE, null, null);
		}
		extraBreakpoint = Breakpoint.timerExpiry();
		watchBreakpoints();
		try {
			return runWhile(unit -> !(unit == Unit.SECOND_END && source.peek() == null && !anythingDue()),
					Reason.NOTHING_DUE);
		} finally {
			extraBreakpoint = null;
			watchBreakpoints();
		}
	}

	/** Whether a context, an operation or a delayed event can still expire or fire. */
	private boolean anythingDue() {
		EngineSnapshot s = engine.snapshot();
		return s.contexts().stream().anyMatch(c -> c.lifetime() > 0)
				|| s.operations().stream().anyMatch(o -> o.windowEnd() >= 0) || !s.pendingEvents().isEmpty();
	}

	/** Runs to the end, a breakpoint or a pause. */
	public Stop run() {
		return runWhile(unit -> true, Reason.FINISHED);
	}

	private enum Unit {
		TICK, LINE, SECOND_END, DONE
	}

	private Stop runWhile(java.util.function.Predicate<Unit> goOn, Reason reasonWhenStopped) {
		return runWhile(goOn, reasonWhenStopped, false);
	}

	/**
	 * Advances unit by unit while {@code goOn} holds. At a set speed each second's end waits
	 * for the wall clock. A {@code chunkOfPlay} (the UI plays in chunks of a second, to show
	 * progress) also waits at the second it stops at, and the next chunk keeps the pace of
	 * the one before instead of starting it anew.
	 */
	private Stop runWhile(java.util.function.Predicate<Unit> goOn, Reason reasonWhenStopped, boolean chunkOfPlay) {
		Stop inside = leaveEvent();
		if (inside != null && (inside.reason() == Reason.BREAKPOINT || finished)) {
			return inside;
		}
		pauseRequested = false;
		hit = null;
		if (!(chunkOfPlay && paceContinues) || paceChanged) {
			anchorPace();
		}
		paceContinues = false;
		while (!finished) {
			Unit unit = advance();
			if (hit != null) {
				Stop s = hit;
				hit = null;
				return s;
			}
			if (unit == Unit.DONE) {
				break;
			}
			boolean goesOn = goOn.test(unit);
			if (!goesOn && !(chunkOfPlay && unit == Unit.SECOND_END)) {
				return new Stop(reasonWhenStopped, null, null);
			}
			if (pauseRequested) {
				pauseRequested = false;
				return new Stop(Reason.PAUSED, null, null);
			}
			if (speed > 0 && unit == Unit.SECOND_END) {
				if (paceChanged) {
					anchorPace();
				}
				keepPace();
			}
			if (!goesOn) {
				paceContinues = true;
				return new Stop(reasonWhenStopped, null, null);
			}
		}
		return new Stop(Reason.FINISHED, null, null);
	}

	private void anchorPace() {
		paceChanged = false;
		paceWall = System.nanoTime();
		paceVirtual = now();
	}

	/** Waits until the wall clock catches up with the virtual one, in short naps a pause or a new speed ends. */
	private void keepPace() {
		double pace = speed;
		if (pace <= 0) {
			return;
		}
		long due = paceWall + (long) ((now() - paceVirtual) * 1e9 / pace);
		long wait;
		while ((wait = due - System.nanoTime()) > 0 && !pauseRequested && !paceChanged) {
			try {
				Thread.sleep(Math.min(wait / 1_000_000, PACE_NAP_MILLIS), (int) (wait % 1_000_000));
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				pauseRequested = true;
			}
		}
	}

	/** One unit of work, in sec's order within a second: timers, then lines, then the end of the second. */
	private Unit advance() {
		if (finished) {
			return Unit.DONE;
		}
		if (!ticked) {
			clock.advanceTo(second);
			engine.tick();
			secondsTicked++;
			engine.settleChildren(CHILD_WAIT_MILLIS);
			ticked = true;
			return stepped(Unit.TICK);
		}
		ReplaySource.TimedLine next = source.peek();
		if (next != null && next.time() <= second) {
			source.next();
			if (next.earlierStamp().isPresent()) {
				String message = "line " + next.number() + " is stamped " + next.earlierStamp().getAsLong()
						+ ", before the line ahead of it; replayed at " + second + " (time does not go back)";
				warnings.add(message);
				trace.report(TraceEvent.Kind.CLOCK_WENT_BACKWARDS, message, Map.of());
			}
			trace.nextInputLine(next.number());
			engine.processLine(next.text(), "-", ActionListParser.FILE_EVENT_CONTEXT_PREFIX + "-");
			linesReplayed++;
			return stepped(Unit.LINE);
		}
		engine.settleChildren(CHILD_WAIT_MILLIS);
		engine.flush();
		collect(second);
		long last = until.isPresent() ? until.getAsLong()
				: source.end().isPresent() ? source.end().getAsLong() : Long.MIN_VALUE;
		if (next == null && second >= last) {
			finish();
			return Unit.DONE;
		}
		second++;
		if (skipIdle && speed <= 0) {
			second = Math.max(second, idleUntil(next, last));
		}
		ticked = false;
		return Unit.SECOND_END;
	}

	/**
	 * The next second in which something happens: the next line's, the engine's next
	 * scheduled time, the end, or the limit of the running command. The seconds before it
	 * would only tick with nothing due (replays show the same as when they are ticked).
	 */
	private long idleUntil(ReplaySource.TimedLine next, long last) {
		long until = Math.min(engine.nextScheduledTime(), skipLimit);
		until = Math.min(until, next != null ? next.time() : last);
		return until;
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
	}

	private Unit stopIfTerminated(Unit unit) {
		if (engine.terminationRequested()) {
			engine.flush();
			collect(second);
			finish();
			return Unit.DONE;
		}
		return unit;
	}

	private void finish() {
		leaveEvent();
		if (finished) {
			return;
		}
		finished = true;
		engine.shutdown();
		engine.flush();
		collect(now());
		source.close();
	}

	private void checkBreakpoints(TraceEvent e) {
		if (hit != null) {
			return;
		}
		Breakpoint extra = extraBreakpoint;
		if (extra != null && extra.selects().test(e)) {
			hit = new Stop(Reason.BREAKPOINT, e, extra);
			return;
		}
		for (Breakpoint b : breakpoints) {
			if (b.selects().test(e) && conditionHolds(b, e)) {
				hit = new Stop(Reason.BREAKPOINT, e, b);
				return;
			}
		}
	}

	/** A breakpoint's condition, evaluated now with the event's match variables ($1 is detail "$1"). */
	private boolean conditionHolds(Breakpoint b, TraceEvent e) {
		if (b.condition() == null) {
			return true;
		}
		Map<String, String> vars = new java.util.HashMap<>();
		e.detail().forEach((k, v) -> {
			if (k.startsWith("$")) {
				vars.put(k.substring(1), v);
			}
		});
		return engine.contextHolds(b.condition(), vars);
	}

	private void collect(long at) {
		if (output.size() == 0) {
			return;
		}
		String text = output.toString(StandardCharsets.ISO_8859_1);
		output.reset();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i == lines.length - 1 && lines[i].isEmpty()) {
				break;
			}
			TranscriptLine t = new TranscriptLine(at, lines[i]);
			transcript.add(t);
			for (Consumer<TranscriptLine> l : outputListeners) {
				l.accept(t);
			}
		}
	}

	@Override
	public void close() {
		finish();
	}
}

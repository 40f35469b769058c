package org.sec.lang.ui.simulation.debug;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.sec.lang.ui.simulation.ReplaySession;
import org.sec.simulator.trace.TraceEvent;

/**
 * The replay's one thread. While suspended its frames are, top first: the rule that the
 * stop is about (file and line) when there is one, and the log line being processed (or
 * the action that made a synthetic event).
 */
final class ReplayThread extends ReplayDebugElement implements IThread {

	private final ReplayDebugTarget target;

	ReplayThread(ReplayDebugTarget target) {
		super(target);
		this.target = target;
	}

	@Override
	public IStackFrame[] getStackFrames() {
		if (!isSuspended()) {
			return new IStackFrame[0];
		}
		ReplaySession.State st = target.session().state();
		TraceEvent stop = st.lastStop() == null ? null : st.lastStop().event();
		List<IStackFrame> frames = new ArrayList<>();
		List<TraceEvent> trace = target.session().trace();
		int lineAt = lineOf(trace, stop, false);
		TraceEvent line = lineAt < 0 ? null : trace.get(lineAt);
		if (stop != null && stop.detail().get("file") != null && stop.detail().get("line") != null) {
			frames.add(ReplayStackFrame.rule(this, stop, line));
		}
		if (line != null && "true".equals(line.detail().get("synthetic"))) {
			// an event made by an action: the action (in its rule), then the input line it came from
			frames.add(ReplayStackFrame.synthetic(this, line, creator(trace, lineAt, line.subject())));
			int inputAt = lineOf(trace, stop, true);
			if (inputAt >= 0) {
				frames.add(ReplayStackFrame.logLine(this, trace.get(inputAt), stop));
			}
		} else if (line != null) {
			frames.add(ReplayStackFrame.logLine(this, line, stop));
		} else if (frames.isEmpty()) {
			frames.add(ReplayStackFrame.clock(this, st.now()));
		}
		return frames.toArray(IStackFrame[]::new);
	}

	/** The input line the replay is suspended on (not a synthetic event), or null. */
	TraceEvent inputLine() {
		ReplaySession.State st = target.session().state();
		TraceEvent stop = st.lastStop() == null ? null : st.lastStop().event();
		List<TraceEvent> trace = target.session().trace();
		int at = lineOf(trace, stop, true);
		return at < 0 ? null : trace.get(at);
	}

	/** Where in {@code trace} the line (LINE_CONSUMED) the stop happened on is; only input lines if {@code input}. */
	private static int lineOf(List<TraceEvent> trace, TraceEvent stop, boolean input) {
		for (int i = trace.size() - 1; i >= 0; i--) {
			TraceEvent e = trace.get(i);
			if (e.kind() == TraceEvent.Kind.LINE_CONSUMED && (stop == null || e.lineNumber() == stop.lineNumber())
					&& !(input && "true".equals(e.detail().get("synthetic")))) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The action that made synthetic event {@code text} before index {@code at}, and the rule
	 * whose match ran it: [action, rule match], either null when not in the trace (an internal
	 * event is made by sec itself).
	 */
	private static TraceEvent[] creator(List<TraceEvent> trace, int at, String text) {
		for (int i = at - 1; i >= 0; i--) {
			TraceEvent e = trace.get(i);
			if (e.kind() == TraceEvent.Kind.ACTION_EXECUTED && e.subject().contains(text)
					&& e.subject().matches("(?s)\\s*(event|cevent|eventgroup)\\b.*")) {
				for (int j = i - 1; j >= 0; j--) {
					if (trace.get(j).kind() == TraceEvent.Kind.RULE_MATCHED) {
						return new TraceEvent[] { e, trace.get(j) };
					}
				}
				return new TraceEvent[] { e, null };
			}
		}
		return new TraceEvent[] { null, null };
	}

	ReplayDebugTarget target() {
		return target;
	}

	@Override
	public boolean hasStackFrames() {
		return isSuspended();
	}

	@Override
	public int getPriority() {
		return 0;
	}

	@Override
	public IStackFrame getTopStackFrame() {
		IStackFrame[] frames = getStackFrames();
		return frames.length == 0 ? null : frames[0];
	}

	@Override
	public String getName() {
		ReplaySession.State st = target.session().state();
		String when = java.time.Instant.ofEpochSecond(st.now()).toString();
		if (st.finished()) {
			return "Replay (finished at " + when + ")";
		}
		if (st.running()) {
			return "Replay (running, " + st.lines() + " lines)";
		}
		String why = st.lastStop() == null ? "ready" : st.lastStop().reason().name().toLowerCase(java.util.Locale.ROOT);
		return "Replay (suspended: " + why.replace('_', ' ') + ", virtual time " + when + ")";
	}

	@Override
	public IBreakpoint[] getBreakpoints() {
		return new IBreakpoint[0];
	}

	// ---- suspend, resume, step and terminate: the target's

	@Override
	public boolean canResume() {
		return target.canResume();
	}

	@Override
	public boolean canSuspend() {
		return target.canSuspend();
	}

	@Override
	public boolean isSuspended() {
		return target.isSuspended();
	}

	@Override
	public void resume() {
		target.resume();
	}

	@Override
	public void suspend() {
		target.suspend();
	}

	@Override
	public boolean canStepInto() {
		return isSuspended();
	}

	@Override
	public boolean canStepOver() {
		return isSuspended();
	}

	@Override
	public boolean canStepReturn() {
		return isSuspended();
	}

	@Override
	public boolean isStepping() {
		return target.session().isRunning();
	}

	/** F5: the next rule evaluated for this event (its result shows; a match's actions run on the next step). */
	@Override
	public void stepInto() throws DebugException {
		target.session().stepRule();
	}

	/** F6: the rest of this event, or the next event. */
	@Override
	public void stepOver() throws DebugException {
		target.session().stepEvent();
	}

	/** F7: finish this virtual second (its timers and expiries run). */
	@Override
	public void stepReturn() throws DebugException {
		target.session().stepSecond();
	}

	@Override
	public boolean canTerminate() {
		return target.canTerminate();
	}

	@Override
	public boolean isTerminated() {
		return target.isTerminated();
	}

	@Override
	public void terminate() {
		target.terminate();
	}
}

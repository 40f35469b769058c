package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.debug.core.model.IThread;
import org.sec.lang.ui.simulation.ReplaySession;
import org.sec.lang.ui.simulation.ShownReplay;
import org.sec.simulator.replay.Replay;

/**
 * A SEC replay as Eclipse debugs a program: the Debug view shows the launch, its replay
 * thread and the frames of the event being processed; Resume (F8), Suspend, Terminate,
 * Step Into (F5, the next rule evaluated for this event), Step Over (F6, the rest of this
 * event or the next one) and Step Return (F7, finish this second) drive the {@link ReplaySession}. Each launch
 * owns its target.
 */
public final class ReplayDebugTarget extends ReplayDebugElement implements IDebugTarget {

	public static final String MODEL_ID = "org.sec.lang.ui.replay";

	private final ILaunch launch;
	private final ReplaySession session;
	private final IFile log;
	private final ReplayThread thread;
	private final Runnable listener = () -> changed(session());
	private volatile boolean terminated;
	private volatile boolean wasRunning;
	private final CurrentLogLine logLine = new CurrentLogLine();
	/** The rules, for rule breakpoints (null in Run mode: no breakpoints). */
	private final org.sec.engine.rules.RuleSet rules;
	private java.util.List<org.sec.simulator.replay.Breakpoint> applied = java.util.List.of();

	/**
	 * @param rules the replay's rules in Debug mode, whose rule breakpoints (Breakpoints view,
	 *              ruler) the replay stops at, kept in step as they are added, removed,
	 *              enabled and disabled; null in Run mode
	 */
	public ReplayDebugTarget(ILaunch launch, ReplaySession session, IFile log, org.sec.engine.rules.RuleSet rules) {
		super(null);
		this.launch = launch;
		this.session = session;
		this.log = log;
		this.rules = rules;
		this.thread = new ReplayThread(this);
		session.addListener(listener);
		session.onTerminate(this::markTerminated);
		followDebugViewSelection();
		if (rules != null) {
			syncRuleBreakpoints();
			org.eclipse.debug.core.DebugPlugin.getDefault().getBreakpointManager().addBreakpointListener(this);
		}
		fireCreationEvent();
	}

	private static final java.util.concurrent.atomic.AtomicBoolean FOLLOWING = new java.util.concurrent.atomic.AtomicBoolean();

	/** The simulation views show the replay whose launch, thread or frame is selected in the Debug view. */
	private static void followDebugViewSelection() {
		if (!FOLLOWING.compareAndSet(false, true) || !org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
			return;
		}
		org.eclipse.ui.PlatformUI.getWorkbench().getDisplay().asyncExec(() -> org.eclipse.debug.ui.DebugUITools
				.getDebugContextManager().addDebugContextListener(event -> {
					if (event.getContext() instanceof org.eclipse.jface.viewers.IStructuredSelection selection) {
						Object first = selection.getFirstElement();
						Object target = first instanceof ILaunch l ? l.getDebugTarget()
								: first instanceof org.eclipse.debug.core.model.IDebugElement e ? e.getDebugTarget() : null;
						if (target instanceof ReplayDebugTarget replay) {
							org.sec.lang.ui.simulation.ShownReplay.show(replay.session);
						}
					}
				}));
	}

	/** The replay's breakpoints become the enabled ones of the Breakpoints view (rule and event breakpoints). */
	private synchronized void syncRuleBreakpoints() {
		java.util.List<org.sec.simulator.replay.Breakpoint> now;
		try {
			now = org.sec.lang.ui.simulation.ReplayLaunch.debugBreakpoints(rules);
		} catch (org.eclipse.core.runtime.CoreException e) {
			return;
		}
		session.replaceBreakpoints(applied, now);
		applied = now;
	}

	ReplaySession session() {
		return session;
	}

	/** The log (or scenario) being replayed, when it is a workspace file. */
	IFile log() {
		return log;
	}

	private void changed(ReplaySession s) {
		if (s != session || terminated) {
			return;
		}
		ReplaySession.State st = s.state();
		if (st.finished()) {
			markTerminated();
			return;
		}
		if (st.running() && !wasRunning) {
			wasRunning = true;
			thread.fireResumeEvent(DebugEvent.CLIENT_REQUEST);
			fireResumeEvent(DebugEvent.CLIENT_REQUEST);
		} else if (!st.running() && wasRunning) {
			wasRunning = false;
			int detail = st.lastStop() == null ? DebugEvent.CLIENT_REQUEST : switch (st.lastStop().reason()) {
			case BREAKPOINT -> DebugEvent.BREAKPOINT;
			case STEPPED -> DebugEvent.STEP_END;
			default -> DebugEvent.CLIENT_REQUEST;
			};
			thread.fireSuspendEvent(detail);
			fireSuspendEvent(detail);
			markLogLine();
		}
		if (st.running()) {
			onUiThread(logLine::clear);
		}
	}

	/** The log line being processed, marked in the log editor beside the rule's instruction pointer. */
	private void markLogLine() {
		org.sec.simulator.trace.TraceEvent line = thread.inputLine();
		if (line != null && log != null) {
			onUiThread(() -> logLine.show(log, (int) line.lineNumber(), line.subject()));
		}
	}

	private static void onUiThread(Runnable r) {
		if (org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
			org.eclipse.ui.PlatformUI.getWorkbench().getDisplay().asyncExec(r);
		}
	}

	/** The line of the log marked as being processed now (from 1), or -1; UI thread. */
	public int markedLogLine() {
		return logLine.markedLine();
	}

	private synchronized void markTerminated() {
		if (terminated) {
			return;
		}
		terminated = true;
		onUiThread(logLine::clear);
		session.removeListener(listener);
		org.eclipse.debug.core.DebugPlugin.getDefault().getBreakpointManager().removeBreakpointListener(this);
		thread.fireTerminateEvent();
		fireTerminateEvent();
	}

	@Override
	public IDebugTarget getDebugTarget() {
		return this;
	}

	@Override
	public ILaunch getLaunch() {
		return launch;
	}

	@Override
	public String getName() {
		return "SEC Replay " + session.name();
	}

	@Override
	public IProcess getProcess() {
		return null;
	}

	@Override
	public IThread[] getThreads() {
		return terminated ? new IThread[0] : new IThread[] { thread };
	}

	@Override
	public boolean hasThreads() {
		return !terminated;
	}

	@Override
	public boolean supportsBreakpoint(IBreakpoint breakpoint) {
		return breakpoint instanceof RuleLineBreakpoint || breakpoint instanceof ReplayEventBreakpoint;
	}

	// ---- ITerminate

	@Override
	public boolean canTerminate() {
		return !terminated;
	}

	@Override
	public boolean isTerminated() {
		return terminated;
	}

	@Override
	public void terminate() {
		session.terminate();
		markTerminated();
	}

	// ---- ISuspendResume

	@Override
	public boolean canResume() {
		return isSuspended();
	}

	@Override
	public boolean canSuspend() {
		return !terminated && session.isRunning();
	}

	@Override
	public boolean isSuspended() {
		return !terminated && !session.isRunning() && !session.state().finished();
	}

	@Override
	public void resume() {
		session.play();
	}

	@Override
	public void suspend() {
		session.pause();
	}

	/**
	 * Run to Line: resumes until the rule holding {@code line} (from 1) of {@code file}
	 * matches; false when the line is in no rule of this replay.
	 */
	public boolean runToLine(IFile file, int line) {
		if (rules == null || !isSuspended()) {
			return false;
		}
		String name = file.getFullPath().makeRelative().toString();
		for (org.sec.engine.rules.LoadedRuleFile f : rules.files()) {
			if (!f.fileName().equals(name)) {
				continue;
			}
			org.sec.engine.rules.Rule holding = f.ruleHolding(line);
			if (holding != null) {
				session.runToRule(name, holding.line());
				return true;
			}
		}
		return false;
	}

	/** Step Back: to just before the last input line, by replaying from the start. */
	public void stepBack() {
		if (session.canRewind()) {
			session.stepBack();
		}
	}

	/** Why the replay last stopped, for labels. */
	Replay.Stop lastStop() {
		return session.state().lastStop();
	}

	// ---- what a replay does not have

	@Override
	public void breakpointAdded(IBreakpoint breakpoint) {
		if (rules != null && supportsBreakpoint(breakpoint)) {
			syncRuleBreakpoints();
		}
	}

	@Override
	public void breakpointRemoved(IBreakpoint breakpoint, IMarkerDelta delta) {
		breakpointAdded(breakpoint);
	}

	@Override
	public void breakpointChanged(IBreakpoint breakpoint, IMarkerDelta delta) {
		breakpointAdded(breakpoint);
	}

	@Override
	public boolean canDisconnect() {
		return false;
	}

	@Override
	public void disconnect() throws DebugException {
		throw new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR, MODEL_ID,
				"A replay cannot be disconnected; terminate it"));
	}

	@Override
	public boolean isDisconnected() {
		return false;
	}

	@Override
	public boolean supportsStorageRetrieval() {
		return false;
	}

	@Override
	public IMemoryBlock getMemoryBlock(long startAddress, long length) throws DebugException {
		return null;
	}
}

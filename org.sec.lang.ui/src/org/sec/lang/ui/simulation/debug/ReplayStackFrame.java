package org.sec.lang.ui.simulation.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.core.model.IVariable;
import org.sec.engine.api.EngineSnapshot;
import org.sec.simulator.trace.TraceEvent;

/**
 * A frame of a suspended replay: the rule a stop is about, or the log line being
 * processed. Its variables are the event (text, virtual time, source), the match
 * variables, the action-list variables, and the contexts and operations at this moment.
 */
final class ReplayStackFrame extends ReplayDebugElement implements IStackFrame {

	private final ReplayThread thread;
	private final String name;
	private final IFile file;
	private final int line;
	private final TraceEvent event;
	private final TraceEvent lineEvent;

	private ReplayStackFrame(ReplayThread thread, String name, IFile file, int line, TraceEvent event,
			TraceEvent lineEvent) {
		super(thread.getDebugTarget());
		this.thread = thread;
		this.name = name;
		this.file = file;
		this.line = line;
		this.event = event;
		this.lineEvent = lineEvent;
	}

	/** The rule of a rule event: "ssh-login-failures.sec:15 SingleWithThreshold: repeated login failures from ...". */
	static ReplayStackFrame rule(ReplayThread thread, TraceEvent stop, TraceEvent line) {
		String path = stop.detail().get("file");
		int lineNumber = Integer.parseInt(stop.detail().get("line"));
		String label = shortName(path) + ":" + lineNumber + " " + stop.detail().getOrDefault("type", "") + ": " + stop.subject();
		if (stop.kind() == TraceEvent.Kind.RULE_EVALUATED) { // Step Into: how the evaluation went
			String result = stop.detail().getOrDefault("result", "").replace('_', ' ');
			label += " [" + (result.equals("matched") ? "matched, actions next" : result) + "]";
		}
		return new ReplayStackFrame(thread, label, workspaceFile(path), lineNumber, stop, line);
	}

	/** The input line: "sample-auth.log:3 Jan  1 00:00:05 bastion sshd[1002]: Failed password ...". */
	static ReplayStackFrame logLine(ReplayThread thread, TraceEvent line, TraceEvent stop) {
		IFile log = thread.target().log();
		String where = log != null ? log.getName() : "input";
		return new ReplayStackFrame(thread, where + ":" + line.lineNumber() + " " + line.subject(), log,
				(int) line.lineNumber(), stop != null ? stop : line, line);
	}

	/**
	 * A synthetic event and the action that made it, at the rule that ran the action:
	 * "synthetic event 'LOGIN_ALERT alice' from 'event LOGIN_ALERT $1' (ssh.sec:25)"; an
	 * internal event (SEC_STARTUP ...) says that sec made it.
	 */
	static ReplayStackFrame synthetic(ReplayThread thread, TraceEvent line, TraceEvent[] creator) {
		TraceEvent action = creator[0];
		TraceEvent rule = creator[1];
		if (action == null) {
			return new ReplayStackFrame(thread, "internal event '" + line.subject() + "' (made by sec)", null, -1, line, line);
		}
		String path = rule == null ? null : rule.detail().get("file");
		int ruleLine = rule == null ? -1 : Integer.parseInt(rule.detail().getOrDefault("line", "-1"));
		String where = path == null ? "" : " (" + shortName(path) + ":" + ruleLine + ")";
		return new ReplayStackFrame(thread, "synthetic event '" + line.subject() + "' from '" + action.subject() + "'"
				+ where, workspaceFile(path), ruleLine, line, line);
	}

	/** No event yet: the virtual clock. */
	static ReplayStackFrame clock(ReplayThread thread, long now) {
		return new ReplayStackFrame(thread, "virtual time " + java.time.Instant.ofEpochSecond(now), null, -1, null, null);
	}

	private static String shortName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static IFile workspaceFile(String path) {
		IResource r = path == null ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(path);
		return r instanceof IFile f ? f : null;
	}

	/**
	 * Where the line came from. A replayed log reaches the engine as sec's standard input
	 * ("-", as sec-scenario feeds sec), so the log's name is said beside it; a line of the log
	 * has a number (an injected line has 0, a synthetic event its cause's).
	 */
	private String source(TraceEvent line) {
		String source = line.detail().get("source");
		IFile log = thread.target().log();
		boolean fromLog = line.lineNumber() > 0 && !"true".equals(line.detail().get("synthetic"));
		if (source.equals("-") && fromLog && log != null) {
			return log.getFullPath().toString() + " (as sec's standard input, -)";
		}
		return source;
	}

	/** The file the instruction pointer goes to (a rule file or the log), or null. */
	IFile file() {
		return file;
	}

	@Override
	public IVariable[] getVariables() {
		List<IVariable> vars = new ArrayList<>();
		EngineSnapshot snapshot = thread.target().session().state().snapshot();
		if (event != null) {
			TraceEvent text = lineEvent != null ? lineEvent : event;
			vars.add(new ReplayVariable(this, "event", ReplayValue.of(this, text.subject())));
			vars.add(new ReplayVariable(this, "time", ReplayValue.of(this,
					java.time.Instant.ofEpochSecond(event.time()) + " (" + event.time() + ")")));
			if (lineEvent != null && lineEvent.detail().get("source") != null) {
				vars.add(new ReplayVariable(this, "source", ReplayValue.of(this, source(lineEvent))));
			}
			for (Map.Entry<String, String> e : event.detail().entrySet()) {
				if (e.getKey().startsWith("$")) {
					String key = e.getKey().matches("\\$[A-Za-z_]\\w*") && !e.getKey().startsWith("$_")
							? "$+{" + e.getKey().substring(1) + "}" : e.getKey();
					vars.add(new ReplayVariable(this, key, ReplayValue.of(this, e.getValue())));
				}
			}
		}
		if (snapshot != null) {
			vars.add(new ReplayVariable(this, "contexts", contexts(snapshot)));
			vars.add(new ReplayVariable(this, "operations", operations(snapshot)));
			vars.add(new ReplayVariable(this, "action-list variables", actionVariables(snapshot)));
		}
		return vars.toArray(IVariable[]::new);
	}

	private ReplayValue contexts(EngineSnapshot s) {
		List<IVariable> children = new ArrayList<>();
		for (EngineSnapshot.ContextView c : s.contexts()) {
			List<IVariable> fields = new ArrayList<>();
			String left = c.secondsLeft(s.time()) < 0 ? "infinite" : c.secondsLeft(s.time()) + " s";
			fields.add(new ReplayVariable(this, "lifetime left", ReplayValue.of(this, left)));
			fields.add(new ReplayVariable(this, "lifetime", ReplayValue.of(this, c.lifetime() == 0 ? "infinite" : c.lifetime() + " s")));
			fields.add(new ReplayVariable(this, "aliases", ReplayValue.of(this, String.join(", ", c.names()))));
			List<IVariable> events = new ArrayList<>();
			for (int i = 0; i < c.events().size(); i++) {
				events.add(new ReplayVariable(this, "[" + i + "]", ReplayValue.of(this, c.events().get(i))));
			}
			fields.add(new ReplayVariable(this, "event store", new ReplayValue(this, c.events().size() + " events", events)));
			if (c.onExpiry() != null) {
				fields.add(new ReplayVariable(this, "action on expiry", ReplayValue.of(this, c.onExpiry())));
			}
			children.add(new ReplayVariable(this, c.names().get(0), new ReplayValue(this, left + " left", fields)));
		}
		return new ReplayValue(this, children.size() + " contexts", children);
	}

	private ReplayValue operations(EngineSnapshot s) {
		List<IVariable> children = new ArrayList<>();
		for (EngineSnapshot.OperationView o : s.operations()) {
			List<IVariable> fields = new ArrayList<>();
			fields.add(new ReplayVariable(this, "rule", ReplayValue.of(this, shortName(o.file()) + ":" + o.ruleLine())));
			fields.add(new ReplayVariable(this, "type", ReplayValue.of(this, o.type())));
			fields.add(new ReplayVariable(this, "events", ReplayValue.of(this, Integer.toString(o.eventTimes().size()))));
			fields.add(new ReplayVariable(this, "window", ReplayValue.of(this, java.time.Instant.ofEpochSecond(o.windowStart())
					+ " .. " + (o.windowEnd() < 0 ? "(none)" : java.time.Instant.ofEpochSecond(o.windowEnd())))));
			for (EngineSnapshot.Detail d : o.details()) {
				fields.add(new ReplayVariable(this, d.label(), ReplayValue.of(this, d.value())));
			}
			children.add(new ReplayVariable(this, o.desc(), new ReplayValue(this, o.type() + ", "
					+ o.eventTimes().size() + " events", fields)));
		}
		return new ReplayValue(this, children.size() + " operations", children);
	}

	private ReplayValue actionVariables(EngineSnapshot s) {
		List<IVariable> children = new ArrayList<>();
		s.variables().forEach((k, v) -> {
			if (!k.startsWith(".chr")) { // %.chr0 .. %.chr255 are constants
				children.add(new ReplayVariable(this, "%" + k, ReplayValue.of(this, v == null ? "" : v)));
			}
		});
		return new ReplayValue(this, children.size() + " variables", children);
	}

	@Override
	public boolean hasVariables() {
		return true;
	}

	@Override
	public IThread getThread() {
		return thread;
	}

	@Override
	public int getLineNumber() {
		return line;
	}

	@Override
	public int getCharStart() {
		return -1;
	}

	@Override
	public int getCharEnd() {
		return -1;
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public IRegisterGroup[] getRegisterGroups() {
		return new IRegisterGroup[0];
	}

	@Override
	public boolean hasRegisterGroups() {
		return false;
	}

	// ---- stepping from a frame steps the thread

	@Override
	public boolean canStepInto() {
		return thread.canStepInto();
	}

	@Override
	public boolean canStepOver() {
		return thread.canStepOver();
	}

	@Override
	public boolean canStepReturn() {
		return thread.canStepReturn();
	}

	@Override
	public boolean isStepping() {
		return thread.isStepping();
	}

	@Override
	public void stepInto() throws org.eclipse.debug.core.DebugException {
		thread.stepInto();
	}

	@Override
	public void stepOver() throws org.eclipse.debug.core.DebugException {
		thread.stepOver();
	}

	@Override
	public void stepReturn() throws org.eclipse.debug.core.DebugException {
		thread.stepReturn();
	}

	@Override
	public boolean canResume() {
		return thread.canResume();
	}

	@Override
	public boolean canSuspend() {
		return thread.canSuspend();
	}

	@Override
	public boolean isSuspended() {
		return thread.isSuspended();
	}

	@Override
	public void resume() {
		thread.resume();
	}

	@Override
	public void suspend() {
		thread.suspend();
	}

	@Override
	public boolean canTerminate() {
		return thread.canTerminate();
	}

	@Override
	public boolean isTerminated() {
		return thread.isTerminated();
	}

	@Override
	public void terminate() {
		thread.terminate();
	}

	/** Frames of the same place are equal, so the Debug view keeps its selection across refreshes. */
	@Override
	public boolean equals(Object o) {
		return o instanceof ReplayStackFrame f && f.thread == thread && f.name.equals(name) && f.line == line;
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + line;
	}
}

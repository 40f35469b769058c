package org.sec.lang.ui.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.perl.PerlBridge;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.trace.TraceEvent;

/**
 * One launch's replay, as the workbench drives it. It only adapts
 * {@link org.sec.simulator.replay.Replay} to the workbench: every command runs as a
 * {@link Job} (one at a time, with progress and cancel), and after each step, and
 * every tenth of a second while running, listeners get a new {@link State}. Each launch
 * owns its session (its debug target holds it); {@link ShownReplay} says which one the
 * views show.
 */
public final class ReplaySession {

	/** What the views show: the virtual clock, how the last command ended, and the engine's state. */
	public record State(String name, long now, long start, boolean running, boolean finished, boolean terminated,
			Replay.Stop lastStop, long lines, EngineSnapshot snapshot) {
	}

	private static final int TRACE_LIMIT = 20_000;
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final String name;
	private volatile Replay replay;
	private final java.util.function.Consumer<TraceEvent> keeper = this::keep;
	/** Makes the same replay again from its start (Step Back, Run back); null when it cannot. */
	private volatile java.util.function.Supplier<Replay> rewind;
	/** Breakpoints given through {@link #replaceBreakpoints}, carried over to a rewound replay. */
	private final List<org.sec.simulator.replay.Breakpoint> sessionBreakpoints = new CopyOnWriteArrayList<>();
	private final PerlBridge perl;
	private final Deque<TraceEvent> trace = new ArrayDeque<>();
	private final ISchedulingRule mutex = new ISchedulingRule() {
		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}
	};
	private volatile State state;
	private volatile boolean running;
	/** Ended by the user (Terminate), not by the end of the log. */
	private volatile boolean terminated;
	/** Told once when this session is terminated. */
	private final List<Runnable> endListeners = new CopyOnWriteArrayList<>();

	public ReplaySession(String name, Replay replay, PerlBridge perl) {
		this.name = name;
		this.replay = replay;
		this.perl = perl;
		replay.trace().subscribe(keeper);
		this.state = capture(null);
	}

	/** Told (on a background thread) whenever this session changes state. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	public String name() {
		return name;
	}

	public State state() {
		return state;
	}

	/** The latest trace events, oldest first (at most 20,000). */
	public List<TraceEvent> trace() {
		synchronized (trace) {
			return new ArrayList<>(trace);
		}
	}

	/** Matches per rule so far (safe from any thread: a copy). */
	public java.util.Map<org.sec.engine.api.EngineListener.RuleRef, Long> hitCounts() {
		return replay.hitCounts();
	}

	public boolean isRunning() {
		return running;
	}

	/** Runs to the end, a breakpoint, or a pause, updating the views (and the Job's progress) as it goes. */
	public Job play() {
		return command("Replaying " + name, (r, monitor) -> {
			Replay.Stop stop;
			long shown = System.nanoTime();
			long[] size = r.progress();
			int total = size[1] > 0 ? 1000 : IProgressMonitor.UNKNOWN;
			monitor.beginTask("Replaying " + name, total);
			int done = 0;
			do {
				stop = r.stepBusySecond(3600); // idle seconds skipped, an hour at most between progress updates
				if (System.nanoTime() - shown > 100_000_000L) {
					shown = System.nanoTime();
					state = capture(stop);
					publish();
					long[] p = r.progress();
					if (p[1] > 0) {
						int now = (int) (p[0] * 1000 / p[1]);
						monitor.worked(now - done);
						done = now;
					}
					monitor.subTask(r.linesReplayed() + " lines, virtual " + java.time.Instant.ofEpochSecond(r.now()));
				}
			} while (stop.reason() == Replay.Reason.STEPPED && !r.finished() && running && !monitor.isCanceled());
			return stop;
		});
	}

	public Job stepEvent() {
		return command("Step one event", (r, m) -> r.stepEvent());
	}

	/** Step Into: the next rule evaluated for this event, stopping before a matching rule's actions. */
	public Job stepRule() {
		return command("Step into the next rule", (r, m) -> r.stepRule());
	}

	public Job stepSecond() {
		return command("Step one second", (r, m) -> r.stepSecond());
	}

	public Job nextExpiry() {
		return command("Run to the next expiry", (r, m) -> r.runToNextExpiry());
	}

	/** Run to Line: until the rule starting at {@code ruleLine} of {@code file} matches. */
	public Job runToRule(String file, int ruleLine) {
		return command("Run to " + file + ":" + ruleLine, (r, m) -> r.runToRule(file, ruleLine));
	}

	public Job runTo(long epochSecond) {
		return command("Run to " + java.time.Instant.ofEpochSecond(epochSecond), (r, m) -> r.runTo(epochSecond));
	}

	/** Stops a running command after its current step; safe from any thread. */
	public void pause() {
		running = false;
		replay.pause();
	}

	/** Virtual seconds per second, 0 for as fast as possible. */
	public double speed() {
		return replay.speed();
	}

	public void setSpeed(double virtualSecondsPerSecond) {
		replay.setSpeed(virtualSecondsPerSecond);
	}

	/** Swaps breakpoints of the running replay (its breakpoint list may change while it runs). */
	public void replaceBreakpoints(java.util.Collection<org.sec.simulator.replay.Breakpoint> old,
			java.util.Collection<org.sec.simulator.replay.Breakpoint> now) {
		Replay r = replay;
		old.forEach(r::removeBreakpoint);
		now.forEach(r::addBreakpoint);
		sessionBreakpoints.removeAll(old);
		sessionBreakpoints.addAll(now);
	}

	/** How to make this replay again from its start: enables {@link #stepBack()} and {@link #runBackTo(long)}. */
	public void setRewind(java.util.function.Supplier<Replay> rewind) {
		this.rewind = rewind;
	}

	public boolean canRewind() {
		return rewind != null;
	}

	/** Step Back: the state just before the last input line, reached by replaying from the start. */
	public Job stepBack() {
		return rewound("Step back", (fresh, old) -> {
			long lines = old.linesReplayed() - 1;
			Replay.Stop stop = new Replay.Stop(Replay.Reason.STEPPED, null, null);
			while (fresh.linesReplayed() < lines && !fresh.finished()) {
				stop = fresh.stepEvent();
			}
			return new Replay.Stop(Replay.Reason.STEPPED, stop.event(), null);
		});
	}

	/** Run back to virtual time {@code epochSecond} (before now), by replaying from the start. */
	public Job runBackTo(long epochSecond) {
		return rewound("Run back to " + java.time.Instant.ofEpochSecond(epochSecond), (fresh, old) -> {
			Replay.Stop stop;
			do {
				stop = fresh.runTo(epochSecond); // breakpoints on the way do not stop a rewind
			} while (stop.reason() == Replay.Reason.BREAKPOINT && !fresh.finished());
			return stop;
		});
	}

	private Job rewound(String title, java.util.function.BiFunction<Replay, Replay, Replay.Stop> replayTo) {
		Job job = new Job(title) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				java.util.function.Supplier<Replay> make = rewind;
				if (make == null) {
					return Status.warning("this replay cannot be replayed from its start");
				}
				running = true;
				state = capture(state.lastStop());
				publish();
				Replay old = replay;
				Replay fresh = make.get();
				synchronized (trace) {
					trace.clear();
				}
				fresh.trace().subscribe(keeper);
				Replay.Stop stop;
				try {
					stop = replayTo.apply(fresh, old);
				} finally {
					running = false;
				}
				sessionBreakpoints.forEach(fresh::addBreakpoint);
				old.trace().unsubscribe(keeper);
				replay = fresh;
				old.close();
				state = capture(stop);
				publish();
				return Status.OK_STATUS;
			}
		};
		job.setRule(mutex);
		job.schedule();
		return job;
	}

	/** Runs {@code listener} once this session is terminated. */
	public void onTerminate(Runnable listener) {
		endListeners.add(listener);
	}

	/** Ends the replay (its last second's shutdown work runs) and frees the Perl bridge. */
	public void terminate() {
		pause();
		Job end = Job.create("End replay " + name, monitor -> {
			terminated = !replay.finished();
			replay.close();
			if (perl != null) {
				perl.close();
			}
			state = capture(state.lastStop());
			publish();
			endListeners.forEach(Runnable::run);
		});
		end.setRule(mutex);
		end.setSystem(true);
		end.schedule();
	}

	private Job command(String title, java.util.function.BiFunction<Replay, IProgressMonitor, Replay.Stop> step) {
		Job job = new Job(title) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				if (replay.finished()) {
					return Status.OK_STATUS;
				}
				running = true;
				state = capture(state.lastStop());
				publish();
				Replay.Stop stop;
				try {
					stop = step.apply(replay, monitor);
				} finally {
					running = false;
				}
				state = capture(stop);
				publish();
				return Status.OK_STATUS;
			}

			@Override
			protected void canceling() {
				pause();
			}
		};
		job.setRule(mutex);
		job.setUser(false);
		job.schedule();
		return job;
	}

	private void keep(TraceEvent e) {
		synchronized (trace) {
			trace.addLast(e);
			if (trace.size() > TRACE_LIMIT) {
				trace.removeFirst();
			}
		}
	}

	private State capture(Replay.Stop stop) {
		return new State(name, replay.now(), replay.startSecond(), running, replay.finished(), terminated, stop,
				replay.linesReplayed(), replay.snapshot());
	}

	private void publish() {
		for (Runnable l : listeners) {
			l.run();
		}
	}
}

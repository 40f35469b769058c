package org.sec.lang.ui.simulation;

import java.time.Instant;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.sec.simulator.replay.Replay;

/**
 * Controls the current replay: play, pause, step one event or one second, run to a time,
 * run to the next expiry, speed; shows the virtual clock and why the replay stopped.
 */
public final class ReplayControlView extends SessionView {

	public static final String ID = "org.sec.lang.ui.replayControlView";
	private Label clock;
	private Label status;
	private Text speed;
	/** The session whose speed the field shows (a newly shown replay brings its launch's speed). */
	private ReplaySession speedOf;
	private boolean showingSpeed;

	@Override
	protected Control createContents(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(4, false));
		new Label(c, SWT.NONE).setText("Virtual time:");
		clock = new Label(c, SWT.NONE);
		clock.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		new Label(c, SWT.NONE).setText("Speed (virtual s per s, or max):");
		speed = new Text(c, SWT.BORDER);
		speed.setText("max");
		speed.setLayoutData(new GridData(80, SWT.DEFAULT));
		speed.addModifyListener(e -> applySpeed());
		status = new Label(c, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
		IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
		bar.add(action("Play", "Replay to the end or the next breakpoint", ReplaySession::play));
		bar.add(action("Pause", "Pause after the current step", s -> s.pause()));
		bar.add(action("Step event", "Process the next input line", ReplaySession::stepEvent));
		bar.add(action("Step back", "Go back to just before the last input line (replays from the start)",
				ReplaySession::stepBack));
		bar.add(action("Step second", "Finish this virtual second", ReplaySession::stepSecond));
		bar.add(action("Next expiry", "Run until a window closes or a context expires", ReplaySession::nextExpiry));
		bar.add(action("Run to...", "Run to a virtual time, forwards or back", this::askRunTo));
		bar.add(action("Terminate", "End the replay", ReplaySession::terminate));
		return speed;
	}

	private Action action(String text, String tooltip, java.util.function.Consumer<ReplaySession> command) {
		Action a = new Action(text) {
			@Override
			public void run() {
				ReplaySession s = ShownReplay.session();
				if (s != null) {
					command.accept(s);
				}
			}
		};
		a.setToolTipText(tooltip);
		return a;
	}

	private void askRunTo(ReplaySession s) {
		IInputValidator valid = t -> {
			try {
				parse(t);
				return null;
			} catch (RuntimeException e) {
				return "Give ISO-8601 (2024-01-01T00:10:00Z) or epoch seconds";
			}
		};
		InputDialog d = new InputDialog(getSite().getShell(), "Run to", "Virtual time to run to:",
				Instant.ofEpochSecond(s.state().now() + 60).toString(), valid);
		if (d.open() == Window.OK) {
			long t = parse(d.getValue());
			if (t < s.state().now() && s.canRewind()) {
				s.runBackTo(t); // earlier: replayed from the start to there
			} else {
				s.runTo(t);
			}
		}
	}

	private static long parse(String t) {
		return t.matches("\\d+") ? Long.parseLong(t) : Instant.parse(t).getEpochSecond();
	}

	private void applySpeed() {
		ReplaySession s = ShownReplay.session();
		if (s == null || showingSpeed) {
			return;
		}
		String v = speed.getText().strip();
		try {
			s.setSpeed(v.equalsIgnoreCase("max") ? 0 : Double.parseDouble(v));
		} catch (NumberFormatException e) {
			// keep the current speed until the text is a number
		}
	}

	/** The status line as users see it. */
	public String statusText() {
		return status.getText();
	}

	/** The speed field as users see it. */
	public String speedText() {
		return speed.getText();
	}

	private static String speedText(double virtualSecondsPerSecond) {
		if (virtualSecondsPerSecond <= 0) {
			return "max";
		}
		return virtualSecondsPerSecond == Math.rint(virtualSecondsPerSecond)
				? String.valueOf((long) virtualSecondsPerSecond) : String.valueOf(virtualSecondsPerSecond);
	}

	@Override
	protected void refresh(ReplaySession session) {
		if (session == null) {
			clock.setText("-");
			status.setText("No replay yet. Run a \"SEC Replay\" launch configuration (Run > Run Configurations...).");
			return;
		}
		if (session != speedOf) {
			speedOf = session;
			showingSpeed = true;
			try {
				speed.setText(speedText(session.speed()));
			} finally {
				showingSpeed = false;
			}
		}
		ReplaySession.State st = session.state();
		clock.setText(time(st.now()) + "  (+" + (st.now() - st.start()) + " s)");
		StringBuilder b = new StringBuilder(session.name()).append(": ").append(st.lines()).append(" line(s) replayed, ");
		if (st.running()) {
			b.append("running");
		} else if (st.terminated()) {
			b.append("terminated");
		} else if (st.finished()) {
			b.append("finished");
		} else if (st.lastStop() == null) {
			b.append("ready");
		} else {
			Replay.Stop stop = st.lastStop();
			b.append(switch (stop.reason()) {
			case BREAKPOINT -> "stopped at breakpoint '" + stop.breakpoint().description() + "': "
					+ stop.event().kind().name().toLowerCase() + " " + stop.event().subject();
			case PAUSED -> "paused";
			case TIME_REACHED -> "time reached";
			case STEPPED -> "stepped";
			case FINISHED -> "finished";
			case NOTHING_DUE -> "nothing is due to expire: the log has ended and no context, operation or event is"
					+ " waiting; the replay stays here (Play finishes it)";
			});
		}
		status.setText(b.toString());
		status.getParent().layout();
	}
}

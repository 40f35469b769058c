package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.ui.simulation.ReplayControlView;
import org.sec.lang.ui.simulation.ReplayLaunch;
import org.sec.lang.ui.simulation.ReplaySession;
import org.sec.lang.ui.simulation.ShownReplay;
import org.sec.lang.ui.simulation.SimulationPerspective;

/**
 * A replay of a 1,000,000-line log runs as a Job with progress while the workbench stays
 * usable: the UI thread answers requests from other threads during the replay, the
 * control view shows the count of replayed lines growing, and cancelling the Job stops
 * the replay. The UI thread's answer times are printed (a measurement, not a test).
 * <p>
 * The launch sets a speed of {@value #SPEED} virtual seconds per second (160,000 lines a
 * second, still a heavy load), so that the replay lasts over six seconds on any machine and
 * surely outlasts the probes: at full speed it ended, on a fast day, as the probes did.
 */
class LargeReplayUiTest {

	private static final int LINES = 1_000_000;
	/** Virtual seconds per real second; the log holds 20 lines a second over 50,000 seconds. */
	private static final int SPEED = 8000;

	/** auth.log lines over about 14 hours: logins, failures from a few addresses, noise. */
	private static void writeLog(Path file) throws Exception {
		String[] months = { "Jan" };
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
			for (int i = 0; i < LINES; i++) {
				int second = i / 20;
				String time = String.format("%s %2d %02d:%02d:%02d", months[0], 1 + second / 86400,
						second / 3600 % 24, second / 60 % 60, second % 60);
				String message = switch (i % 4) {
				case 0 -> "sshd[" + (1000 + i % 900) + "]: Failed password for root from 198.51.100." + (i % 50)
						+ " port " + (40000 + i % 1000) + " ssh2";
				case 1 -> "sshd[" + (1000 + i % 900) + "]: Accepted publickey for user" + (i % 30) + " from 10.0.0."
						+ (i % 200) + " port 50122 ssh2";
				default -> "CRON[" + (2000 + i % 500) + "]: pam_unix(cron:session): session opened for user root";
				};
				w.write(time + " host" + (i % 7) + " " + message + "\n");
			}
		}
	}

	@Test
	void aMillionLineReplayKeepsTheWorkbenchResponsiveAndCanBeCancelled() throws Exception {
		TestProjects.file("replay-large", "ssh-login-failures.sec", Files.readAllBytes(
				GoldenFiles.repositoryDir().resolve("examples/ssh-login-failures/ssh-login-failures.sec")));
		IProject project = TestProjects.project("replay-large");
		Path log = project.getLocation().toFile().toPath().resolve("big-auth.log");
		writeLog(log);
		project.refreshLocal(IResource.DEPTH_INFINITE, null);

		ILaunchConfigurationWorkingCopy config = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ReplayLaunch.TYPE).newInstance(null, "large replay");
		config.setAttribute(ReplayLaunch.ATTR_RULES, "/replay-large/ssh-login-failures.sec");
		config.setAttribute(ReplayLaunch.ATTR_LOG, "/replay-large/big-auth.log");
		config.setAttribute(ReplayLaunch.ATTR_YEAR, 2024);
		config.setAttribute(ReplayLaunch.ATTR_SPEED, String.valueOf(SPEED));
		config.launch(ILaunchManager.RUN_MODE, null);
		UiWait.until("the replay runs", 60_000, () -> {
			ReplaySession s = ShownReplay.session();
			return s != null && s.name().equals("large replay") && s.isRunning();
		});
		long runningSince = System.nanoTime();
		ReplaySession session = ShownReplay.session();
		Job[] replayJob = new Job[1];
		UiWait.until("the replay is a Job the Progress view shows", 10_000, () -> {
			for (Job job : Job.getJobManager().find(null)) {
				if (job.getName().equals("Replaying large replay") && job.getState() == Job.RUNNING) {
					replayJob[0] = job;
				}
			}
			return replayJob[0] != null;
		});
		UiWait.until("the simulation perspective is open", 30_000,
				() -> SimulationPerspective.ID.equals(TestProjects.page().getPerspective().getId()));
		ReplayControlView control = (ReplayControlView) TestProjects.page().showView(ReplayControlView.ID);
		UiWait.until("the control view shows the launch's speed", 10_000,
				() -> control.speedText().equals(String.valueOf(SPEED)));

		// another thread asks the UI thread for something 20 times while the replay runs
		List<Long> answerMillis = java.util.Collections.synchronizedList(new ArrayList<>());
		AtomicInteger answeredWhileRunning = new AtomicInteger();
		Display display = Display.getCurrent();
		Thread prober = new Thread(() -> {
			for (int i = 0; i < 20; i++) {
				long start = System.nanoTime();
				display.syncExec(() -> {
					if (session.isRunning()) {
						answeredWhileRunning.incrementAndGet();
					}
				});
				answerMillis.add((System.nanoTime() - start) / 1_000_000);
				try {
					Thread.sleep(50);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "ui-prober");
		prober.start();
		List<String> statuses = new ArrayList<>();
		UiWait.until("the probes are answered", 120_000, () -> {
			String status = control.statusText();
			if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
				statuses.add(status);
			}
			return !prober.isAlive();
		});
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-large-running");
		System.out.println("LargeReplayUiTest: UI thread answered 20 requests during a " + LINES
				+ "-line replay in " + answerMillis + " ms (max " + answerMillis.stream().mapToLong(Long::longValue).max()
						.orElse(-1) + " ms)");
		assertEquals(20, answeredWhileRunning.get(), "the UI thread answered while the replay ran");
		assertTrue(statuses.size() >= 3, "the control view followed the replay: " + statuses);

		assertEquals(Job.RUNNING, replayJob[0].getState(), "the replay's Job still runs after the probes");
		replayJob[0].cancel();
		UiWait.until("the cancelled replay stops", 30_000, () -> !session.isRunning());
		double seconds = (System.nanoTime() - runningSince) / 1e9;
		ReplaySession.State end = session.state();
		assertFalse(end.finished(), "cancelled before the end of the log");
		long virtualSeconds = end.now() - end.start();
		assertTrue(virtualSeconds <= SPEED * (seconds + 1), "the launch's speed held: " + virtualSeconds
				+ " virtual seconds in " + seconds + " s");
		session.terminate();
		Files.deleteIfExists(log);
	}
}

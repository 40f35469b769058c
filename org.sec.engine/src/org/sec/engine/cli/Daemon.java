package org.sec.engine.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sec.engine.log.SecLog;

/**
 * --detach (daemonize L13478). A JVM cannot fork, so jsec starts a second copy of itself
 * in a new session (setsid), in "/", with stdin, stdout and stderr on /dev/null, and waits
 * until that copy has opened its inputs and written its pid file; then the first one exits
 * 0, as sec's parent does, or with the copy's exit status when it gave up. What the copy
 * logs before it is detached reaches the first one's terminal, as sec's messages do.
 */
final class Daemon {

	/** Set in the copy's environment: the folder through which it reports back. */
	static final String CHANNEL = "JSEC_DAEMON_CHANNEL";
	/** Set when the first copy's stderr is a terminal, so that the copy echoes its log until detached. */
	static final String ECHO = "JSEC_DAEMON_ECHO";
	/** Set by bin/jsec: how to start jsec again. */
	static final String LAUNCHER = "JSEC_LAUNCHER";

	private final Path channel;
	private PrintStream echo;

	private Daemon(Path channel) {
		this.channel = channel;
	}

	/** Not detaching, or the copy that became the daemon. */
	static Daemon current() {
		String dir = System.getenv(CHANNEL);
		return new Daemon(dir == null ? null : Paths.get(dir));
	}

	/** True in the copy that was started to become the daemon. */
	boolean isDaemonCopy() {
		return channel != null;
	}

	/** Where the copy's log echo goes before it is detached: the first copy prints it. */
	PrintStream echo() {
		if (channel == null || System.getenv(ECHO) == null) {
			return null;
		}
		if (echo == null) {
			try {
				echo = new PrintStream(Files.newOutputStream(channel.resolve("stderr")), true, StandardCharsets.ISO_8859_1);
			} catch (IOException e) {
				return null;
			}
		}
		return echo;
	}

	/** The process is a daemon now: stderr is /dev/null, so nothing more is echoed. */
	void detached(SecLog log) {
		log.detachTerminal();
		log.log(SecLog.Level.DEBUG, "Daemonization complete");
	}

	/** The pid file is written: the first copy may exit. */
	void ready() {
		if (channel == null) {
			return;
		}
		try {
			Files.writeString(channel.resolve("ready"), ProcessHandle.current().pid() + "\n");
		} catch (IOException e) {
			// the first copy sees this copy run on and waits for its exit instead
		}
	}

	/** The copy ended before it was ready: its exit status is the first copy's. */
	void failed() {
		if (echo != null) {
			echo.flush();
		}
	}

	/**
	 * The first copy: starts the daemon copy and waits for it (at most while it runs).
	 *
	 * @return the exit status for the first copy
	 */
	static int spawn(List<String> arguments, boolean stderrIsTerminal, PrintStream err) {
		Path channel;
		try {
			channel = Files.createTempDirectory("jsec-detach");
		} catch (IOException e) {
			err.println("Can't fork a new process for daemonization (" + e.getMessage() + "), exiting!");
			return 1;
		}
		List<String> command = new ArrayList<>();
		if (new File("/usr/bin/setsid").canExecute()) {
			command.add("/usr/bin/setsid");
		}
		command.addAll(selfCommand());
		command.addAll(arguments);
		ProcessBuilder pb = new ProcessBuilder(command).directory(new File("/"))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
		Map<String, String> env = pb.environment();
		env.put(CHANNEL, channel.toString());
		if (stderrIsTerminal) {
			env.put(ECHO, "1");
		}
		try {
			Process p = pb.start();
			Path ready = channel.resolve("ready");
			while (!Files.exists(ready) && p.isAlive()) {
				Thread.sleep(20);
			}
			int status = Files.exists(ready) ? 0 : p.waitFor();
			Path echoed = channel.resolve("stderr");
			if (Files.exists(echoed)) {
				err.write(Files.readAllBytes(echoed));
				err.flush();
			}
			return status;
		} catch (IOException e) {
			err.println("Can't fork a new process for daemonization (" + e.getMessage() + "), exiting!");
			return 1;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		} finally {
			deleteQuietly(channel);
		}
	}

	/** How this jsec was started: bin/jsec, else this JVM's java with its class path. */
	static List<String> selfCommand() {
		String launcher = System.getenv(LAUNCHER);
		if (launcher != null && new File(launcher).canExecute()) {
			return List.of(launcher);
		}
		String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
		return List.of(java, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Jsec.class.getName());
	}

	private static void deleteQuietly(Path dir) {
		try (var files = Files.list(dir)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				Files.deleteIfExists(f);
			}
			Files.deleteIfExists(dir);
		} catch (IOException e) {
			// a temp folder left behind
		}
	}
}

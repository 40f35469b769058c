package org.sec.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.sec.engine.log.SecLog;

/**
 * Commands started by actions (sec's %children): their stdout lines become synthetic
 * events (spawn, cspawn) and their exit code decides a SingleWithScript rule's action.
 * Reader threads only collect lines; the engine thread takes them in check().
 */
final class ChildProcesses {

	/** What to do when a child exits: exit code 0 or not. */
	interface ExitHandler {
		void exited(int exitCode);
	}

	private static final class Child {
		final Process process;
		final String command;
		final String context;
		final ExitHandler onExit;
		final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
		Thread reader;

		Child(Process process, String command, String context, ExitHandler onExit) {
			this.process = process;
			this.command = command;
			this.context = context;
			this.onExit = onExit;
		}

		/** The process id; -1 for a command that could not be started. */
		long pid() {
			return process instanceof FailedProcess ? -1 : process.pid();
		}
	}

	private final List<Child> children = new ArrayList<>();
	/** Whether commands without piped input share our stdin (jsec) or get an empty one (replays, tests). */
	private boolean inheritStdin;

	void moveTo(ChildProcesses other) {
		other.children.addAll(children);
		children.clear();
	}

	void inheritStdin(boolean on) {
		this.inheritStdin = on;
	}
	private final java.io.PrintStream stdout;

	private final SecLog log;

	/** @param stdout where commands that do not feed events write (the engine's stdout) */
	ChildProcesses(java.io.PrintStream stdout, SecLog log) {
		this.stdout = stdout;
		this.log = log;
	}

	/** Perl's exec(STRING) uses the shell only when the string has one of these (perlfunc exec). */
	private static final String SHELL_METACHARS = "$&*(){}[]'\";\\|?<>~`\n";

	/**
	 * exec(STRING) as Perl_do_exec3 (doio.c) decides: through /bin/sh -c when the command
	 * starts with "exec " or ". ", sets a variable (VAR=value), or has a shell metacharacter
	 * (a single newline at the end is dropped instead); else split into words and run directly.
	 */
	static List<String> perlExec(String cmdline) {
		List<String> shell = List.of("/bin/sh", "-c", cmdline);
		int s = 0;
		while (s < cmdline.length() && isSpace(cmdline.charAt(s))) {
			s++;
		}
		if (cmdline.startsWith(".", s) && s + 1 < cmdline.length() && isSpace(cmdline.charAt(s + 1))) {
			return shell;
		}
		if (cmdline.startsWith("exec", s) && s + 4 < cmdline.length() && isSpace(cmdline.charAt(s + 4))) {
			return shell;
		}
		int w = 0;
		while (w < cmdline.length() && (Character.isLetterOrDigit(cmdline.charAt(w)) || cmdline.charAt(w) == '_')) {
			w++;
		}
		if (w < cmdline.length() && cmdline.charAt(w) == '=') {
			return shell;
		}
		String words = cmdline;
		for (int i = 0; i < cmdline.length(); i++) {
			char c = cmdline.charAt(i);
			if (c != ' ' && !Character.isLetter(c) && SHELL_METACHARS.indexOf(c) >= 0) {
				if (c == '\n' && i == cmdline.length() - 1) {
					words = cmdline.substring(0, i);
					break;
				}
				return shell;
			}
		}
		return org.sec.engine.syntax.PerlText.splitWords(words);
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
	}

	/**
	 * Starts a command: a command line through /bin/sh -c ({@code shell}), or words run
	 * directly (the *exec actions and SingleWithScript with shell=no).
	 *
	 * @param collectContext internal context for output lines, or {@code null} to let the
	 *                       child write to our stdout
	 */
	void start(List<String> command, boolean shell, String stdinText, String collectContext, ExitHandler onExit)
			throws IOException {
		List<String> argv = shell ? perlExec(String.join(" ", command)) : command;
		if (argv.isEmpty()) {
			throw new IOException("empty command line");
		}
		ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT);
		if (stdinText == null && inheritStdin) {
			pb.redirectInput(ProcessBuilder.Redirect.INHERIT); // a forked child shares sec's stdin
		}
		Process p;
		try {
			p = startWithShellFallback(pb, shell, command);
		} catch (IOException e) {
			// sec's forked child fails to exec and exits non-zero; its exit handler still runs
			children.add(new Child(new FailedProcess(), String.join(" ", command), collectContext, onExit));
			throw e;
		}
		Child child = new Child(p, String.join(" ", command), collectContext, onExit);
		if (collectContext != null) {
			child.reader = new Thread(() -> readLines(p.getInputStream(), child), "sec-child-" + p.pid());
		} else {
			child.reader = new Thread(() -> copy(p.getInputStream()), "sec-child-" + p.pid());
		}
		child.reader.setDaemon(true);
		child.reader.start();
		if (stdinText != null || !inheritStdin) {
			try (OutputStream in = p.getOutputStream()) {
				if (stdinText != null) {
					in.write(stdinText.getBytes(StandardCharsets.ISO_8859_1));
				}
			} catch (IOException e) {
				// the command did not read its input; sec ignores that too
			}
		}
		children.add(child);
		log.log(SecLog.Level.DEBUG, "Child " + child.pid() + " created for command '" + child.command + "'");
	}

	/** Perl runs a file without #! through the shell when execvp says ENOEXEC (doio.c). */
	private static Process startWithShellFallback(ProcessBuilder pb, boolean shell, List<String> command)
			throws IOException {
		try {
			return pb.start();
		} catch (IOException e) {
			String m = String.valueOf(e.getMessage());
			if (shell && m.contains("error=8,")) {
				return pb.command("/bin/sh", "-c", String.join(" ", command)).start();
			}
			throw e;
		}
	}

	/** A command's own output goes to the engine's stdout (and so into replay transcripts). */
	private void copy(InputStream in) {
		try (in) {
			byte[] buffer = new byte[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				synchronized (stdout) {
					stdout.write(buffer, 0, n);
					stdout.flush();
				}
			}
		} catch (IOException e) {
			// the pipe closed
		}
	}

	/** Stands for a command that could not be started: it has exited with code 1. */
	private static final class FailedProcess extends Process {
		@Override
		public OutputStream getOutputStream() {
			return OutputStream.nullOutputStream();
		}

		@Override
		public InputStream getInputStream() {
			return InputStream.nullInputStream();
		}

		@Override
		public InputStream getErrorStream() {
			return InputStream.nullInputStream();
		}

		@Override
		public int waitFor() {
			return 1;
		}

		@Override
		public int exitValue() {
			return 1;
		}

		@Override
		public void destroy() {
			// nothing runs
		}

		@Override
		public boolean isAlive() {
			return false;
		}
	}

	private static void readLines(InputStream in, Child child) {
		try (in) {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = in.read()) != -1) {
				if (c == '\n') {
					child.lines.add(line.toString());
					line.setLength(0);
				} else {
					line.append((char) c);
				}
			}
			if (line.length() > 0) {
				child.lines.add(line.toString());
			}
		} catch (IOException e) {
			// the pipe closed
		}
	}

	/** The running children as the dump lists them; contexts only with --intcontexts. */
	List<org.sec.engine.api.EngineSnapshot.ChildView> views(boolean intcontexts) {
		List<org.sec.engine.api.EngineSnapshot.ChildView> views = new ArrayList<>();
		for (Child child : children) {
			long pid = child.pid();
			views.add(new org.sec.engine.api.EngineSnapshot.ChildView(pid, child.command, child.context != null,
					intcontexts ? child.context : null));
		}
		return views;
	}

	boolean isEmpty() {
		return children.isEmpty();
	}

	/**
	 * check_children (L12187): output lines become events (only while no synthetic event
	 * waits), exited children are reaped and their exit handlers run.
	 */
	boolean check(boolean syntheticQueueEmpty, BiConsumer<String, String> event) {
		boolean newData = false;
		if (syntheticQueueEmpty) {
			for (Child child : children) {
				newData |= drain(child, event);
			}
		}
		for (Iterator<Child> it = children.iterator(); it.hasNext();) {
			Child child = it.next();
			if (child.process.isAlive()) {
				continue;
			}
			if (child.reader != null) {
				try {
					child.reader.join(1000);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			newData |= drain(child, event);
			it.remove();
			int exitCode = child.process.exitValue();
			if (child.onExit != null) {
				log.log(SecLog.Level.DEBUG, exitCode == 0 ? "Child " + child.pid() + " terminated with exitcode 0"
						: "Child " + child.pid() + " terminated with non-zero exitcode " + exitCode);
				child.onExit.exited(exitCode);
			} else if (exitCode != 0) {
				log.log(SecLog.Level.WARN,
						"Child " + child.pid() + " terminated with non-zero exitcode " + exitCode + " ( " + child.command + " )");
			}
		}
		return newData;
	}

	private boolean drain(Child child, BiConsumer<String, String> event) {
		boolean any = false;
		String line;
		while ((line = child.lines.poll()) != null) {
			log.log(SecLog.Level.DEBUG, "Creating event '" + line + "' (received from child " + child.pid() + ")");
			event.accept(line, child.context);
			any = true;
		}
		return any;
	}

	/** Waits until every child has exited, at most {@code millis}; for replays on a virtual clock. */
	void awaitAll(long millis) {
		long end = System.currentTimeMillis() + millis;
		for (Child child : children) {
			long left = end - System.currentTimeMillis();
			if (left <= 0) {
				return;
			}
			try {
				child.process.waitFor(left, TimeUnit.MILLISECONDS);
				if (child.reader != null) {
					child.reader.join(Math.max(1, end - System.currentTimeMillis()));
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** SIGTERM to every child still running (--childterm at exit and on SIGHUP, child_cleanup L13371). */
	void terminateAll() {
		for (Child child : children) {
			if (!child.process.isAlive()) {
				continue; // reaped with the next check, as sec's waitpid finds it
			}
			log.log(SecLog.Level.NOTICE, "Sending SIGTERM to process " + child.pid());
			child.process.destroy();
		}
	}
}

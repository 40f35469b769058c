package org.sec.engine.log;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.sec.engine.api.Clock;
import org.sec.engine.config.ConfigDiagnostic;

/**
 * sec's log_msg (L450): lines "&lt;localtime&gt;: &lt;message&gt;" appended to the --log file, and
 * the bare message to stderr when that is a terminal; levels above --debug are dropped.
 */
public final class SecLog implements AutoCloseable {

	/** sec's levels: 1 crit, 2 err, 3 warn, 4 notice, 5 info, 6 debug. */
	public enum Level {
		CRIT(1), ERR(2), WARN(3), NOTICE(4), INFO(5), DEBUG(6);

		private final int value;

		Level(int value) {
			this.value = value;
		}

		public int value() {
			return value;
		}

		/** The level with sec's number (1 crit .. 6 debug). */
		public static Level ofValue(int value) {
			for (Level l : values()) {
				if (l.value == value) {
					return l;
				}
			}
			throw new IllegalArgumentException("no sec log level " + value);
		}

		public static Level of(ConfigDiagnostic.Severity severity) {
			return switch (severity) {
			case ERROR -> ERR;
			case WARNING -> WARN;
			case NOTICE -> NOTICE;
			case DEBUG -> DEBUG;
			};
		}
	}

	/** Perl's scalar(localtime): "Sat Nov 28 12:41:17 2026" with a space-padded day. */

	private final Clock clock;
	private int debugLevel;
	private PrintStream file;
	private final Path logFile;
	private PrintStream terminal;

	/**
	 * @param logFile  the --log file, or {@code null}
	 * @param terminal where to echo messages (stderr when it is a terminal), or {@code null}
	 */
	public SecLog(Clock clock, int debugLevel, Path logFile, PrintStream terminal) throws IOException {
		this.clock = clock;
		this.debugLevel = debugLevel;
		this.terminal = terminal;
		this.logFile = logFile;
		this.file = logFile == null ? null : open(logFile);
	}

	private static PrintStream open(Path logFile) throws IOException {
		OutputStream out = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
				StandardOpenOption.WRITE);
		return new PrintStream(out, true, StandardCharsets.ISO_8859_1);
	}

	/** Messages stop going to the terminal: a daemon's stderr is /dev/null. */
	public void detachTerminal() {
		terminal = null;
	}

	/**
	 * Closes and reopens the --log file (SIGHUP, SIGABRT, SIGUSR2: after a rotation the
	 * messages go to the new file). sec says so on stderr when the open fails.
	 */
	public void reopen() {
		if (syslog != null) {
			Syslog connection = syslog;
			connection.close();
			openSyslog(connection);
		}
		if (logFile == null) {
			return;
		}
		if (file != null) {
			file.close();
		}
		try {
			file = open(logFile);
		} catch (IOException e) {
			file = null;
			System.err.println("Can't open logfile " + logFile + " (" + e.getMessage() + ")");
		}
	}

	/** A log without a file: messages up to {@code debugLevel} go to {@code terminal}, or nowhere when it is null. */
	public static SecLog toTerminal(Clock clock, int debugLevel, PrintStream terminal) {
		try {
			return new SecLog(clock, debugLevel, null, terminal);
		} catch (IOException e) {
			throw new IllegalStateException("no file was opened", e);
		}
	}

	/** Whether a message of {@code level} is written: callers on the hot path skip building the ones that are not. */
	public boolean logs(Level level) {
		return debugLevel >= level.value();
	}

	public void log(Level level, String message) {
		if (debugLevel < level.value()) {
			return;
		}
		write(level.value(), message);
	}

	/** Where --syslog messages go (sec's Sys::Syslog connection). */
	public interface Syslog {
		/** Opens the connection; the error text when it fails, else null. */
		String open();

		void send(String level, String message);

		void close();
	}

	/** SYSLOG_LEVELS (L364): sec's levels 0 (no level) to 6 as syslog priorities. */
	private static final String[] SYSLOG_LEVELS = { "notice", "crit", "err", "warning", "notice", "info", "debug" };

	private Syslog syslog;

	/** open_syslog (L422): sec says on stderr when the connection cannot be made, and logs on without it. */
	public void openSyslog(Syslog connection) {
		String error = connection.open();
		if (error != null) {
			System.err.println("Can't connect to syslog (" + error + ")");
			syslog = null;
		} else {
			syslog = connection;
		}
	}

	/**
	 * SIGINT (check_signals L13281): the debug level steps up by {@code signals}, 6 wrapping
	 * to 1, and a message that no level filters says so.
	 */
	public void stepDebugLevel(int signals) {
		int next = (debugLevel + signals - 1) % 6 + 1;
		write(0, signals + " SIGINT signal(s) received: setting debuglevel from " + debugLevel + " to " + next);
		debugLevel = next;
	}

	private void write(int level, String message) {
		if (terminal != null) {
			terminal.println(message);
		}
		if (syslog != null) {
			syslog.send(SYSLOG_LEVELS[level], message);
		}
		if (file != null) {
			String time = org.sec.engine.syntax.PerlTime.scalar(clock.nowSeconds(), clock.zone());
			String line = time + ": " + message + "\n";
			if (line.chars().anyMatch(c -> c > 255)) {
				// perl prints a string with wide characters in its UTF-8 form, and warns (log_msg L465)
				file.writeBytes(line.getBytes(StandardCharsets.UTF_8));
				System.err.println("Wide character in print at /usr/bin/sec line 465.");
			} else {
				file.print(line);
			}
		}
	}

	public void log(ConfigDiagnostic diagnostic) {
		log(Level.of(diagnostic.severity()), diagnostic.message());
	}

	@Override
	public void close() {
		if (syslog != null) {
			syslog.close();
			syslog = null;
		}
		if (file != null) {
			file.close();
		}
	}
}

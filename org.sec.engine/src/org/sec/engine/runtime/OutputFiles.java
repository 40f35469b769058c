package org.sec.engine.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.sec.engine.log.SecLog;

/**
 * The files write, writen and owritecl actions write to (and "-", standard output): opened
 * on first write and kept open, closed by closef, USR2 and shutdown (L4760-4890).
 */
final class OutputFiles {

	private final Map<String, OutputStream> open = new HashMap<>();
	private final PrintStream stdout;
	private final SecLog log;

	OutputFiles(PrintStream stdout, SecLog log) {
		this.stdout = stdout;
		this.log = log;
	}

	/**
	 * Writes {@code text} (and a newline: write; none: writen) to {@code file}; with
	 * {@code closeAfter} (owritecl) the file is opened, written and closed.
	 */
	void write(String file, String text, boolean newline, boolean closeAfter) {
		String data = newline ? text + "\n" : text;
		if (log.logs(SecLog.Level.DEBUG)) {
			log.log(SecLog.Level.DEBUG, "Writing event '" + text + "' to file '" + file + "'");
		}
		if (hasWideCharacter(text)) {
			// Perl's syswrite dies on wide characters; sec logs what eval caught (L4787-4794)
			log.log(SecLog.Level.DEBUG, "Error when writing event '" + text + "' to '" + file
					+ "' (Wide character in syswrite at /usr/bin/sec line " + (closeAfter ? 4881 : newline ? 4787 : 4790)
					+ ".\n)");
			return;
		}
		if (file.equals("-")) {
			stdout.print(data);
			if (closeAfter) {
				stdout.flush();
			}
			return;
		}
		try {
			OutputStream out = open.get(file);
			if (out == null) {
				Path path = Paths.get(file);
				if (!writableTarget(path)) {
					return; // sec skips what exists but is neither a regular file nor a FIFO
				}
				out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
						StandardOpenOption.WRITE);
				if (!closeAfter) {
					open.put(file, out);
				}
			}
			out.write(data.getBytes(StandardCharsets.ISO_8859_1));
			if (closeAfter) {
				out.close();
			} else {
				out.flush();
			}
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Can't open output file " + file + " (" + e.getMessage() + ")");
		}
	}

	private static boolean hasWideCharacter(String text) {
		for (int i = 0, n = text.length(); i < n; i++) {
			if (text.charAt(i) > 255) {
				return true;
			}
		}
		return false;
	}

	/** One stat, like sec's -e/-f/-p tests: missing, a regular file or a FIFO can be written. */
	private static boolean writableTarget(Path path) {
		try {
			int mode = (Integer) Files.getAttribute(path, "unix:mode");
			int type = mode & 0170000;
			return type == 0100000 || type == 0010000;
		} catch (java.nio.file.NoSuchFileException e) {
			return true;
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
			return Files.isRegularFile(path) || !Files.exists(path);
		}
	}

	/** execute_closef_action (L4807). */
	void close(String file) {
		log.log(SecLog.Level.DEBUG, "Closing file '" + file + "'");
		OutputStream out = open.remove(file);
		if (out != null) {
			try {
				out.close();
			} catch (IOException e) {
				log.log(SecLog.Level.WARN, "Error when closing file '" + file + "' (" + e.getMessage() + ")");
			}
		} else if (!file.equals("-")) {
			log.log(SecLog.Level.DEBUG, "File '" + file + "' is not open, can't close");
		}
	}

	/** Flushes standard output and every open file. */
	void flush() {
		stdout.flush();
		for (OutputStream out : open.values()) {
			try {
				out.flush();
			} catch (IOException e) {
				// reported when written
			}
		}
	}

	/** Closes every open file (USR2, shutdown); the next write opens a file again. */
	void closeAll() {
		flush();
		for (OutputStream out : open.values()) {
			try {
				out.close();
			} catch (IOException e) {
				// reopened on the next write anyway
			}
		}
		open.clear();
	}
}

package org.sec.engine.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.sec.engine.api.SecEngine;
import org.sec.engine.log.SecLog;

/**
 * jsec's --state-file: the state read at start-up, and written whole or not at all (a
 * temporary file beside it, fsync, rename), so that a crash or kill -9 during a save
 * leaves the previous state in place, never a torn file.
 */
final class StateFileStore {

	private final Path file;
	private final SecLog log;

	StateFileStore(String file, SecLog log) {
		this.file = Path.of(file);
		this.log = log;
	}

	/** The saved state, or null when there is none yet. */
	String read() throws IOException {
		if (!Files.exists(file)) {
			log.log(SecLog.Level.NOTICE, "State file " + file + " does not exist, starting with no saved state");
			return null;
		}
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/** Saves the engine's state; a failure is logged and the previous file stays. */
	void save(SecEngine engine) {
		Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
		try {
			byte[] bytes = engine.saveState().getBytes(StandardCharsets.UTF_8);
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer b = ByteBuffer.wrap(bytes);
				while (b.hasRemaining()) {
					ch.write(b);
				}
				ch.force(true);
			}
			try {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
			}
			syncDirectory();
			log.log(SecLog.Level.DEBUG, "State saved to " + file + " (" + bytes.length + " bytes)");
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Can't save state to " + file + " (" + InputSources.reason(e)
					+ "), the previous state file stays");
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// the temporary file is overwritten by the next save
			}
		}
	}

	/** The rename is durable once the directory is synced (where the platform allows it). */
	private void syncDirectory() {
		Path dir = file.toAbsolutePath().getParent();
		try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
			ch.force(true);
		} catch (IOException e) {
			// not every file system lets a directory be opened; the file itself is synced
		}
	}

	Path path() {
		return file;
	}
}

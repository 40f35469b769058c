package org.sec.engine.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A file followed as sec follows its inputs in tail mode: read what is appended, start
 * over when the file shrinks (truncation), switch to the new file when the name points
 * to another inode (rotation), and keep trying while the file does not exist. A line is
 * delivered once its newline has arrived.
 */
public final class TailInput implements AutoCloseable {

	private final String name;
	private final Path path;
	private final String internalContext;
	private FileChannel channel;
	private Object inode;
	private long position;
	private final ByteBuffer buffer = ByteBuffer.allocate(65536);
	private final StringBuilder partial = new StringBuilder();
	private final Deque<String> lines = new ArrayDeque<>();

	/** @param fromStart read existing content first (--fromstart); else start at the end */
	public TailInput(String name, Path path, String internalContext, boolean fromStart) {
		this.name = name;
		this.path = path;
		this.internalContext = internalContext;
		open(fromStart);
	}

	public String name() {
		return name;
	}

	public String internalContext() {
		return internalContext;
	}

	private void open(boolean fromStart) {
		try {
			channel = FileChannel.open(path, StandardOpenOption.READ);
			inode = Files.getAttribute(path, "unix:ino");
			position = fromStart ? 0 : channel.size();
			partial.setLength(0);
		} catch (NoSuchFileException e) {
			channel = null;
		} catch (IOException | UnsupportedOperationException e) {
			channel = null;
		}
	}

	/** The next complete line, or {@code null} when none has arrived yet. */
	public String poll() throws IOException {
		if (!lines.isEmpty()) {
			return lines.pollFirst();
		}
		if (channel == null) {
			open(true); // a file that appears later is read from its start
			if (channel == null) {
				return null;
			}
		}
		long size = channel.size();
		if (size < position) {
			position = 0; // truncated
			partial.setLength(0);
		}
		if (size > position) {
			read();
		} else if (rotated()) {
			read(); // the rest of the old file first
			channel.close();
			open(true);
			if (channel != null) {
				read();
			}
		}
		return lines.pollFirst();
	}

	private boolean rotated() {
		try {
			return !Files.getAttribute(path, "unix:ino").equals(inode);
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}

	private void read() throws IOException {
		while (true) {
			buffer.clear();
			int n = channel.read(buffer, position);
			if (n <= 0) {
				return;
			}
			position += n;
			byte[] bytes = buffer.array();
			int start = 0;
			for (int i = 0; i < n; i++) {
				if (bytes[i] == '\n') {
					partial.append(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
					lines.addLast(partial.toString());
					partial.setLength(0);
					start = i + 1;
				}
			}
			partial.append(new String(bytes, start, n - start, StandardCharsets.ISO_8859_1));
		}
	}

	@Override
	public void close() throws IOException {
		if (channel != null) {
			channel.close();
		}
	}
}

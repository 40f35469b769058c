package org.sec.engine.runtime;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads lines split on "\n" only, bytes kept as ISO-8859-1 characters, as sec reads its
 * inputs: a "\r" stays in the line and a last line without "\n" is still a line.
 */
public final class LineInput implements AutoCloseable {

	private final String name;
	private final String internalContext;
	private final InputStream in;
	private final byte[] buffer = new byte[65536];
	private int pos;
	private int limit;
	private boolean eof;
	private byte[] line = new byte[256];

	public LineInput(String name, String internalContext, InputStream in) {
		this.name = name;
		this.internalContext = internalContext;
		this.in = in;
	}

	/** The source name as configured ("-" for stdin). */
	public String name() {
		return name;
	}

	/** Internal context name of this input (--input=FILE=CTX, else _FILE_EVENT_FILE). */
	public String internalContext() {
		return internalContext;
	}

	public boolean atEof() {
		return eof && pos >= limit;
	}

	/** The next line, or {@code null} at end of input. */
	public String readLine() throws IOException {
		int length = 0;
		while (true) {
			if (pos >= limit) {
				if (eof) {
					return length > 0 ? new String(line, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1) : null;
				}
				limit = in.read(buffer);
				pos = 0;
				if (limit <= 0) {
					limit = 0;
					eof = true;
					continue;
				}
			}
			int start = pos;
			while (pos < limit && buffer[pos] != '\n') {
				pos++;
			}
			int n = pos - start;
			if (length + n > line.length) {
				line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + n));
			}
			System.arraycopy(buffer, start, line, length, n);
			length += n;
			if (pos < limit) {
				pos++; // the newline
				return new String(line, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
			}
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}

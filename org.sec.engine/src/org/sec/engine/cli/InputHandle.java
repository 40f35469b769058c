package org.sec.engine.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * An open input, as sec's filehandles in %inputsrc: a regular file read with sysread, or
 * a pipe (stdin, a named pipe) that sec polls with select() before reading. Pipes are
 * read by a thread of their own, so that polling one never blocks the main loop.
 */
abstract class InputHandle implements AutoCloseable {

	/** What {@link #read} returns when a pipe has no data now (select() said not ready). */
	static final int NOT_READY = -1;

	/** Reads at most {@code max} bytes into {@code into}: the count, 0 at end of file, or {@link #NOT_READY}. */
	abstract int read(byte[] into, int offset, int max) throws IOException;

	abstract boolean regularFile();

	/** The read offset of a regular file (sysseek CUR); -1 for pipes. */
	long position() {
		return -1;
	}

	/** The size of the open regular file (stat on the filehandle); -1 for pipes. */
	long size() {
		return -1;
	}

	@Override
	public abstract void close();

	/** A regular file, read at its own offset. */
	static final class RegularFile extends InputHandle {
		private final FileChannel channel;
		private final boolean closeable;

		RegularFile(FileChannel channel, boolean closeable) {
			this.channel = channel;
			this.closeable = closeable;
		}

		/** Standard input redirected from a regular file: read like one, never closed (sec closes its dup). */
		static RegularFile stdin() {
			return new RegularFile(new FileInputStream(FileDescriptor.in).getChannel(), false);
		}

		static RegularFile open(Path path) throws IOException {
			return new RegularFile(FileChannel.open(path, StandardOpenOption.READ), true);
		}

		@Override
		int read(byte[] into, int offset, int max) throws IOException {
			int n = channel.read(ByteBuffer.wrap(into, offset, max));
			return Math.max(n, 0);
		}

		@Override
		boolean regularFile() {
			return true;
		}

		void seek(long offset) throws IOException {
			channel.position(offset);
		}

		@Override
		long position() {
			try {
				return channel.position();
			} catch (IOException e) {
				return -1;
			}
		}

		@Override
		long size() {
			try {
				return channel.size();
			} catch (IOException e) {
				return -1;
			}
		}

		@Override
		public void close() {
			if (!closeable) {
				return;
			}
			try {
				channel.close();
			} catch (IOException e) {
				// nothing is left to read
			}
		}
	}

	/**
	 * A pipe: a thread reads blocks into a bounded queue (so a fast writer waits for us as
	 * it would wait for sec), and {@link #read} takes what has arrived without blocking.
	 */
	static final class Pipe extends InputHandle {
		private static final byte[] EOF = new byte[0];
		private final BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(64);
		private final Thread reader;
		private volatile ReadableByteChannel channel;
		private volatile boolean closed;
		private byte[] current;
		private int currentPos;
		private boolean atEof;

		/** How the reader thread gets its channel: at once, or by a blocking open (a FIFO without writers). */
		interface Opener {
			ReadableByteChannel open() throws IOException;
		}

		private Pipe(String name, Opener opener, int blocksize) {
			reader = new Thread(() -> pump(opener, blocksize), "jsec-input " + name);
			reader.setDaemon(true);
			reader.start();
		}

		/** Standard input: one reader for the process, shared by every (re)open, as dup(STDIN) shares the pipe. */
		static synchronized Pipe stdin(int blocksize) {
			if (stdin == null) {
				FileChannel ch = new FileInputStream(FileDescriptor.in).getChannel();
				stdin = new Pipe("-", () -> ch, blocksize);
			}
			return stdin;
		}

		private static Pipe stdin;

		/** A named pipe opened read-write (--rwfifo): it always has a writer, so it never reaches its end. */
		static Pipe fifoReadWrite(Path path, int blocksize) throws IOException {
			FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
			return new Pipe(path.toString(), () -> ch, blocksize);
		}

		/**
		 * A named pipe opened read-only (--norwfifo). sec opens it with O_NONBLOCK and sees no
		 * data until a writer comes; here the reader thread waits in open() for the writer.
		 */
		static Pipe fifoReadOnly(Path path, int blocksize) {
			return new Pipe(path.toString(), () -> FileChannel.open(path, StandardOpenOption.READ), blocksize);
		}

		private void pump(Opener opener, int blocksize) {
			try {
				ReadableByteChannel ch = opener.open();
				channel = ch;
				if (closed) {
					ch.close();
					return;
				}
				while (true) {
					ByteBuffer buffer = ByteBuffer.allocate(blocksize);
					int n = ch.read(buffer);
					if (n < 0) {
						break;
					}
					if (n > 0) {
						blocks.put(java.util.Arrays.copyOf(buffer.array(), n));
					}
				}
			} catch (IOException e) {
				// closed by us, or an error: the end of this pipe either way
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			blocks.offer(EOF);
		}

		@Override
		int read(byte[] into, int offset, int max) {
			if (current == null || currentPos >= current.length) {
				if (atEof) {
					return 0;
				}
				current = blocks.poll();
				currentPos = 0;
				if (current == null) {
					return NOT_READY;
				}
				if (current == EOF) {
					atEof = true;
					blocks.offer(EOF); // every later read, and every view of stdin, sees the end too
					return 0;
				}
			}
			int n = Math.min(max, current.length - currentPos);
			System.arraycopy(current, currentPos, into, offset, n);
			currentPos += n;
			return n;
		}

		@Override
		boolean regularFile() {
			return false;
		}

		@Override
		public void close() {
			if (this == stdin) {
				return; // sec closes its dup; standard input itself stays open
			}
			closed = true;
			ReadableByteChannel ch = channel;
			if (ch != null) {
				try {
					ch.close(); // also wakes the reader thread
				} catch (IOException e) {
					// already closed
				}
			}
		}
	}
}

package org.sec.simulator.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

import org.sec.engine.scenario.Scenario;
import org.sec.simulator.time.LineClock;

/**
 * The input of a replay: lines with their virtual times, in order. A source is read
 * once, lazily, so a log of millions of lines is never held in memory.
 */
public interface ReplaySource extends AutoCloseable {

	/** One input line: its virtual time, text, number in the input (from 1), and an out-of-order stamp. */
	record TimedLine(long time, String text, long number, OptionalLong earlierStamp) {
	}

	/** The second the replay starts at. */
	long start();

	/** The last second to replay, when the source fixes it (a scenario's {@code @end}). */
	OptionalLong end();

	/** The next line without taking it, or {@code null} at the end. */
	TimedLine peek();

	/** Takes the next line, or {@code null} at the end. */
	TimedLine next();

	/** Bytes read so far and the total, for progress; total 0 when unknown. */
	default long[] progress() {
		return new long[] { 0, 0 };
	}

	@Override
	default void close() {
	}

	/** The lines of a sec-scenario file. */
	static ReplaySource of(Scenario scenario) {
		List<Scenario.Event> events = scenario.events();
		return new ReplaySource() {
			private int index;

			@Override
			public long start() {
				return scenario.startEpochSeconds();
			}

			@Override
			public OptionalLong end() {
				return OptionalLong.of(scenario.startEpochSeconds() + scenario.endOffset());
			}

			@Override
			public TimedLine peek() {
				if (index >= events.size()) {
					return null;
				}
				Scenario.Event e = events.get(index);
				return new TimedLine(scenario.startEpochSeconds() + e.offset(), e.line(), index + 1L,
						OptionalLong.empty());
			}

			@Override
			public TimedLine next() {
				TimedLine t = peek();
				index++;
				return t;
			}
		};
	}

	/**
	 * The lines of a log file, timed by {@code clock}. Lines before the first timestamp
	 * get that timestamp; if none of the first {@code maxLeading} lines has one, the log
	 * cannot be replayed with this clock.
	 */
	static ReplaySource of(Path log, LineClock clock) throws IOException {
		return new LogSource(log, clock, 10_000);
	}

	/** A log file read line by line (bytes as characters, as sec reads them). */
	final class LogSource implements ReplaySource {
		private final Path file;
		private final BufferedReader reader;
		private final LineClock clock;
		private final Deque<TimedLine> ahead = new ArrayDeque<>();
		private final long size;
		private long bytesRead;
		private long number;
		private final long start;

		LogSource(Path file, LineClock clock, int maxLeading) throws IOException {
			this.file = file;
			this.clock = clock;
			this.size = Files.size(file);
			this.reader = new BufferedReader(
					new InputStreamReader(Files.newInputStream(file), StandardCharsets.ISO_8859_1), 1 << 16);
			Deque<String> leading = new ArrayDeque<>();
			LineClock.Reading first = null;
			String line;
			while ((line = readLine()) != null) {
				first = clock.next(line);
				if (first != null) {
					break;
				}
				leading.add(line);
				if (leading.size() >= maxLeading) {
					break;
				}
			}
			if (first == null) {
				reader.close();
				if (line == null && leading.isEmpty()) {
					throw new IOException(file + " is empty");
				}
				throw new IOException(file + ": no timestamp in the first " + leading.size()
						+ " lines; give the format (--timestamps syslog|iso|apache|epoch, or a custom regex) or a rate"
						+ " (--rate N)");
			}
			this.start = first.epochSecond();
			long n = 0;
			for (String l : leading) {
				ahead.add(new TimedLine(start, l, ++n, OptionalLong.empty()));
			}
			ahead.add(new TimedLine(first.epochSecond(), line, ++n, first.earlierStamp()));
			number = n;
		}

		private String readLine() throws IOException {
			String line = reader.readLine();
			if (line != null) {
				bytesRead += line.length() + 1;
			}
			return line;
		}

		@Override
		public long start() {
			return start;
		}

		@Override
		public OptionalLong end() {
			return OptionalLong.empty();
		}

		@Override
		public TimedLine peek() {
			if (ahead.isEmpty()) {
				try {
					String line = readLine();
					if (line == null) {
						return null;
					}
					LineClock.Reading r = clock.next(line);
					ahead.add(new TimedLine(r.epochSecond(), line, ++number, r.earlierStamp()));
				} catch (IOException e) {
					throw new UncheckedIOException(file + ": " + e.getMessage(), e);
				}
			}
			return ahead.peek();
		}

		@Override
		public TimedLine next() {
			TimedLine t = peek();
			ahead.poll();
			return t;
		}

		@Override
		public long[] progress() {
			return new long[] { Math.min(bytesRead, size), size };
		}

		@Override
		public void close() {
			try {
				reader.close();
			} catch (IOException e) {
				// nothing was written: closing a reader cannot lose data
			}
		}
	}
}

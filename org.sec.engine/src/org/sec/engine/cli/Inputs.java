package org.sec.engine.cli;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.log.SecLog;
import org.sec.engine.runtime.InputControl;
import org.sec.engine.runtime.LineInput;
import org.sec.engine.runtime.TailInput;

/**
 * sec's inputs (read_line L12896): sources in sorted name order, one line from each per
 * round, lines queued in a read buffer. In --notail mode a source closes at its end; in
 * tail mode files are followed. addinput/dropinput change the set while running.
 */
final class Inputs implements InputControl {

	/** One input: the next line, or null when none is available now. */
	private interface Source {
		String next() throws IOException;

		boolean open();

		String context();
	}

	private record Line(String text, String source, String context) {
	}

	private static final Pattern OFFSET = Pattern.compile("^\\s*(-|[0-9]+)\\s*$");

	private final boolean tail;
	private final boolean fromStart;
	private final SecLog log;
	private final Map<String, Source> sources = new TreeMap<>();
	private final Map<String, String> dynamic = new TreeMap<>();
	private final Deque<Line> readBuffer = new ArrayDeque<>();
	/** Lines and bytes delivered per source, for the dump. */
	private final Map<String, long[]> received = new java.util.HashMap<>();
	/** Sources in name order; rebuilt when addinput/dropinput change the set. */
	private java.util.List<Map.Entry<String, Source>> order = java.util.List.of();
	/** --input-timeout in seconds (0: off) and the --timeout-script it runs. */
	private final int inputTimeout;
	private final String timeoutScript;
	private final java.util.function.LongSupplier clock;
	/** Per source: when it last gave a line, and whether the "no input" script has run since. */
	private final Map<String, long[]> lastRead = new java.util.HashMap<>();
	private final java.util.Set<String> scriptRan = new java.util.HashSet<>();

	Inputs(boolean tail, boolean fromStart, SecLog log, int inputTimeout, String timeoutScript,
			java.util.function.LongSupplier clock) {
		this.tail = tail;
		this.fromStart = fromStart;
		this.log = log;
		this.inputTimeout = inputTimeout;
		this.timeoutScript = timeoutScript;
		this.clock = clock;
	}

	/** Adds a configured input; "-" is stdin. */
	void addConfigured(String name, String context) throws IOException {
		sources.put(name, name.equals("-") ? stdin(context) : file(name, context, tail ? (fromStart ? 0 : -1) : 0));
		order = null;
	}

	private Source file(String name, String context, long offset) throws IOException {
		if (tail) {
			TailInput in = new TailInput(name, Paths.get(name), context, offset == 0);
			return new Source() {
				public String next() throws IOException {
					return in.poll();
				}

				public boolean open() {
					return true;
				}

				public String context() {
					return context;
				}
			};
		}
		InputStream stream;
		try {
			stream = new FileInputStream(name);
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Can't open input file " + name + " (" + e.getMessage() + ")");
			stream = InputStream.nullInputStream();
		}
		if (offset < 0) {
			stream.skip(Long.MAX_VALUE);
		} else if (offset > 0) {
			stream.skip(offset);
		}
		return lines(new LineInput(name, context, stream), context);
	}

	private static Source lines(LineInput in, String context) {
		return new Source() {
			boolean open = true;

			public String next() throws IOException {
				String line = open ? in.readLine() : null;
				if (line == null && open) {
					open = false;
					in.close();
				}
				return line;
			}

			public boolean open() {
				return open;
			}

			public String context() {
				return context;
			}
		};
	}

	private Source stdin(String context) {
		if (!tail) {
			return lines(new LineInput("-", context, System.in), context);
		}
		BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
		Object eof = new Object();
		Thread t = new Thread(() -> {
			try (LineInput in = new LineInput("-", context, System.in)) {
				String line;
				while ((line = in.readLine()) != null) {
					queue.add(line);
				}
			} catch (IOException e) {
				// stdin closed
			}
			queue.add(eof);
		}, "jsec-stdin");
		t.setDaemon(true);
		t.start();
		return new Source() {
			public String next() {
				Object o = queue.poll();
				return o instanceof String s ? s : null;
			}

			public boolean open() {
				return true;
			}

			public String context() {
				return context;
			}
		};
	}

	/** The next line from the read buffer, reading one line per input when it is empty. */
	String[] next() throws IOException {
		if (readBuffer.isEmpty()) {
			if (order == null) {
				order = java.util.List.copyOf(sources.entrySet());
			}
			long now = inputTimeout > 0 ? clock.getAsLong() : 0;
			for (Map.Entry<String, Source> e : order) {
				String line = e.getValue().next();
				if (line != null) {
					readBuffer.addLast(new Line(line, e.getKey(), e.getValue().context()));
					long[] r = received.computeIfAbsent(e.getKey(), k -> new long[2]);
					r[0]++;
					r[1] += line.length() + 1;
				}
				if (inputTimeout > 0) {
					checkInputTimeout(e.getKey(), line != null, now);
				}
			}
		}
		Line l = readBuffer.pollFirst();
		return l == null ? null : new String[] { l.text(), l.source(), l.context() };
	}

	/**
	 * --input-timeout (read_line L12932-12973): after {@code inputTimeout} seconds without
	 * a line from a source, run "script 1 source" once; when lines come again, "script 0 source".
	 */
	private void checkInputTimeout(String source, boolean gotLine, long now) {
		long[] last = lastRead.computeIfAbsent(source, k -> new long[] { now });
		if (gotLine) {
			last[0] = now;
			if (scriptRan.remove(source)) {
				runTimeoutScript("Input received, executing script " + timeoutScript + " 0 " + source, "0", source);
			}
		} else if (!scriptRan.contains(source) && now - last[0] >= inputTimeout) {
			runTimeoutScript("No input, executing script " + timeoutScript + " 1 " + source, "1", source);
			scriptRan.add(source);
		}
	}

	/** exec_cmd with an argument list: no shell, not waited for. */
	private void runTimeoutScript(String message, String flag, String source) {
		log.log(SecLog.Level.INFO, message);
		try {
			new ProcessBuilder(timeoutScript, flag, source).inheritIO().redirectInput(ProcessBuilder.Redirect.PIPE).start()
					.getOutputStream().close();
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Error executing command '" + timeoutScript + " " + flag + " " + source + "' ("
					+ e.getMessage() + ")");
		}
	}

	/** What the dump says about each input (dump_data L11137). */
	java.util.List<org.sec.engine.dump.InputSourceView> views(boolean intcontexts) {
		java.util.List<org.sec.engine.dump.InputSourceView> views = new java.util.ArrayList<>();
		for (Map.Entry<String, Source> e : sources.entrySet()) {
			String name = e.getKey();
			long[] r = received.getOrDefault(name, new long[2]);
			boolean regular = !name.equals("-") && java.nio.file.Files.isRegularFile(Paths.get(name));
			String dev = "-";
			String ino = "-";
			long size = 0;
			if (!name.equals("-")) {
				try {
					java.nio.file.Path p = Paths.get(name);
					dev = String.valueOf(java.nio.file.Files.getAttribute(p, "unix:dev"));
					ino = String.valueOf(java.nio.file.Files.getAttribute(p, "unix:ino"));
					size = java.nio.file.Files.size(p);
				} catch (IOException | UnsupportedOperationException | IllegalArgumentException x) {
					// not a Unix file system, or the file is gone: unknown
				}
			}
			views.add(new org.sec.engine.dump.InputSourceView(name, e.getValue().open(), regular, r[1], size, dev, ino,
					r[0], intcontexts ? e.getValue().context() : null));
		}
		return views;
	}

	/** --notail: true when every input has reached its end and nothing is buffered. */
	boolean exhausted() {
		return readBuffer.isEmpty() && sources.values().stream().noneMatch(Source::open);
	}

	@Override
	public void addInput(String file, String offset, String context) {
		if (dynamic.containsKey(file)) {
			log.log(SecLog.Level.WARN, "Dynamic input file '" + file + "' already exists in the list of inputs, can't add");
			return;
		}
		if (sources.containsKey(file)) {
			log.log(SecLog.Level.WARN, "Input file '" + file + "' already exists in the list of inputs, can't add");
			return;
		}
		Matcher m = OFFSET.matcher(offset);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Invalid file offset '" + offset + "' specified for input file '" + file + "'");
			return;
		}
		long position = m.group(1).equals("-") ? -1 : Long.parseLong(m.group(1));
		try {
			sources.put(file, file(file, context, position));
			dynamic.put(file, context);
			order = null;
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Can't open input file " + file + " (" + e.getMessage() + ")");
		}
	}

	@Override
	public void dropInput(String file) {
		if (dynamic.remove(file) != null) {
			sources.remove(file);
			order = null;
			readBuffer.removeIf(l -> l.source().equals(file));
		} else {
			log.log(SecLog.Level.WARN, "Dynamic input file '" + file + "' does not exist, can't drop");
		}
	}
}

package org.sec.engine.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.ActionListParser;
import org.sec.engine.api.SecOptions;
import org.sec.engine.log.SecLog;
import org.sec.engine.api.InputControl;
import org.sec.engine.syntax.PerlGlob;

/**
 * sec's inputs: %inputsrc, @inputfiles, @readbuffer and %dyninputfiles, with the functions
 * that keep them (open_input L12484, open_input_file L12340, input_shuffled,
 * read_line_from_file L12706, read_line L12896, addinput/dropinput L6844). Each source has
 * its own byte buffer; a round reads at most one line from every source, in sorted name
 * order, into the read buffer.
 */
final class InputSources implements InputControl {

	/** One entry of %inputsrc. */
	static final class Source {
		final String name;
		InputHandle fh;
		boolean open;
		String dev = "-";
		String inode = "-";
		boolean regfile;
		byte[] buffer = new byte[256];
		int bufferStart;
		int bufferEnd;
		/** Where the search for the next newline continues (the bytes before it have none). */
		int scanFrom;
		boolean scriptexec;
		long checktime;
		long lastopen;
		long lastread;
		long lines;
		String context;
		boolean readFromStart;

		Source(String name) {
			this.name = name;
		}

		int buffered() {
			return bufferEnd - bufferStart;
		}
	}

	/** A line and the input it came from. */
	record Line(String text, String file) {
	}

	private static final Pattern FILE_CONTEXT = Pattern.compile("^(.+)=(\\S+)$");
	private static final Pattern OFFSET = Pattern.compile("^\\s*(-|[0-9]+)\\s*$");

	private final List<String> patterns;
	private final boolean tail;
	private final boolean rwfifo;
	private final int blocksize;
	private final int checkTimeout;
	private final int inputTimeout;
	private final String timeoutScript;
	private final int reopenTimeout;
	private final SecLog log;
	private final LongSupplier time;
	private final Path baseDir;
	/**
	 * How the --timeout-script runs: the engine's exec_cmd with an argument list, so that it is
	 * one of sec's children; set before the first read.
	 */
	private Consumer<List<String>> commandRunner = argv -> {
	};

	private final Map<String, Source> inputsrc = new HashMap<>();
	private List<String> inputfiles = List.of();
	private final Deque<Line> readbuffer = new ArrayDeque<>();
	private final Map<String, String> dyninputfiles = new HashMap<>();
	/** An --input pattern with "=context" turns --intcontexts on (open_input L12516). */
	private boolean contextGiven;

	InputSources(SecOptions options, SecLog log, LongSupplier time, Path baseDir) {
		this.patterns = List.copyOf(options.input);
		this.tail = options.tail;
		this.rwfifo = options.rwfifo;
		this.blocksize = options.blocksize;
		this.checkTimeout = options.checkTimeout;
		this.inputTimeout = options.inputTimeout;
		this.timeoutScript = options.timeoutScript;
		this.reopenTimeout = options.reopenTimeout;
		this.log = log;
		this.time = time;
		this.baseDir = baseDir;
		for (String pattern : patterns) {
			if (FILE_CONTEXT.matcher(pattern).matches()) {
				contextGiven = true;
			}
		}
	}

	/** True when some --input pattern names a context, which forces --intcontexts. */
	boolean contextGiven() {
		return contextGiven;
	}

	void setCommandRunner(Consumer<List<String>> runner) {
		this.commandRunner = runner;
	}

	/** The inputs in sec's order (@inputfiles). */
	List<String> files() {
		return inputfiles;
	}

	/**
	 * open_input: expands the --input patterns again, merges the dynamic inputs and opens
	 * each at {@code fpos} (-1: end of file, 0: start). With {@code softopen} (--keepopen on
	 * a soft restart), inputs that are open stay open with their state.
	 */
	void openInput(long fpos, boolean softopen) {
		if (!softopen) {
			closeAll();
			inputsrc.clear();
			readbuffer.clear();
		}
		Map<String, String> fcont = new LinkedHashMap<>();
		for (String filepat : patterns) {
			Matcher m = FILE_CONTEXT.matcher(filepat);
			String pattern = m.matches() ? m.group(1) : filepat;
			String context = m.matches() ? m.group(2) : null;
			for (String file : PerlGlob.expand(baseDir, pattern)) {
				fcont.put(file, context != null ? context : ActionListParser.FILE_EVENT_CONTEXT_PREFIX + file);
			}
		}
		for (Map.Entry<String, String> dyn : new TreeMap<>(dyninputfiles).entrySet()) {
			if (fcont.containsKey(dyn.getKey())) {
				log.log(SecLog.Level.NOTICE, "Dynamic input file " + dyn.getKey()
						+ " has been provided in command line and is no longer regarded dynamic");
				dyninputfiles.remove(dyn.getKey());
			} else {
				fcont.put(dyn.getKey(), dyn.getValue());
			}
		}
		List<String> sorted = new ArrayList<>(fcont.keySet());
		sorted.sort(null);
		long now = time.getAsLong();
		for (String file : sorted) {
			log.log(SecLog.Level.NOTICE, "Opening input file " + file);
			Source old = inputsrc.get(file);
			if (softopen && old != null && old.open) {
				log.log(SecLog.Level.DEBUG, "Input file " + file + " already open");
				old.context = fcont.get(file);
				continue;
			}
			if (old != null && old.fh != null) {
				old.fh.close();
			}
			inputsrc.put(file, newSource(file, fcont.get(file), fpos, now));
		}
		if (softopen) {
			for (String file : new ArrayList<>(inputsrc.keySet())) {
				if (!fcont.containsKey(file)) {
					Source gone = inputsrc.remove(file);
					if (gone.fh != null) {
						gone.fh.close();
					}
				}
			}
			readbuffer.removeIf(l -> !fcont.containsKey(l.file()));
		}
		inputfiles = sortedNames();
	}

	/**
	 * A new %inputsrc entry, opened at {@code fpos}; a file that does not exist yet is read
	 * from its start when it appears ("read_from_start", open_input L12580).
	 */
	private Source newSource(String file, String context, long fpos, long now) {
		Source src = new Source(file);
		src.context = context;
		src.lastopen = now;
		src.lastread = now;
		openInto(src, fpos);
		if (src.fh == null && !file.equals("-") && !exists(file)) {
			src.readFromStart = true;
		}
		return src;
	}

	private List<String> sortedNames() {
		List<String> names = new ArrayList<>(inputsrc.keySet());
		names.sort(null);
		return List.copyOf(names);
	}

	private boolean exists(String file) {
		return Files.exists(path(file));
	}

	private Path path(String file) {
		return baseDir.resolve(file);
	}

	private void openInto(Source src, long fpos) {
		src.fh = openInputFile(src.name, fpos, src);
		src.open = src.fh != null;
	}

	/** open_input_file (L12340): the handle, with dev, inode and regfile set on {@code src}; null when it fails. */
	private InputHandle openInputFile(String file, long fpos, Source src) {
		InputHandle handle;
		Path path = path(file);
		try {
			if (file.equals("-")) {
				boolean regular = Files.isRegularFile(Paths.get("/proc/self/fd/0"));
				handle = regular ? InputHandle.RegularFile.stdin() : InputHandle.Pipe.stdin(blocksize);
			} else if (Files.isRegularFile(path)) {
				handle = InputHandle.RegularFile.open(path);
			} else if (isFifo(path)) {
				handle = rwfifo ? InputHandle.Pipe.fifoReadWrite(path, blocksize)
						: InputHandle.Pipe.fifoReadOnly(path, blocksize);
			} else if (!Files.exists(path)) {
				if (reopenTimeout > 0) {
					log.log(SecLog.Level.DEBUG, "Input file " + file + " has not been created yet");
				} else {
					log.log(SecLog.Level.WARN, "Input file " + file + " does not exist!");
				}
				return null;
			} else {
				log.log(SecLog.Level.ERR, "Input file " + file + " is of unsupported type!");
				return null;
			}
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, "Can't open input file " + file + " (" + reason(e) + ")");
			return null;
		}
		if (!file.equals("-")) {
			try {
				src.dev = String.valueOf(Files.getAttribute(path, "unix:dev"));
				src.inode = String.valueOf(Files.getAttribute(path, "unix:ino"));
			} catch (IOException | UnsupportedOperationException e) {
				log.log(SecLog.Level.ERR, "Can't stat input file " + file + " through filehandle (" + (e instanceof IOException io ? reason(io) : e.getMessage()) + ")");
				handle.close();
				return null;
			}
		} else {
			src.dev = "-";
			src.inode = "-";
		}
		if (handle instanceof InputHandle.RegularFile regular) {
			long size = regular.size();
			if (fpos > size) {
				log.log(SecLog.Level.NOTICE, "Offset " + fpos + " beyond EOF, seeking EOF in input file " + file);
				fpos = -1;
			}
			try {
				if (fpos == -1) {
					regular.seek(size);
				} else if (fpos > 0) {
					regular.seek(fpos);
				}
			} catch (IOException e) {
				log.log(SecLog.Level.ERR, "Can't seek " + (fpos == -1 ? "EOF" : "offset " + fpos) + " in input file "
						+ file + " (" + reason(e) + ")");
				regular.close();
				return null;
			}
			src.regfile = true;
		} else {
			src.regfile = false;
		}
		return handle;
	}

	private static boolean isFifo(Path path) {
		try {
			int mode = (Integer) Files.getAttribute(path, "unix:mode");
			return (mode & 0170000) == 0010000;
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			return false;
		}
	}

	static String reason(IOException e) {
		if (e instanceof java.nio.file.NoSuchFileException) {
			return "No such file or directory";
		}
		if (e instanceof java.nio.file.AccessDeniedException) {
			return "Permission denied";
		}
		String m = e.getMessage();
		return m == null ? e.getClass().getSimpleName() : m;
	}

	/** True while the read buffer holds lines (the main loop takes those before reading). */
	boolean hasBufferedLine() {
		return !readbuffer.isEmpty();
	}

	/** The next line of the read buffer, or null. */
	Line nextBuffered() {
		return readbuffer.pollFirst();
	}

	/** Set by {@link #readLine()} when it found no line: whether some input gave bytes without a newline. */
	private boolean newdata;

	boolean newData() {
		return newdata;
	}

	/**
	 * read_line (L12896): one line from every input whose check timer has run out into the
	 * read buffer, with the --input-timeout, shuffle and --reopen-timeout checks; the first
	 * buffered line, or null.
	 */
	Line readLine() {
		newdata = false;
		// every use of the time below is under one of these timeouts (all 0 by default): a clock read per line is 4% of bench-single
		long now = checkTimeout > 0 || inputTimeout > 0 || reopenTimeout > 0 ? time.getAsLong() : 0;
		for (String file : inputfiles) {
			Source src = inputsrc.get(file);
			if (src == null) {
				continue; // dropped by an action during this round
			}
			if (checkTimeout > 0 && now < src.checktime) {
				continue;
			}
			int len = src.buffered();
			String line = src.open ? readLineFromFile(src) : null;
			if (line != null) {
				readbuffer.addLast(new Line(line, file));
				if (inputTimeout > 0) {
					src.lastread = now;
				}
				if (src.scriptexec) {
					log.log(SecLog.Level.INFO, "Input received, executing script " + timeoutScript + " 0 " + file);
					commandRunner.accept(List.of(timeoutScript, "0", file));
					src.scriptexec = false;
				}
				continue;
			}
			if (len < src.buffered()) {
				newdata = true;
				continue;
			}
			if (checkTimeout > 0) {
				src.checktime = now + checkTimeout;
			}
			if (inputTimeout > 0 && !src.scriptexec && now - src.lastread >= inputTimeout) {
				log.log(SecLog.Level.INFO, "No input, executing script " + timeoutScript + " 1 " + file);
				commandRunner.accept(List.of(timeoutScript, "1", file));
				src.scriptexec = true;
			}
			if (!tail) {
				continue;
			}
			if (src.open && inputShuffled(src)) {
				log.log(SecLog.Level.NOTICE, "Reopening " + file + " and processing from the start");
				src.fh.close();
				openInto(src, 0);
				if (reopenTimeout > 0) {
					src.lastopen = now;
				}
			}
			if (reopenTimeout > 0 && !src.open && now - src.lastopen >= reopenTimeout) {
				log.log(SecLog.Level.DEBUG, "Attempting to (re)open " + file);
				if (src.readFromStart) {
					openInto(src, 0);
					if (src.fh != null) {
						src.readFromStart = false;
					}
				} else {
					openInto(src, -1);
				}
				src.lastopen = now;
			}
		}
		return readbuffer.pollFirst();
	}

	/** read_line_from_file (L12706): a complete line, or null; at the end in --notail mode the file closes. */
	private String readLineFromFile(Source src) {
		String line = cutLine(src);
		if (line != null) {
			return line;
		}
		ensureRoom(src, blocksize);
		int n;
		try {
			n = src.fh.read(src.buffer, src.bufferEnd, blocksize);
		} catch (IOException e) {
			log.log(SecLog.Level.ERR, (src.regfile ? "Input file " : "Input pipe ") + src.name + " IO error ("
					+ reason(e) + "), closing " + (src.regfile ? "the file" : "the pipe"));
			src.fh.close();
			src.open = false;
			return null;
		}
		if (n == InputHandle.NOT_READY) {
			return null;
		}
		if (n == 0) {
			if (src.regfile) {
				if (tail) {
					return null;
				}
				src.fh.close();
				src.open = false;
				return takeRest(src);
			}
			log.log(SecLog.Level.DEBUG, "No writers on input pipe " + src.name + ", closing the pipe");
			src.fh.close();
			src.open = false;
			if (tail && !src.name.equals("-")) {
				log.log(SecLog.Level.DEBUG, "Reopening input pipe " + src.name);
				openInto(src, -1);
				if (reopenTimeout > 0) {
					src.lastopen = time.getAsLong();
				}
			}
			return takeRest(src);
		}
		src.bufferEnd += n;
		return cutLine(src);
	}

	/** The bytes after the last newline, as a line of their own; null when there are none. */
	private static String takeRest(Source src) {
		int n = src.buffered();
		String rest = n > 0 ? new String(src.buffer, src.bufferStart, n, StandardCharsets.ISO_8859_1) : null;
		src.bufferStart = src.bufferEnd = src.scanFrom = 0;
		return rest;
	}

	private static String cutLine(Source src) {
		byte[] b = src.buffer;
		int i = Newlines.first(b, Math.max(src.scanFrom, src.bufferStart), src.bufferEnd);
		if (i >= 0) {
			String line = new String(b, src.bufferStart, i - src.bufferStart, StandardCharsets.ISO_8859_1);
			src.bufferStart = i + 1;
			src.scanFrom = src.bufferStart;
			if (src.bufferStart == src.bufferEnd) {
				src.bufferStart = src.bufferEnd = src.scanFrom = 0;
			}
			return line;
		}
		src.scanFrom = src.bufferEnd;
		return null;
	}

	private static void ensureRoom(Source src, int n) {
		if (src.bufferEnd + n <= src.buffer.length) {
			return;
		}
		int used = src.buffered();
		if (src.bufferStart > 0 && used + n <= src.buffer.length) {
			System.arraycopy(src.buffer, src.bufferStart, src.buffer, 0, used);
		} else {
			byte[] bigger = new byte[Math.max(src.buffer.length * 2, used + n)];
			System.arraycopy(src.buffer, src.bufferStart, bigger, 0, used);
			src.buffer = bigger;
		}
		src.scanFrom -= src.bufferStart;
		src.bufferStart = 0;
		src.bufferEnd = used;
	}

	/**
	 * input_shuffled: true when the file was recreated (another device or inode: the rest
	 * of the old file is read into the buffer first) or truncated.
	 */
	private boolean inputShuffled(Source src) {
		if (src.name.equals("-")) {
			return false;
		}
		Path path = path(src.name);
		String dev;
		String ino;
		long size;
		try {
			dev = String.valueOf(Files.getAttribute(path, "unix:dev"));
			ino = String.valueOf(Files.getAttribute(path, "unix:ino"));
			size = (Long) Files.getAttribute(path, "unix:size");
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
		long fpos = src.regfile ? src.fh.position() : -1;
		if (!dev.equals(src.dev) || !ino.equals(src.inode)) {
			if (src.regfile) {
				long bytes = src.fh.size() - fpos;
				if (bytes > 0) {
					ensureRoom(src, (int) Math.min(bytes, Integer.MAX_VALUE - 16));
					try {
						int n = src.fh.read(src.buffer, src.bufferEnd, (int) bytes);
						src.bufferEnd += Math.max(n, 0);
					} catch (IOException e) {
						// what could not be read is lost, as in sec
					}
				}
			}
			log.log(SecLog.Level.NOTICE, "Input file " + src.name + " has been recreated");
			return true;
		}
		if (src.regfile && fpos > size) {
			log.log(SecLog.Level.NOTICE, "Input file " + src.name + " has been truncated");
			return true;
		}
		return false;
	}

	/** --notail: true when no input is open any more. */
	boolean allClosed() {
		for (String file : inputfiles) {
			Source src = inputsrc.get(file);
			if (src != null && src.open) {
				return false;
			}
		}
		return true;
	}

	/** The internal context of {@code file}'s lines (--input=FILE=CTX, addinput's, else _FILE_EVENT_FILE). */
	String contextOf(String file) {
		Source src = inputsrc.get(file);
		return src == null ? ActionListParser.FILE_EVENT_CONTEXT_PREFIX + file : src.context;
	}

	/** A line from {@code file} went through the rules (the dump's "received data"). */
	void processed(String file) {
		Source src = inputsrc.get(file);
		if (src != null) {
			src.lines++;
		}
	}

	/** True when stdin is one of the inputs (sec cannot become a daemon then). */
	boolean readsStdin() {
		return inputsrc.containsKey("-");
	}

	/** Closes every input (a full open starts afresh). */
	void closeAll() {
		for (Source src : inputsrc.values()) {
			if (src.fh != null) {
				src.fh.close();
			}
		}
	}

	/** What the dump says about each input (dump_data L11142). */
	List<org.sec.engine.dump.InputSourceView> views(boolean intcontexts) {
		List<org.sec.engine.dump.InputSourceView> views = new ArrayList<>();
		for (String file : inputfiles) {
			Source src = inputsrc.get(file);
			long offset = src.open && src.regfile ? src.fh.position() : 0;
			long size = src.open && src.regfile ? src.fh.size() : 0;
			views.add(new org.sec.engine.dump.InputSourceView(file, src.open, src.regfile, offset, size,
					src.open ? src.dev : "-", src.open ? src.inode : "-", src.lines, intcontexts ? src.context : null));
		}
		return views;
	}

	@Override
	public void addInput(String file, String offset, String context) {
		log.log(SecLog.Level.DEBUG,
				"Adding dynamic input file '" + file + "' with context '" + context + "' to the list of inputs");
		if (dyninputfiles.containsKey(file)) {
			log.log(SecLog.Level.WARN, "Dynamic input file '" + file + "' already exists in the list of inputs, can't add");
			return;
		}
		if (inputsrc.containsKey(file)) {
			log.log(SecLog.Level.WARN, "Input file '" + file + "' already exists in the list of inputs, can't add");
			return;
		}
		Matcher m = OFFSET.matcher(offset);
		if (!m.matches()) {
			log.log(SecLog.Level.WARN, "Invalid file offset '" + offset + "' specified for input file '" + file + "'");
			return;
		}
		long fpos;
		if (m.group(1).equals("-")) {
			fpos = -1;
			log.log(SecLog.Level.DEBUG, "Opening input file '" + file + "' and seeking EOF");
		} else {
			fpos = parseOffset(m.group(1));
			log.log(SecLog.Level.DEBUG, "Opening input file '" + file + "' and seeking offset '" + m.group(1) + "'");
		}
		inputsrc.put(file, newSource(file, context, fpos, time.getAsLong()));
		dyninputfiles.put(file, context);
		inputfiles = sortedNames();
	}

	private static long parseOffset(String digits) {
		try {
			return Long.parseLong(digits);
		} catch (NumberFormatException e) {
			return Long.MAX_VALUE; // beyond any end of file: sec seeks EOF
		}
	}

	@Override
	public void dropInput(String file) {
		log.log(SecLog.Level.DEBUG, "Dropping dynamic input file '" + file + "' from the list of inputs");
		if (dyninputfiles.remove(file) != null) {
			Source src = inputsrc.remove(file);
			if (src != null && src.fh != null) {
				src.fh.close();
			}
			inputfiles = sortedNames();
			readbuffer.removeIf(l -> l.file().equals(file));
		} else {
			log.log(SecLog.Level.WARN, "Dynamic input file '" + file + "' not found, can't drop");
		}
	}

	/** A full restart (SIGHUP) forgets the dynamic inputs before reopening (check_signals L13118). */
	void forgetDynamicInputs() {
		dyninputfiles.clear();
	}
}

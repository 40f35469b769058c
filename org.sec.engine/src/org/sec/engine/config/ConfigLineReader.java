package org.sec.engine.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sec configuration file into logical lines, the way sec 2.9.1's
 * read_configfile does (L3740-3800). This is the one home of sec's line syntax:
 * the engine's loader and the DSL both use it.
 *
 * <p>Rules copied from sec: each physical line loses its trailing "\n" and is appended
 * to a pending continuation with nothing inserted; the accumulated text is trimmed of
 * Perl whitespace; if it then ends in a backslash, the backslash is removed and the
 * next physical line continues it. A continuation still pending at end of file is
 * dropped.
 */
public final class ConfigLineReader {

	/** sec's L3791 {@code /^\s*([[:alnum:]]+)\s*=\s*(.*\S)/}, applied to an already trimmed line. */
	private static final Pattern FIELD = Pattern.compile("([A-Za-z0-9]+)[ \\t\\n\\r\\f\\x0B]*=[ \\t\\n\\r\\f\\x0B]*(.*)",
			Pattern.DOTALL);

	private ConfigLineReader() {
	}

	/** Reads all logical lines of a configuration text. */
	public static List<ConfigLine> read(String text) {
		return read(new StringReader(text));
	}

	/** Reads all logical lines; the reader is consumed but not closed. */
	public static List<ConfigLine> read(Reader reader) {
		BufferedReader in = new BufferedReader(reader);
		List<ConfigLine> lines = new ArrayList<>();
		StringBuilder pending = null;
		int lineNumber = 0;
		int firstLine = 0;
		try {
			String physical;
			while ((physical = readPhysicalLine(in)) != null) {
				lineNumber++;
				if (pending == null) {
					pending = new StringBuilder(physical);
					firstLine = lineNumber;
				} else {
					pending.append(physical);
				}
				String joined = trimPerlWhitespace(pending);
				if (joined.endsWith("\\")) {
					pending = new StringBuilder(joined.substring(0, joined.length() - 1));
					continue;
				}
				lines.add(classify(joined, firstLine, lineNumber));
				pending = null;
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (pending != null) {
			lines.add(new ConfigLine(ConfigLine.Kind.DANGLING_CONTINUATION, firstLine, lineNumber,
					trimPerlWhitespace(pending), null, null));
		}
		return lines;
	}

	/**
	 * Joins the physical lines of one logical line as sec does, for text that holds the
	 * part of a logical line after its start (for example a field value and its
	 * continuation lines). A "\n" at the end starts a further, empty physical line. Returns
	 * {@code null} when the last physical line still ends in a backslash: the text ends
	 * inside a continuation. Callers that know the text ends at end of file must treat a
	 * continued last line as dropped, as sec does.
	 */
	public static String joinContinuedText(String text) {
		if (text.indexOf('\n') < 0) { // one physical line, as most values are
			String trimmed = trimPerlWhitespace(text);
			return trimmed.endsWith("\\") ? null : trimmed;
		}
		int[] sources = joinedSourceIndexes(text);
		if (sources == null) {
			return null;
		}
		StringBuilder joined = new StringBuilder(sources.length);
		for (int i : sources) {
			joined.append(text.charAt(i));
		}
		return joined.toString();
	}

	/**
	 * Where each character of {@link #joinContinuedText(String)}'s result comes from in
	 * {@code text}: editors map positions in a joined value back to the source this way.
	 * {@code null} when the join is {@code null}.
	 */
	public static int[] joinedSourceIndexes(String text) {
		// the pending logical line as indexes into text (each index is taken at most once)
		int[] sources = new int[text.length()];
		int count = 0;
		int lineStart = 0;
		while (true) {
			int lineEnd = text.indexOf('\n', lineStart);
			boolean last = lineEnd < 0;
			int end = last ? text.length() : lineEnd;
			for (int i = lineStart; i < end; i++) {
				sources[count++] = i;
			}
			int from = 0;
			int to = count;
			while (from < to && isPerlWhitespace(text.charAt(sources[from]))) {
				from++;
			}
			while (to > from && isPerlWhitespace(text.charAt(sources[to - 1]))) {
				to--;
			}
			if (to == from || text.charAt(sources[to - 1]) != '\\') {
				if (!last) {
					throw new IllegalArgumentException("text holds more than one logical line: " + text);
				}
				return java.util.Arrays.copyOfRange(sources, from, to);
			}
			if (last) {
				return null;
			}
			count = to - 1 - from; // without the backslash
			System.arraycopy(sources, from, sources, 0, count);
			lineStart = lineEnd + 1;
		}
	}

	/** Perl's {@code \s} before 5.18 plus vertical tab, which 5.18+ includes. */
	public static boolean isPerlWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	static String trimPerlWhitespace(CharSequence s) {
		int[] range = trimmedRange(s);
		return s.subSequence(range[0], range[1]).toString();
	}

	/** Start and end of {@code s} without Perl whitespace at either end. */
	private static int[] trimmedRange(CharSequence s) {
		int start = 0;
		int end = s.length();
		while (start < end && isPerlWhitespace(s.charAt(start))) {
			start++;
		}
		while (end > start && isPerlWhitespace(s.charAt(end - 1))) {
			end--;
		}
		return new int[] { start, end };
	}

	private static ConfigLine classify(String line, int firstLine, int lastLine) {
		if (line.isEmpty()) {
			return new ConfigLine(ConfigLine.Kind.BLANK, firstLine, lastLine, line, null, null);
		}
		if (line.charAt(0) == '#') {
			return new ConfigLine(ConfigLine.Kind.COMMENT, firstLine, lastLine, line, null, null);
		}
		Matcher m = FIELD.matcher(line);
		if (m.matches() && !m.group(2).isEmpty()) {
			return new ConfigLine(ConfigLine.Kind.FIELD, firstLine, lastLine, line, m.group(1), m.group(2));
		}
		return new ConfigLine(ConfigLine.Kind.MALFORMED, firstLine, lastLine, line, null, null);
	}

	/** Like Perl's readline plus chomp: splits on "\n" only, so a "\r" stays in the line. */
	private static String readPhysicalLine(BufferedReader in) throws IOException {
		StringBuilder sb = null;
		int c;
		while ((c = in.read()) != -1) {
			if (sb == null) {
				sb = new StringBuilder();
			}
			if (c == '\n') {
				return sb.toString();
			}
			sb.append((char) c);
		}
		return sb == null ? null : sb.toString();
	}
}

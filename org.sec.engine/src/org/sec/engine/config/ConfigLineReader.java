package org.sec.engine.config;

import java.io.IOException;
import java.io.Reader;
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
		List<ConfigLine> lines = new ArrayList<>();
		StringBuilder pending = null;
		int lineNumber = 0;
		int firstLine = 0;
		// Perl's readline plus chomp: split on "\n" only (a "\r" stays), a last line without one counts
		for (int start = 0; start < text.length();) {
			int newline = text.indexOf('\n', start);
			int end = newline < 0 ? text.length() : newline;
			lineNumber++;
			String joined;
			if (pending == null) {
				firstLine = lineNumber;
				joined = trimPerlWhitespace(text, start, end);
			} else {
				pending.append(text, start, end);
				joined = trimPerlWhitespace(pending, 0, pending.length());
			}
			start = newline < 0 ? text.length() : newline + 1;
			if (joined.endsWith("\\")) {
				pending = new StringBuilder(joined.length() + 64).append(joined, 0, joined.length() - 1);
				continue;
			}
			lines.add(classify(joined, firstLine, lineNumber));
			pending = null;
		}
		if (pending != null) {
			lines.add(new ConfigLine(ConfigLine.Kind.DANGLING_CONTINUATION, firstLine, lineNumber,
					trimPerlWhitespace(pending), null, null));
		}
		return lines;
	}

	/** Reads all logical lines; the reader is consumed but not closed. */
	public static List<ConfigLine> read(Reader reader) {
		StringBuilder text = new StringBuilder();
		char[] buffer = new char[8192];
		try {
			for (int n; (n = reader.read(buffer)) != -1;) {
				text.append(buffer, 0, n);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return read(text.toString());
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
		return trimPerlWhitespace(s, 0, s.length());
	}

	/** {@code s} from {@code start} to {@code end}, without Perl whitespace at either end. */
	private static String trimPerlWhitespace(CharSequence s, int start, int end) {
		while (start < end && isPerlWhitespace(s.charAt(start))) {
			start++;
		}
		while (end > start && isPerlWhitespace(s.charAt(end - 1))) {
			end--;
		}
		return s.subSequence(start, end).toString();
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
}

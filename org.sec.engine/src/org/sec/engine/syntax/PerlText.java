package org.sec.engine.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small Perl string operations that sec's parsers rely on, with Perl's edge cases. */
public final class PerlText {

	private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\r\\f\\x0B]+");
	private static final Pattern ACTION_PARENS = Pattern.compile("^\\s*\\(\\s*(.*?)\\s*\\)\\s*$", Pattern.DOTALL);
	private static final Pattern ESCAPED_PAREN = Pattern.compile("\\\\([()])");

	private PerlText() {
	}

	/**
	 * Perl's {@code split(/regex/, $s)}: leading empty fields are kept, trailing empty
	 * fields are dropped, and an empty string gives no fields.
	 */
	public static List<String> split(Pattern separator, String s) {
		List<String> fields = new ArrayList<>();
		if (s.isEmpty()) {
			return fields;
		}
		Matcher m = separator.matcher(s);
		int start = 0;
		while (m.find()) {
			if (m.end() == 0) {
				continue; // Perl never yields a leading empty field from an empty match
			}
			fields.add(s.substring(start, m.start()));
			start = m.end();
		}
		fields.add(s.substring(start));
		while (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
			fields.remove(fields.size() - 1);
		}
		return fields;
	}

	/** Perl's {@code split(/\n/, $s)}, as {@link #split} gives it, without a regex: one per event added or created. */
	public static List<String> splitLines(String s) {
		List<String> fields = new ArrayList<>();
		if (s.isEmpty()) {
			return fields;
		}
		int start = 0;
		for (int nl; (nl = s.indexOf('\n', start)) >= 0; start = nl + 1) {
			fields.add(s.substring(start, nl));
		}
		fields.add(s.substring(start));
		while (!fields.isEmpty() && fields.get(fields.size() - 1).isEmpty()) {
			fields.remove(fields.size() - 1);
		}
		return fields;
	}

	/** Perl's {@code split(' ', $s)}: fields separated by whitespace, leading whitespace ignored. */
	public static List<String> splitWords(String s) {
		List<String> words = new ArrayList<>();
		for (String w : WHITESPACE.split(s)) {
			if (!w.isEmpty()) {
				words.add(w);
			}
		}
		return words;
	}

	private static final Pattern INTEGER_PREFIX = Pattern.compile("^\\s*([-+]?\\d+)");

	/**
	 * The integer a string starts with, as Perl's numeric value truncates it (leading
	 * whitespace, sign, digits): 0 when there is none, {@code null} when it does not fit a long.
	 */
	public static Long integerPrefix(String s) {
		Matcher m = INTEGER_PREFIX.matcher(s);
		if (!m.find()) {
			return 0L;
		}
		try {
			return Long.parseLong(m.group(1).replace("+", ""));
		} catch (NumberFormatException e) {
			return null;
		}
	}

	/** sec's process_action_parens (L915): strips one pair of outer parentheses, unescapes \( and \). */
	public static String processActionParens(String s) {
		Matcher m = ACTION_PARENS.matcher(s);
		if (m.matches()) {
			s = m.group(1);
		}
		return unescapeParens(s);
	}

	/** {@code s/\\([()])/$1/g} */
	public static String unescapeParens(String s) {
		return s.indexOf('\\') < 0 ? s : ESCAPED_PAREN.matcher(s).replaceAll("$1");
	}

	/** Perl's {@code \s}. */
	/** Perl's uc on a byte string: only ASCII letters change (Latin-1's ð stays ð). */
	public static String uc(String s) {
		char[] chars = null;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 'a' && c <= 'z') {
				if (chars == null) {
					chars = s.toCharArray();
				}
				chars[i] = (char) (c - 32);
			}
		}
		return chars == null ? s : new String(chars);
	}

	public static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	/** Matches sec's variable names {@code /^%[[:alpha:]]\w*$/}. */
	public static boolean isActionVariable(String s) {
		return VARIABLE.matcher(s).matches();
	}

	private static final Pattern VARIABLE = Pattern.compile("%[A-Za-z]\\w*");
}

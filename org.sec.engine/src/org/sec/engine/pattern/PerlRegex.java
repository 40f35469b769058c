package org.sec.engine.pattern;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Perl regular expressions (as sec compiles them with {@code qr/$pat/}) translated to
 * java.util.regex. This is the one translator: the engine matches with it and the DSL
 * validates with it. What Java cannot express (recursion, branch reset, \K, code blocks,
 * backtracking verbs) is refused with a message instead of being approximated.
 *
 * <p>Differences handled: POSIX classes, (?#...) comments, unknown escapes (literal in
 * Perl, errors in Java), literal braces, '[' and '&amp;' and whitespace inside classes,
 * {,n} quantifiers, \g and \k back references, named groups with underscores, octal
 * escapes and Perl-only modifier letters. Matching uses UNIX_LINES so that '.', '$' and
 * '^' treat only "\n" as a line end, as Perl does.
 */
public final class PerlRegex {

	private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alpha", "\\p{Alpha}"),
			Map.entry("digit", "\\p{Digit}"), Map.entry("alnum", "\\p{Alnum}"), Map.entry("upper", "\\p{Upper}"),
			Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s"), Map.entry("blank", "\\p{Blank}"),
			Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
			Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "\\p{XDigit}"), Map.entry("word", "\\w"),
			Map.entry("ascii", "\\p{ASCII}"));
	private static final Map<String, String> POSIX_NEGATED = Map.ofEntries(Map.entry("alpha", "\\P{Alpha}"),
			Map.entry("digit", "\\P{Digit}"), Map.entry("alnum", "\\P{Alnum}"), Map.entry("upper", "\\P{Upper}"),
			Map.entry("lower", "\\P{Lower}"), Map.entry("space", "\\S"), Map.entry("blank", "\\P{Blank}"),
			Map.entry("punct", "\\P{Punct}"), Map.entry("print", "\\P{Print}"), Map.entry("graph", "\\P{Graph}"),
			Map.entry("cntrl", "\\P{Cntrl}"), Map.entry("xdigit", "\\P{XDigit}"), Map.entry("word", "\\W"),
			Map.entry("ascii", "\\P{ASCII}"));
	/** Escapes that mean the same in Perl and Java. */
	private static final String SHARED_ESCAPES = "dDwWsSbBAzZGnrtfeahHvVRXQE";

	private final String perl;
	private final StringBuilder out = new StringBuilder();
	private final Map<String, String> groupNames = new HashMap<>();
	private int i;

	private PerlRegex(String perl) {
		this.perl = perl;
	}

	/**
	 * A compiled pattern and how Perl group names map to Java ones. {@code requiredLiterals}
	 * must all occur in a matching text, so most texts are rejected without the regex
	 * engine. {@code literalAlternatives} is set when the whole pattern is {@code a|b|c} of
	 * plain literals: then "contains one of them" is the match. {@code id} is unique in
	 * this JVM, so that a matcher can keep state per pattern in arrays.
	 */
	public record Compiled(Pattern pattern, Map<String, String> groupNames, String[] requiredLiterals,
			String[] literalAlternatives, int id, boolean translated) {

		/** False when the text cannot match because it lacks a required literal. */
		public boolean mayMatch(String text) {
			for (String literal : requiredLiterals) {
				if (!text.contains(literal)) {
					return false;
				}
			}
			return true;
		}

		/** For a pattern of plain literal alternatives: whether {@code text} contains one. */
		public boolean containsAlternative(String text) {
			for (String literal : literalAlternatives) {
				if (text.contains(literal)) {
					return true;
				}
			}
			return false;
		}
	}

	private static final String META = "\\^$.|?*+()[]{}#";

	/** The alternatives of a pattern like {@code sshd|sudo|kernel}, or {@code null}. */
	static String[] literalAlternatives(String perl) {
		String[] parts = perl.split("\\|", -1);
		for (String part : parts) {
			if (part.isEmpty()) {
				return null;
			}
			for (int k = 0; k < part.length(); k++) {
				if (META.indexOf(part.charAt(k)) >= 0) {
					return null;
				}
			}
		}
		return parts;
	}

	private static final java.util.concurrent.atomic.AtomicInteger NEXT_ID = new java.util.concurrent.atomic.AtomicInteger();

	/** Translates and compiles; throws with a message naming the problem. */
	public static Compiled compile(String perl) throws PerlRegexException {
		PerlRegex t = new PerlRegex(perl);
		String java = t.translate();
		try {
			return new Compiled(Pattern.compile(java, Pattern.UNIX_LINES), Map.copyOf(t.groupNames),
					RequiredLiteral.of(perl), literalAlternatives(perl), NEXT_ID.getAndIncrement(), true);
		} catch (PatternSyntaxException e) {
			throw new PerlRegexException(e.getDescription() + " near index " + Math.max(0, e.getIndex()), e.getIndex());
		}
	}

	/**
	 * Stands for a pattern that is valid Perl but has no Java translation: it never
	 * matches (and has no groups), so a rule using it loads as in sec but never fires here.
	 */
	public static Compiled neverMatching() {
		return new Compiled(Pattern.compile("(?!)"), Map.of(), new String[0], null, NEXT_ID.getAndIncrement(), false);
	}

	/** The java.util.regex text for a Perl pattern. */
	public static String translate(String perl) throws PerlRegexException {
		return new PerlRegex(perl).translate();
	}

	private String translate() throws PerlRegexException {
		while (i < perl.length()) {
			char c = perl.charAt(i);
			switch (c) {
			case '\\' -> escape(false);
			case '[' -> characterClass();
			case '(' -> group();
			case '{' -> brace();
			default -> {
				out.append(c);
				i++;
			}
			}
		}
		return out.toString();
	}

	private PerlRegexException unsupported(String what) {
		return new PerlRegexException(what + " is not supported by the Java regex engine", i, true);
	}

	private void escape(boolean inClass) throws PerlRegexException {
		if (i + 1 >= perl.length()) {
			throw new PerlRegexException("trailing \\ in regex", i);
		}
		char n = perl.charAt(i + 1);
		if (n == 'Q') {
			quoted();
			return;
		}
		if (Character.isDigit(n)) {
			digitEscape(inClass);
			return;
		}
		if (!isAsciiLetter(n)) {
			out.append('\\').append(n);
			i += 2;
			return;
		}
		switch (n) {
		case 'x' -> hexEscape();
		case 'c' -> {
			if (i + 2 >= perl.length()) {
				throw new PerlRegexException("missing control character after \\c", i);
			}
			out.append("\\c").append(perl.charAt(i + 2));
			i += 3;
		}
		case 'p', 'P' -> propertyEscape(n);
		case 'o' -> octalBraces();
		case 'N' -> {
			if (i + 2 < perl.length() && perl.charAt(i + 2) == '{') {
				throw unsupported("\\N{...}");
			}
			out.append(inClass ? "\\x{0}-\\x{9}\\x{B}-\\x{10FFFF}" : "[^\\n]");
			i += 2;
		}
		case 'K' -> throw unsupported("\\K (keep left part)");
		case 'g' -> backReferenceG();
		case 'k' -> namedBackReference();
		case 'b' -> {
			if (inClass) {
				out.append("\\x08"); // backspace inside a class
			} else if (i + 2 < perl.length() && perl.charAt(i + 2) == '{') {
				throw unsupported("\\b{...} boundaries");
			} else {
				out.append("\\b");
			}
			i += 2;
		}
		default -> {
			if (SHARED_ESCAPES.indexOf(n) >= 0 && !(inClass && "bBAzZGRXQE".indexOf(n) >= 0)) {
				out.append('\\').append(n);
			} else {
				out.append(n); // Perl passes an unrecognised escape through as the letter
			}
			i += 2;
		}
		}
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private void quoted() {
		int end = perl.indexOf("\\E", i + 2);
		String literal = end < 0 ? perl.substring(i + 2) : perl.substring(i + 2, end);
		out.append(Pattern.quote(literal));
		i = end < 0 ? perl.length() : end + 2;
	}

	private void digitEscape(boolean inClass) {
		int start = i + 1;
		int j = start;
		while (j < perl.length() && Character.isDigit(perl.charAt(j))) {
			j++;
		}
		String digits = perl.substring(start, j);
		if (digits.charAt(0) == '0' || inClass) {
			// octal: up to three octal digits
			int k = start;
			while (k < perl.length() && k < start + 3 && perl.charAt(k) >= '0' && perl.charAt(k) <= '7') {
				k++;
			}
			int value = k == start ? 0 : Integer.parseInt(perl.substring(start, k), 8);
			out.append(String.format("\\x{%X}", value));
			i = k == start ? start + 1 : k;
			return;
		}
		out.append('\\').append(digits);
		i = j;
	}

	private void hexEscape() throws PerlRegexException {
		int j = i + 2;
		if (j < perl.length() && perl.charAt(j) == '{') {
			int end = perl.indexOf('}', j);
			if (end < 0) {
				throw new PerlRegexException("missing right brace on \\x{}", i);
			}
			String hex = perl.substring(j + 1, end).trim();
			out.append("\\x{").append(hex.isEmpty() ? "0" : hex).append('}');
			i = end + 1;
			return;
		}
		int k = j;
		while (k < perl.length() && k < j + 2 && Character.digit(perl.charAt(k), 16) >= 0) {
			k++;
		}
		String hex = perl.substring(j, k);
		out.append("\\x{").append(hex.isEmpty() ? "0" : hex).append('}');
		i = k;
	}

	private void octalBraces() throws PerlRegexException {
		int end = perl.indexOf('}', i + 2);
		if (i + 2 >= perl.length() || perl.charAt(i + 2) != '{' || end < 0) {
			throw new PerlRegexException("missing braces on \\o{}", i);
		}
		try {
			out.append(String.format("\\x{%X}", Integer.parseInt(perl.substring(i + 3, end).trim(), 8)));
		} catch (NumberFormatException e) {
			throw new PerlRegexException("non-octal character in \\o{}", i);
		}
		i = end + 1;
	}

	private void propertyEscape(char p) throws PerlRegexException {
		int j = i + 2;
		if (j < perl.length() && perl.charAt(j) == '{') {
			int end = perl.indexOf('}', j);
			if (end < 0) {
				throw new PerlRegexException("missing right brace on \\" + p + "{}", i);
			}
			out.append(perl, i, end + 1);
			i = end + 1;
		} else if (j < perl.length()) {
			out.append('\\').append(p).append(perl.charAt(j));
			i = j + 1;
		} else {
			throw new PerlRegexException("empty \\" + p, i);
		}
	}

	private void backReferenceG() throws PerlRegexException {
		int j = i + 2;
		String ref;
		if (j < perl.length() && perl.charAt(j) == '{') {
			int end = perl.indexOf('}', j);
			if (end < 0) {
				throw new PerlRegexException("unterminated \\g{...} pattern", i);
			}
			ref = perl.substring(j + 1, end);
			i = end + 1;
		} else {
			int k = j;
			if (k < perl.length() && perl.charAt(k) == '-') {
				k++;
			}
			while (k < perl.length() && Character.isDigit(perl.charAt(k))) {
				k++;
			}
			ref = perl.substring(j, k);
			i = k;
		}
		if (ref.matches("\\d+")) {
			out.append("(?:\\").append(ref).append(')');
		} else if (ref.startsWith("-")) {
			throw unsupported("relative back reference \\g" + ref);
		} else if (!ref.isEmpty()) {
			out.append("\\k<").append(javaName(ref)).append('>');
		} else {
			throw new PerlRegexException("unterminated \\g... pattern", i);
		}
	}

	private void namedBackReference() throws PerlRegexException {
		int j = i + 2;
		if (j >= perl.length()) {
			throw new PerlRegexException("sequence \\k... not terminated", i);
		}
		char open = perl.charAt(j);
		char close = open == '<' ? '>' : open == '{' ? '}' : open == '\'' ? '\'' : 0;
		int end = close == 0 ? -1 : perl.indexOf(close, j + 1);
		if (end < 0) {
			throw new PerlRegexException("sequence \\k... not terminated", i);
		}
		out.append("\\k<").append(javaName(perl.substring(j + 1, end))).append('>');
		i = end + 1;
	}

	/** Java group names are [a-zA-Z][a-zA-Z0-9]*; Perl's may hold underscores. */
	private String javaName(String perlName) {
		return groupNames.computeIfAbsent(perlName, name -> {
			StringBuilder b = new StringBuilder();
			for (char ch : name.toCharArray()) {
				if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
					b.append(ch);
				} else {
					b.append("x").append(Integer.toHexString(ch)).append("x");
				}
			}
			if (b.length() == 0 || !Character.isLetter(b.charAt(0))) {
				b.insert(0, 'g');
			}
			String candidate = b.toString();
			while (groupNames.containsValue(candidate)) {
				candidate = candidate + "z";
			}
			return candidate;
		});
	}

	private void characterClass() throws PerlRegexException {
		out.append('[');
		i++;
		if (i < perl.length() && perl.charAt(i) == '^') {
			out.append('^');
			i++;
		}
		if (i < perl.length() && perl.charAt(i) == ']') {
			out.append("\\]");
			i++;
		}
		while (i < perl.length()) {
			char c = perl.charAt(i);
			if (c == ']') {
				out.append(']');
				i++;
				return;
			}
			if (c == '\\') {
				escape(true);
			} else if (c == '[') {
				posixClassOrBracket();
			} else if (c == '&' || c == '#') {
				out.append('\\').append(c); // '&&' is intersection and '#' a comment in Java
				i++;
			} else if (isPerlSpace(c)) {
				out.append(String.format("\\x{%X}", (int) c)); // Java's COMMENTS mode drops it, Perl's /x keeps it
				i++;
			} else {
				out.append(c);
				i++;
			}
		}
		throw new PerlRegexException("Unmatched [ in regex", i);
	}

	private void posixClassOrBracket() throws PerlRegexException {
		if (i + 1 < perl.length() && (perl.charAt(i + 1) == ':' || perl.charAt(i + 1) == '=' || perl.charAt(i + 1) == '.')) {
			char kind = perl.charAt(i + 1);
			int end = perl.indexOf(kind + "]", i + 2);
			if (end >= 0) {
				String name = perl.substring(i + 2, end);
				if (kind != ':') {
					throw new PerlRegexException("POSIX syntax [" + kind + " " + kind + "] is reserved for future extensions", i);
				}
				boolean negated = name.startsWith("^");
				String key = negated ? name.substring(1) : name;
				String java = (negated ? POSIX_NEGATED : POSIX).get(key);
				if (java == null) {
					throw new PerlRegexException("POSIX class [:" + name + ":] unknown", i);
				}
				out.append(java);
				i = end + 2;
				return;
			}
		}
		out.append("\\[");
		i++;
	}

	private void group() throws PerlRegexException {
		if (i + 1 >= perl.length() || perl.charAt(i + 1) != '?') {
			if (i + 1 < perl.length() && perl.charAt(i + 1) == '*') {
				throw unsupported("backtracking control verb (*...)");
			}
			out.append('(');
			i++;
			return;
		}
		String rest = perl.substring(i + 2);
		if (rest.startsWith("#")) {
			int end = perl.indexOf(')', i);
			if (end < 0) {
				throw new PerlRegexException("Sequence (?#... not terminated", i);
			}
			i = end + 1;
			return;
		}
		if (rest.startsWith(":") || rest.startsWith("=") || rest.startsWith("!") || rest.startsWith("<=")
				|| rest.startsWith("<!") || rest.startsWith(">")) {
			out.append("(?");
			i += 2;
			return;
		}
		if (rest.startsWith("<") || rest.startsWith("P<") || rest.startsWith("'")) {
			int nameStart = i + 2 + (rest.startsWith("P<") ? 2 : 1);
			char close = rest.startsWith("'") ? '\'' : '>';
			int end = perl.indexOf(close, nameStart);
			if (end < 0) {
				throw new PerlRegexException("Sequence (?<... not terminated", i);
			}
			out.append("(?<").append(javaName(perl.substring(nameStart, end))).append('>');
			i = end + 1;
			return;
		}
		if (rest.startsWith("P=")) {
			int end = perl.indexOf(')', i);
			if (end < 0) {
				throw new PerlRegexException("Sequence (?P=... not terminated", i);
			}
			out.append("\\k<").append(javaName(perl.substring(i + 4, end))).append('>');
			i = end + 1;
			return;
		}
		if (rest.startsWith("|")) {
			throw unsupported("branch reset (?|...)");
		}
		if (rest.startsWith("{") || rest.startsWith("?{")) {
			throw unsupported("embedded Perl code (?{...})");
		}
		if (rest.startsWith("R") || rest.startsWith("&") || rest.startsWith("P>") || rest.matches("(?s)[-+]?\\d.*")) {
			throw unsupported("recursion (?R), (?N), (?&name)");
		}
		if (rest.startsWith("(")) {
			throw unsupported("conditional (?(...)...)");
		}
		modifiers();
	}

	/** (?flags) and (?flags:...), with Perl-only flags dropped and (?^...) expanded. */
	private void modifiers() throws PerlRegexException {
		int j = i + 2;
		StringBuilder on = new StringBuilder();
		StringBuilder off = new StringBuilder();
		boolean caret = false;
		boolean negative = false;
		while (j < perl.length()) {
			char f = perl.charAt(j);
			if (f == ')' || f == ':') {
				break;
			}
			if (f == '^' && j == i + 2) {
				caret = true;
			} else if (f == '-') {
				negative = true;
			} else if ("imsx".indexOf(f) >= 0) {
				(negative ? off : on).append(f);
			} else if ("adlupn".indexOf(f) >= 0) {
				if (f == 'n') {
					throw unsupported("the n modifier (no capture groups)");
				}
				// charset modifiers change nothing for the byte strings sec matches
			} else {
				throw new PerlRegexException("Sequence (?" + f + "...) not recognized", j);
			}
			j++;
		}
		if (j >= perl.length()) {
			throw new PerlRegexException("Sequence (?... not terminated", i);
		}
		if (caret) {
			for (char f : "imsx".toCharArray()) {
				if (on.indexOf(String.valueOf(f)) < 0 && off.indexOf(String.valueOf(f)) < 0) {
					off.append(f);
				}
			}
		}
		out.append("(?").append(on);
		if (off.length() > 0) {
			out.append('-').append(off);
		}
		out.append(perl.charAt(j));
		i = j + 1;
	}

	/** A '{' that does not start a quantifier is a literal in Perl and an error in Java. */
	private void brace() {
		int end = perl.indexOf('}', i);
		if (end > 0) {
			String inside = perl.substring(i + 1, end);
			if (inside.matches("\\d+(,\\d*)?")) {
				String[] bounds = inside.split(",", -1);
				if (bounds.length == 2 && !bounds[1].isEmpty()
						&& new java.math.BigInteger(bounds[0]).compareTo(new java.math.BigInteger(bounds[1])) > 0) {
					// Perl only warns that {n,m} with n > m can never match; Java refuses it
					out.append("{0}(?!)");
				} else {
					out.append(perl, i, end + 1);
				}
				i = end + 1;
				return;
			}
			if (inside.matches(",\\d+")) {
				out.append("{0").append(inside).append('}');
				i = end + 1;
				return;
			}
		}
		out.append("\\{");
		i++;
	}

	private static boolean isPerlSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}
}

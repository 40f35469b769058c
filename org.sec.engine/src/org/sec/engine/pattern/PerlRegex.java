package org.sec.engine.pattern;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
	/**
	 * Escapes that mean the same in Perl and Java. Not \\Q and \\E: they quote in Perl's string
	 * literals, but sec's patterns are runtime strings, where the regex compiler passes them
	 * through as the letters Q and E.
	 */
	private static final String SHARED_ESCAPES = "dDwWsSbBAzZGnrtfeahHvVRX";

	private final String perl;
	private final StringBuilder out = new StringBuilder();
	/** Perl group name to the Java names of its groups (more than one when Perl's name repeats). */
	private final Map<String, List<String>> groupNames = new LinkedHashMap<>();
	private final java.util.Set<String> javaNamesUsed = new java.util.HashSet<>();
	private final java.util.Set<String> namesReferenced = new java.util.HashSet<>();
	/** For each Java capture group (index = Java number - 1), the Perl group number it stands for. */
	private final List<Integer> perlGroupOfJava = new ArrayList<>();
	/** Perl capture groups opened so far (branch resets restart the count in each alternative). */
	private int perlGroups;
	private int maxPerlGroups;
	private final java.util.ArrayDeque<Frame> open = new java.util.ArrayDeque<>();
	private int i;

	/** An open parenthesis: a branch reset (?|...) keeps where its numbering starts and how far it got. */
	private static final class Frame {
		final boolean branchReset;
		final int base;
		int max;

		Frame(boolean branchReset, int base) {
			this.branchReset = branchReset;
			this.base = base;
			this.max = base;
		}
	}

	/** perl's regcomp.c: RExC_parens nesting limit (a 1000th nested open parenthesis is an error). */
	private static final int MAX_NESTED_PARENS = 1000;
	/** Deeper than this, java.util.regex compiles on a thread with a large stack: Perl allows 999 levels. */
	private static final int DEEP_NESTING = 100;
	private static final long DEEP_COMPILE_STACK = 256L << 20;
	private int deepestNesting;
	/** perl's REG_INFTY - 1: the largest count a {n,m} quantifier may give. */
	private static final long MAX_QUANTIFIER = 65534;

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
	public record Compiled(Pattern pattern, Map<String, List<String>> groupNames, String[] requiredLiterals,
			String[] literalAlternatives, int id, boolean translated, int[][] javaGroupsOf, String perl, boolean inPerl,
			RunStart runStart) {

		/**
		 * {@code m.reset(text).find()} with the work Perl's optimiser spares: a text that lacks
		 * a required literal is refused at once, and a pattern that starts with X+ is tried
		 * only where a run of X starts ({@link RunStart}). A match that runs past
		 * {@link MatchBudget#BUDGET_NANOS} throws {@link MatchBudget.Exceeded}.
		 */
		public boolean find(java.util.regex.Matcher m, String text) {
			return mayMatch(text) && findHavingLiterals(m, text);
		}

		/** {@link #find} for a text that {@link #mayMatch} already accepted. */
		public boolean findHavingLiterals(java.util.regex.Matcher m, String text) {
			MatchBudget budgeted = new MatchBudget(text, MatchBudget.BUDGET_NANOS);
			if (runStart != null) {
				return runStart.find(m, budgeted);
			}
			return m.reset(budgeted).find();
		}

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

		/** How many groups Perl numbers ($1..$N). */
		public int groupCount() {
			return javaGroupsOf == null ? pattern.matcher("").groupCount() : javaGroupsOf.length - 1;
		}

		/** {@link #groupCount()} with a matcher of this pattern at hand (no new Matcher per call). */
		public int groupCount(java.util.regex.Matcher m) {
			return javaGroupsOf == null ? m.groupCount() : javaGroupsOf.length - 1;
		}

		/** Perl's ${@code n} after a successful match of {@code m} (null when the group took no part). */
		public String group(java.util.regex.Matcher m, int n) {
			if (javaGroupsOf == null) {
				return m.group(n);
			}
			for (int j : javaGroupsOf[n]) {
				String value = m.group(j);
				if (value != null) {
					return value;
				}
			}
			return null;
		}

		/** Perl's $+{name}: the leftmost group of that name that took part (null when none did). */
		public String named(java.util.regex.Matcher m, String perlName) {
			for (String javaName : groupNames.getOrDefault(perlName, List.of())) {
				String value = m.group(javaName);
				if (value != null) {
					return value;
				}
			}
			return null;
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

	/**
	 * The literals every match of {@code template} contains once each hole (a match
	 * variable, put in quoted) holds any text: a Pair's pattern2 before its $N are known.
	 */
	public static String[] requiredLiterals(String[] fixedParts) {
		return RequiredLiteral.of(String.join(".", fixedParts));
	}

	/** Translates and compiles; throws with a message naming the problem. */
	public static Compiled compile(String perl) throws PerlRegexException {
		PerlRegex t = new PerlRegex(perl);
		String java = t.translate();
		for (String name : t.namesReferenced) {
			if (t.groupNames.getOrDefault(name, List.of()).size() > 1) {
				throw t.unsupported("a back reference to a repeated group name");
			}
		}
		try {
			Pattern compiled = t.deepestNesting > DEEP_NESTING ? compileOnLargeStack(java) : Pattern.compile(java, Pattern.UNIX_LINES);
			return new Compiled(compiled, t.namesCopy(), RequiredLiteral.of(perl),
					literalAlternatives(perl), NEXT_ID.getAndIncrement(), true, t.groupMap(), perl, false, RunStart.of(perl));
		} catch (PatternSyntaxException e) {
			throw new PerlRegexException(e.getDescription() + " near index " + Math.max(0, e.getIndex()), e.getIndex());
		}
	}

	/** java.util.regex compiles recursively; a thread's default stack overflows near 1,000 nested groups. */
	private static Pattern compileOnLargeStack(String java) {
		Pattern[] result = new Pattern[1];
		RuntimeException[] failure = new RuntimeException[1];
		Thread compiler = new Thread(null, () -> {
			try {
				result[0] = Pattern.compile(java, Pattern.UNIX_LINES);
			} catch (RuntimeException e) {
				failure[0] = e;
			}
		}, "regex-compile", DEEP_COMPILE_STACK);
		compiler.start();
		try {
			compiler.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PatternSyntaxException("interrupted while compiling", java, -1);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		return result[0];
	}

	/**
	 * Stands for a pattern that is valid Perl but has no Java translation: it never
	 * matches (and has no groups), so a rule using it loads as in sec but never fires here.
	 */
	public static Compiled neverMatching() {
		return new Compiled(Pattern.compile("(?!)"), Map.of(), new String[0], null, NEXT_ID.getAndIncrement(), false, null,
				"(?!)", false, null);
	}

	/**
	 * A pattern that is valid Perl but has no Java translation, matched by perl itself (the
	 * engine sends it to the Perl bridge); {@code pattern()} never matches.
	 */
	public static Compiled matchedInPerl(String perl) {
		return new Compiled(Pattern.compile("(?!)"), Map.of(), RequiredLiteral.of(perl), null, NEXT_ID.getAndIncrement(),
				false, null, perl, true, null);
	}

	private Map<String, List<String>> namesCopy() {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		groupNames.forEach((k, v) -> copy.put(k, List.copyOf(v)));
		return java.util.Collections.unmodifiableMap(copy);
	}

	/** Perl group number to Java group numbers; null when they are the same (no branch reset). */
	private int[][] groupMap() {
		boolean identity = maxPerlGroups == perlGroupOfJava.size();
		for (int j = 0; identity && j < perlGroupOfJava.size(); j++) {
			identity = perlGroupOfJava.get(j) == j + 1;
		}
		if (identity) {
			return null;
		}
		int[][] map = new int[maxPerlGroups + 1][];
		for (int n = 0; n <= maxPerlGroups; n++) {
			List<Integer> js = new ArrayList<>();
			for (int j = 0; j < perlGroupOfJava.size(); j++) {
				if (perlGroupOfJava.get(j) == n) {
					js.add(j + 1);
				}
			}
			map[n] = js.stream().mapToInt(Integer::intValue).toArray();
		}
		map[0] = new int[] { 0 };
		return map;
	}

	/** Perl's rendering of a compile error: "MESSAGE in regex; marked by <-- HERE in m/BEFORE <-- HERE AFTER/". */
	private PerlRegexException perlError(String message, int at) {
		return new PerlRegexException(message + " in regex; marked by <-- HERE in m/" + perl.substring(0, at) + " <-- HERE "
				+ perl.substring(at) + "/", at, false, true);
	}

	private void openCapture() {
		perlGroups++;
		maxPerlGroups = Math.max(maxPerlGroups, perlGroups);
		perlGroupOfJava.add(perlGroups);
	}

	private void push(boolean branchReset, int after) throws PerlRegexException {
		open.push(new Frame(branchReset, perlGroups));
		deepestNesting = Math.max(deepestNesting, open.size());
		if (open.size() >= MAX_NESTED_PARENS) {
			throw perlError("Too many nested open parens", after);
		}
	}

	/** A back reference to Perl group {@code n}, as Java numbers it. */
	private void backReference(int n) throws PerlRegexException {
		int java = -1;
		for (int j = 0; j < perlGroupOfJava.size(); j++) {
			if (perlGroupOfJava.get(j) == n) {
				if (java >= 0) {
					throw unsupported("a back reference into a branch reset (?|...)");
				}
				java = j + 1;
			}
		}
		out.append("(?:\\").append(java < 0 ? n : java).append(')');
	}

	/**
	 * Just after the bracketed character class that starts at {@code i} ("[...]", with a
	 * leading '^' or ']' and POSIX "[:name:]" inside it); past the end (length + 1) when the
	 * class is not closed. The pattern analyses (required literals, run starts, nested
	 * repetitions) skip classes with it.
	 */
	static int classEnd(String perl, int i) {
		int j = i + 1;
		if (j < perl.length() && perl.charAt(j) == '^') {
			j++;
		}
		if (j < perl.length() && perl.charAt(j) == ']') {
			j++;
		}
		while (j < perl.length() && perl.charAt(j) != ']') {
			if (perl.charAt(j) == '\\') {
				j++;
			} else if (perl.charAt(j) == '[' && j + 1 < perl.length() && perl.charAt(j + 1) == ':') {
				int end = perl.indexOf(":]", j + 2);
				if (end > 0) {
					j = end + 1;
				}
			}
			j++;
		}
		return j + 1;
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
			case ')' -> {
				Frame f = open.poll();
				if (f != null && f.branchReset) {
					perlGroups = Math.max(f.max, perlGroups);
				}
				out.append(')');
				i++;
			}
			case '|' -> {
				Frame f = open.peek();
				if (f != null && f.branchReset) {
					f.max = Math.max(f.max, perlGroups);
					perlGroups = f.base;
				}
				out.append('|');
				i++;
			}
			default -> {
				out.append(c);
				i++;
			}
			}
		}
		return out.toString();
	}

	PerlRegexException unsupported(String what) {
		return new PerlRegexException(what + " is not supported by the Java regex engine", i, true);
	}

	private void escape(boolean inClass) throws PerlRegexException {
		if (i + 1 >= perl.length()) {
			throw new PerlRegexException("trailing \\ in regex", i);
		}
		char n = perl.charAt(i + 1);
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

	private void digitEscape(boolean inClass) throws PerlRegexException {
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
		i = j;
		backReference(Integer.parseInt(digits.length() > 9 ? digits.substring(0, 9) : digits));
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
		int start = i;
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
		if (ref.matches("\\d{1,9}")) {
			backReference(Integer.parseInt(ref));
		} else if (ref.matches("-\\d{1,9}")) {
			// relative to the groups opened so far: \g{-1} is the last one
			int absolute = perlGroups + 1 - Integer.parseInt(ref.substring(1));
			if (absolute < 1) {
				throw perlError("Reference to nonexistent or unclosed group", perl.indexOf('-', start) + 1);
			}
			backReference(absolute);
		} else if (!ref.isEmpty()) {
			namedReference(ref);
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
		i = end + 1;
		namedReference(perl.substring(j + 1, end));
	}

	private void namedReference(String perlName) {
		namesReferenced.add(perlName);
		List<String> names = groupNames.get(perlName);
		out.append("\\k<").append(names == null ? newJavaName(perlName) : names.get(0)).append('>');
	}

	/**
	 * A Java name for a new group of Perl's {@code perlName}. Java names are
	 * [a-zA-Z][a-zA-Z0-9]* and unique; Perl's may hold underscores and repeat.
	 */
	private String newJavaName(String perlName) {
		StringBuilder b = new StringBuilder();
		for (char ch : perlName.toCharArray()) {
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
		while (!javaNamesUsed.add(candidate)) {
			candidate = candidate + "z";
		}
		groupNames.computeIfAbsent(perlName, k -> new ArrayList<>()).add(candidate);
		return candidate;
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
			openCapture();
			push(false, i);
			return;
		}
		String rest = perl.substring(i + 2, Math.min(perl.length(), i + 6));
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
			push(false, i - 1);
			return;
		}
		if (rest.startsWith("<") || rest.startsWith("P<") || rest.startsWith("'")) {
			int nameStart = i + 2 + (rest.startsWith("P<") ? 2 : 1);
			char close = rest.startsWith("'") ? '\'' : '>';
			int end = perl.indexOf(close, nameStart);
			if (end < 0) {
				throw new PerlRegexException("Sequence (?<... not terminated", i);
			}
			out.append("(?<").append(newJavaName(perl.substring(nameStart, end))).append('>');
			openCapture();
			push(false, i + 1);
			i = end + 1;
			return;
		}
		if (rest.startsWith("P=")) {
			int end = perl.indexOf(')', i);
			if (end < 0) {
				throw new PerlRegexException("Sequence (?P=... not terminated", i);
			}
			String name = perl.substring(i + 4, end);
			i = end + 1;
			namedReference(name);
			return;
		}
		if (rest.startsWith("|")) {
			out.append("(?:");
			i += 3;
			push(true, i - 2);
			return;
		}
		if (rest.startsWith("{") || rest.startsWith("?{")) {
			// sec compiles patterns at run time, where Perl refuses code blocks
			throw new PerlRegexException("Eval-group not allowed at runtime, use re 'eval' in regex m/" + perl + "/", i, false,
					true);
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
		if (perl.charAt(j) == ':') {
			push(false, i - 1);
		}
	}

	/** A '{' that does not start a quantifier is a literal in Perl and an error in Java. */
	private void brace() throws PerlRegexException {
		int end = perl.indexOf('}', i);
		if (end > 0) {
			String inside = perl.substring(i + 1, end);
			if (inside.matches("\\d+(,\\d*)?|,\\d+")) {
				for (String bound : inside.split(",", -1)) {
					if (!bound.isEmpty() && new java.math.BigInteger(bound).compareTo(java.math.BigInteger.valueOf(MAX_QUANTIFIER)) > 0) {
						throw perlError("Quantifier in {,} bigger than " + MAX_QUANTIFIER, end);
					}
				}
			}
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
		if (i >= 2 && perl.charAt(i - 2) == '\\' && isAsciiLetter(perl.charAt(i - 1))
				&& (i < 3 || perl.charAt(i - 3) != '\\')) {
			// perl 5.30+: a literal { right after an escape such as \S or \d is an error
			throw perlError("Unescaped left brace in regex is illegal here", i + 1);
		}
		out.append("\\{");
		i++;
	}

	private static boolean isPerlSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}
}

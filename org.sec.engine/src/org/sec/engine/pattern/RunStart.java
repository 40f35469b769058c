package org.sec.engine.pattern;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Perl's PREGf_SKIP (regcomp.c, "x+ must match at the 1st pos of run of x's"): when a
 * pattern starts, after capturing parentheses, with a greedy {@code X+} of a one-character
 * class X, a match can only start where a run of X starts. If one started inside a run,
 * the same match with X+ taking the run's earlier characters starts sooner. Trying only
 * run starts makes {@code (\S+)$} linear on a long line, as in sec, where
 * java.util.regex's find() tries every position and is quadratic. Likewise PREGf_IMPLICIT
 * ("turn .* into ^.*"): a pattern that starts with {@code .*} can only match first at the
 * start of a line, since from anywhere later the {@code .*} could have started sooner.
 * Perl does not skip when a capture before X+ or .* may be back-referenced, and neither
 * do we.
 */
public final class RunStart {

	private final Pattern atom;
	private final boolean[] latin1 = new boolean[256];
	/** The pattern starts with .*: only the starts of lines are tried. */
	private final boolean lineStarts;

	private RunStart(Pattern atom, boolean lineStarts) {
		this.atom = atom;
		this.lineStarts = lineStarts;
		for (int c = 0; c < 256; c++) {
			latin1[c] = atom.matcher(String.valueOf((char) c)).matches();
		}
	}

	/** The run class of {@code perl}, or null when the pattern does not start with a greedy X+. */
	static RunStart of(String perl) {
		int i = 0;
		boolean sawOpen = false;
		while (i + 1 < perl.length() && perl.charAt(i) == '(' && perl.charAt(i + 1) != '?' && perl.charAt(i + 1) != '*') {
			sawOpen = true;
			i++;
		}
		int atomEnd = atomEnd(perl, i);
		if (atomEnd < 0 || atomEnd >= perl.length() || perl.charAt(atomEnd) != '+' && perl.charAt(atomEnd) != '*') {
			return null;
		}
		if (atomEnd + 1 < perl.length() && (perl.charAt(atomEnd + 1) == '?' || perl.charAt(atomEnd + 1) == '+')) {
			return null; // X+?, X++ (and the same of *) are not Perl's PLUS and STAR nodes
		}
		boolean star = perl.charAt(atomEnd) == '*';
		if (star && !(atomEnd == i + 1 && perl.charAt(i) == '.')) {
			return null; // only .* is made ^.*
		}
		if (sawOpen && mayBackReference(perl)) {
			return null;
		}
		try {
			return new RunStart(Pattern.compile(PerlRegex.translate(perl.substring(i, atomEnd)), Pattern.UNIX_LINES),
					star);
		} catch (PerlRegexException | java.util.regex.PatternSyntaxException e) {
			return null;
		}
	}

	/** Where a one-character atom starting at {@code i} ends, or -1 when there is none. */
	private static int atomEnd(String perl, int i) {
		if (i >= perl.length()) {
			return -1;
		}
		char c = perl.charAt(i);
		if (c == '\\') {
			if (i + 1 >= perl.length()) {
				return -1;
			}
			char n = perl.charAt(i + 1);
			if ("dDwWsShHvV".indexOf(n) >= 0 || !Character.isLetterOrDigit(n)) {
				return i + 2;
			}
			return -1;
		}
		if (c == '[') {
			int end = PerlRegex.classEnd(perl, i);
			return end > perl.length() ? -1 : end;
		}
		if ("^$|()?*+{}".indexOf(c) >= 0 || c == '#' || Character.isWhitespace(c)) {
			return -1;
		}
		return i + 1; // '.' or a literal character
	}

	/** Conservative: any \1-\9, \g or \k counts as a back reference (and \G, which depends on where a try starts). */
	private static boolean mayBackReference(String perl) {
		for (int k = 0; k + 1 < perl.length(); k++) {
			if (perl.charAt(k) == '\\') {
				char n = perl.charAt(k + 1);
				if (n >= '1' && n <= '9' || n == 'g' || n == 'k' || n == 'G') {
					return true;
				}
				k++;
			}
		}
		return false;
	}

	/** After the next "\n" from {@code p}, or past the end. */
	private static int nextLine(CharSequence text, int p) {
		for (int k = p; k < text.length(); k++) {
			if (text.charAt(k) == '\n') {
				return k + 1;
			}
		}
		return text.length() + 1;
	}

	private boolean inClass(char c) {
		return c < 256 ? latin1[c] : atom.matcher(String.valueOf(c)).matches();
	}

	/**
	 * find() that tries only the starts of runs of X, with the matcher's state afterwards as
	 * find() leaves it (groups, start, end).
	 */
	boolean find(Matcher m, CharSequence text) {
		int length = text.length();
		m.reset(text);
		m.useTransparentBounds(true);
		m.useAnchoringBounds(false);
		if (lineStarts) {
			for (int p = 0; p <= length; p = nextLine(text, p)) {
				m.region(p, length);
				if (m.lookingAt()) {
					return true;
				}
			}
			return false;
		}
		boolean previousInRun = false;
		for (int p = 0; p < length; p++) {
			boolean in = inClass(text.charAt(p));
			if (in && !previousInRun) {
				m.region(p, length);
				if (m.lookingAt()) {
					return true;
				}
			}
			previousInRun = in;
		}
		return false;
	}
}

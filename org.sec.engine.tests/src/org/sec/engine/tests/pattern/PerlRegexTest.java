package org.sec.engine.tests.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.pattern.PerlRegexException;
import org.sec.engine.perl.PerlBridge;

/**
 * The translator against perl itself: for each pattern that translates, every text
 * matches or not as in perl, with perl's $1..$N and %+ (branch reset renumbered, relative
 * back references made absolute, repeated group names, \Q and \E as the letters perl's
 * regex compiler makes of them).
 */
class PerlRegexTest {

	private static final List<String> TEXTS = List.of("tcp:22/ssh", "udp:53/dns", "icmp/ping", "xyxy", "xyyx", "8080/tcp",
			"53/udp", "aQa.bE", "a.b", "E", "Q", "aaa", "ab", "a{b}", "abc123", "user=alice42", "Foo bar", "", "a\nb",
			"x{2}", "aaaaa", "  padded  ", "tab\there", "x,x,x,P", "aab abc", "aa ab  aab c", "word1 word2 ", "xxxy",
			"a,b,cP", "a{100}", "ab\nx y", "q\n\nzx", "aXa", "line1 a\nline2 bb",
			"Failed password for root from 203.0.113.7 port 22", "from 203.0.113.", "x port 65531 ssh2", "port 6553 ssh2", "ac",
			"abc", "abbbc", "abcbc", "abd", "acde", "abe", "xyzz", "(abc", "(abc)", "c", "abccd", "abd", "abcaa");

	private static PerlBridge perl;

	@BeforeAll
	static void startPerl() {
		perl = new PerlBridge("perl");
	}

	@AfterAll
	static void stopPerl() {
		perl.close();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "^(?|tcp:(\\d+)|udp:(\\d+)|(icmp))/(\\w+)", "(?|(a)(b)|(x))(y)?", "(\\w)(\\w)\\g{-1}\\g-2",
			"(a)(?:(b)|c)\\g{-1}", "(?<port>\\d+)/tcp|(?<port>\\d+)/udp", "(?<x>a)|(?<x>b)|(?<y>c)", "\\Qa.b\\E", "\\E",
			"a\\Q.b", "[\\Q]", "a{,2}", "x{2}", "a{2,}", "(?i)foo", "(?^i:F)oo", "[[:alpha:]]+\\d+", "(\\w+)=(\\w+?)(\\d+)",
			"\\bbar$", "^$", "a.b", "a\\.b", "(?x) a b # comment", "\\t", "(a)|(b)|(c)", "((a)|(b))+", "(?|(a)|(b))\\1", "^(.*?,){3}P", "a{100}", "(\\S+)$",
			"(\\w+)\\s(\\S+)$", "(.+)P$", "([ab]+)c", "(a+)b\\1", "((x+))(y)", "[^ ]+ ", "\\d+/(tcp|udp)", "(\\S+) $",
			"(a+)\\G", ",+P", "(.*)\\s(\\S+)$", ".*x", "(.*)a\\1", "((.*))(b+)$", ".*?y", "(.+)\\n",
			// groups inside required literals
			"for (root) from", "from (203\\.0\\.113\\.\\d+)", "port (6553\\d) ssh2$", "a(b)?c", "a(b)+c", "a(bc){2}",
			"a(?:b|c)d", "(a(b|c)d)e", "x(?:yz)z", "[(]ab(c)", "\\(ab(c)\\)", "(ab)*c", "ab(c)*?d", "(a)(b)(c)\\1" })
	void matchesAsPerlDoes(String pattern) throws Exception {
		assumeTrue(perl.available(), "perl is not installed");
		PerlRegex.Compiled compiled;
		try {
			compiled = PerlRegex.compile(pattern);
		} catch (PerlRegexException e) {
			assertTrue(e.unsupported(), () -> pattern + ": " + e.getMessage());
			return; // runs in perl itself
		}
		assertMatchesAsPerl(pattern, compiled, TEXTS);
	}

	/**
	 * Lines of 100,000 characters and more, where java.util.regex alone is quadratic or
	 * worse and Perl's optimiser is not (run starts for X+, a required literal): the
	 * results must stay Perl's.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "(\\S+)$", "^(.*?,){30}P", "(\\w+)\\s(\\S+)$", "(.+)P$", "(\\S+) x$", "(.*)\\s(\\S+)$" })
	void longLinesMatchAsPerlDoes(String pattern) throws Exception {
		assumeTrue(perl.available(), "perl is not installed");
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < 20000; i++) {
			words.append("w").append(i).append(' ');
		}
		assertMatchesAsPerl(pattern, PerlRegex.compile(pattern), List.of("a".repeat(200_000) + " ", "x,".repeat(45) + "P",
				"y,".repeat(40), words.toString(), words + "end", "b".repeat(100_000) + " x"));
	}

	private static void assertMatchesAsPerl(String pattern, PerlRegex.Compiled compiled, List<String> texts) throws Exception {
		for (String text : texts) {
			PerlBridge.RegexMatch expected = perl.regexMatch(pattern, text);
			Matcher m = compiled.pattern().matcher(text);
			if (!compiled.find(m, text)) {
				assertNull(expected, pattern + " on '" + text + "' matches in perl");
				continue;
			}
			assertTrue(expected != null, pattern + " on '" + text + "' matches only in Java");
			List<String> groups = new ArrayList<>();
			for (int i = 1; i <= compiled.groupCount(); i++) {
				groups.add(compiled.group(m, i));
			}
			assertEquals(expected.groups(), groups, pattern + " on '" + text + "'");
			Map<String, String> named = new TreeMap<>();
			for (String name : compiled.groupNames().keySet()) {
				String value = compiled.named(m, name);
				if (value != null) {
					named.put(name, value);
				}
			}
			assertEquals(new TreeMap<>(expected.named()), named, pattern + " on '" + text + "' %+");
		}
	}

	/**
	 * A group that matches once, wherever the pattern matches, does not end a required
	 * literal; a quantified group, or one with alternatives of its own, does.
	 */
	@Test
	void requiredLiteralsRunThroughGroupsThatMatchOnce() throws Exception {
		assertEquals(List.of("Failed password for ", " from 203.0.113."),
				List.of(PerlRegex.compile("Failed password for (root|admin) from (203\\.0\\.113\\.\\d+)").requiredLiterals()));
		assertEquals(List.of(" for root from ", "Accepted "), List.of(PerlRegex.compile("Accepted \\S+ for (root) from ([\\d.]+)").requiredLiterals()));
		assertEquals(List.of("port 6553", " ssh2"), List.of(PerlRegex.compile("port (6553\\d) ssh2$").requiredLiterals()));
		assertEquals(List.of("abcd"), List.of(PerlRegex.compile("a(?:b(c))d").requiredLiterals()));
		assertEquals(List.of("xab"), List.of(PerlRegex.compile("xab(c)?cd").requiredLiterals()));
		assertEquals(List.of("cde"), List.of(PerlRegex.compile("(a|b)cde").requiredLiterals()));
		assertEquals(List.of("cde"), List.of(PerlRegex.compile("(?:ab)+cde").requiredLiterals()));
		assertEquals(List.of("zxyz"), List.of(PerlRegex.compile("(xy(a|b)z)xyz").requiredLiterals()));
	}

	@Test
	void perlsLimitsAreRefusedWithPerlsText() {
		PerlRegexException nested = assertThrows(PerlRegexException.class,
				() -> PerlRegex.compile("(".repeat(1000) + "a" + ")".repeat(1000)));
		assertTrue(nested.perlsText());
		assertEquals("Too many nested open parens in regex; marked by <-- HERE in m/" + "(".repeat(1000) + " <-- HERE a"
				+ ")".repeat(1000) + "/", nested.getMessage());
		PerlRegex.Compiled deepest = assertDoesNotThrow("(".repeat(999) + "a" + ")".repeat(999));
		assertEquals(999, deepest.groupCount());
		PerlRegexException quantifier = assertThrows(PerlRegexException.class, () -> PerlRegex.compile("a{1,65535}"));
		assertEquals("Quantifier in {,} bigger than 65534 in regex; marked by <-- HERE in m/a{1,65535 <-- HERE }/",
				quantifier.getMessage());
		assertDoesNotThrow("a{65534}");
		PerlRegexException code = assertThrows(PerlRegexException.class, () -> PerlRegex.compile("(?{ 1 })a"));
		assertEquals("Eval-group not allowed at runtime, use re 'eval' in regex m/(?{ 1 })a/", code.getMessage());
		assertFalse(code.unsupported());
		PerlRegexException brace = assertThrows(PerlRegexException.class, () -> PerlRegex.compile("\\S{+x"));
		assertEquals("Unescaped left brace in regex is illegal here in regex; marked by <-- HERE in m/\\S{ <-- HERE +x/",
				brace.getMessage());
		assertDoesNotThrow("a{x");
		assertDoesNotThrow("\\\\d{x");
	}

	@Test
	void perlsOwnVerdictNamesSecsLineAndConfigHandle() throws Exception {
		assumeTrue(perl.available(), "perl is not installed");
		assertEquals("Unmatched ( in regex; marked by <-- HERE in m/( <-- HERE a/ at /usr/bin/sec line 711, <$fh> line 9.\n",
				perl.regexError("(a", 9, 711));
		assertNull(perl.regexError("a\\Kb", 3, 711));
		assertTrue(perl.regexError("x**", 4, 866).endsWith(" at /usr/bin/sec line 866, <$fh> line 4.\n"));
	}

	private static PerlRegex.Compiled assertDoesNotThrow(String pattern) {
		try {
			return PerlRegex.compile(pattern);
		} catch (PerlRegexException e) {
			throw new AssertionError(pattern + ": " + e.getMessage(), e);
		}
	}
}

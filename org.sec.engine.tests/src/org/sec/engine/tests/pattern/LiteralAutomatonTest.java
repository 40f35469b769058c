package org.sec.engine.tests.pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sec.engine.pattern.LiteralAutomaton;

/** The automaton finds exactly the literals that String.contains finds. */
class LiteralAutomatonTest {

	private static long[] scan(LiteralAutomaton a, String text, int ids) {
		long[] found = new long[(ids + 63) / 64];
		a.scan(text, found);
		return found;
	}

	private static boolean has(long[] found, int id) {
		return (found[id >>> 6] & (1L << id)) != 0;
	}

	@Test
	void findsOverlappingAndNestedLiterals() {
		LiteralAutomaton a = new LiteralAutomaton.Builder().add("he", 0).add("she", 1).add("his", 2).add("hers", 3).build();
		long[] found = scan(a, "ushers", 4);
		assertTrue(has(found, 0), "he inside she");
		assertTrue(has(found, 1));
		assertFalse(has(found, 2));
		assertTrue(has(found, 3), "hers after the fail link from she");
	}

	@Test
	void literalsMayShareAnIdAndOneLiteralMayHaveSeveral() {
		LiteralAutomaton a = new LiteralAutomaton.Builder().add("red", 0).add("blue", 0).add("red", 1).build();
		assertTrue(has(scan(a, "a blue car", 2), 0));
		assertFalse(has(scan(a, "a blue car", 2), 1));
		long[] red = scan(a, "red", 2);
		assertTrue(has(red, 0) && has(red, 1));
	}

	@Test
	void charactersAbove255MatchNothingAndRestartTheSearch() {
		LiteralAutomaton a = new LiteralAutomaton.Builder().add("ab", 0).build();
		assertFalse(has(scan(a, "a\u0100b", 1), 0));
		assertTrue(has(scan(a, "a\u0100ab", 1), 0));
		assertFalse(LiteralAutomaton.accepts("\u20ac5"));
		assertFalse(LiteralAutomaton.accepts(""));
		assertTrue(LiteralAutomaton.accepts("caf\u00e9"));
		assertThrows(IllegalArgumentException.class, () -> new LiteralAutomaton.Builder().add("", 0));
	}

	@Test
	void agreesWithContainsOnRandomTexts() {
		Random random = new Random(15);
		for (int round = 0; round < 200; round++) {
			List<String> literals = new ArrayList<>();
			LiteralAutomaton.Builder builder = new LiteralAutomaton.Builder();
			int count = 1 + random.nextInt(80);
			for (int id = 0; id < count; id++) {
				String literal = randomText(random, 1 + random.nextInt(5));
				literals.add(literal);
				builder.add(literal, id);
			}
			LiteralAutomaton a = builder.build();
			for (int t = 0; t < 20; t++) {
				String text = randomText(random, random.nextInt(60));
				long[] expected = new long[(count + 63) / 64];
				for (int id = 0; id < count; id++) {
					if (text.contains(literals.get(id))) {
						expected[id >>> 6] |= 1L << id;
					}
				}
				assertArrayEquals(expected, scan(a, text, count), () -> "text '" + text + "', literals " + literals);
			}
		}
	}

	@Test
	void anEmptyAutomatonFindsNothing() {
		LiteralAutomaton a = new LiteralAutomaton.Builder().build();
		assertEquals(0L, scan(a, "anything at all", 1)[0]);
	}

	/** Texts over a small alphabet, so that literals overlap often. */
	private static String randomText(Random random, int length) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < length; i++) {
			b.append("abc \u00e9".charAt(random.nextInt(5)));
		}
		return b.toString();
	}
}

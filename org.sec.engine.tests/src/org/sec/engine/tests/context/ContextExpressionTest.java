package org.sec.engine.tests.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextExpressionParser;

/**
 * ContextExpression.mentions: whether an expression holds a variable mark anywhere (operands,
 * nested expressions, Perl code and its parameters). Substitution skips expressions without
 * one, so a mark it misses would leave $1 unsubstituted.
 */
class ContextExpressionTest {

	private static ContextExpression parse(String text) {
		List<ConfigDiagnostic.Problem> problems = new ArrayList<>();
		ContextExpression e = ContextExpressionParser.parse(text, problems);
		assertEquals(List.of(), problems, text);
		return e;
	}

	@Test
	void marksAreFoundWhereverTheyAre() {
		assertFalse(parse("A && !B").mentions('$'));
		assertTrue(parse("A && !B_$1").mentions('$'));
		assertTrue(parse("A && (B || (C && !D_$2))").mentions('$'), "nested twice");
		assertTrue(parse("=($1 > 5)").mentions('$'), "Perl code");
		assertTrue(parse("$1 -> ( sub { return 1 } )").mentions('$'), "code parameters");
		assertTrue(parse("X_%s").mentions('%'));
		assertFalse(parse("X_$1").mentions('%'));
		assertFalse(parse("X_%s").mentions('$'));
	}

	@Test
	void theAnswerIsTheSameWhenAskedAgain() {
		ContextExpression e = parse("A || B_$1");
		assertTrue(e.mentions('$'));
		assertTrue(e.mentions('$'));
		assertFalse(e.mentions('%'));
		assertFalse(e.mentions('%'));
	}
}

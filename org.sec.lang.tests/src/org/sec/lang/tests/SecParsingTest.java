package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.resource.XtextResource;
import org.junit.jupiter.api.Test;
import org.sec.lang.ide.SecIde;
import org.sec.lang.sec.Field;
import org.sec.lang.sec.Rule;
import org.sec.lang.sec.SecFile;

class SecParsingTest {

	private static SecFile parse(String text) {
		XtextResource resource = SecIde.parse(text, "test.sec");
		assertTrue(resource.getErrors().isEmpty(), () -> "errors: " + resource.getErrors());
		return (SecFile) resource.getContents().get(0);
	}

	private static List<String> fields(Rule rule) {
		return rule.getFields().stream().map(f -> f.getKey() + "=" + f.getValue()).collect(Collectors.toList());
	}

	@Test
	void blankLineAndCommentEndRules() {
		SecFile file = parse("type=Single\nptype=SubStr\n\n# c\ntype=Suppress\n# d\ntype=Calendar\n");
		assertEquals(3, file.getRules().size());
		assertEquals(List.of("type=Single", "ptype=SubStr"), fields(file.getRules().get(0)));
		assertEquals(List.of("type=Suppress"), fields(file.getRules().get(1)));
		assertEquals(List.of("type=Calendar"), fields(file.getRules().get(2)));
	}

	@Test
	void continuationJoinsAsSecDoes() {
		SecFile file = parse("action=write - a;\\\n  # kept\\\n\n  desc = x\n");
		Rule rule = file.getRules().get(0);
		assertEquals(List.of("action=write - a;  # kept", "desc=x"), fields(rule));
	}

	@Test
	void blankLineAfterContinuationIsConsumedAndTheRuleGoesOn() {
		SecFile file = parse("desc=y \\\n\naction=none\n");
		assertEquals(1, file.getRules().size());
		assertEquals(List.of("desc=y", "action=none"), fields(file.getRules().get(0)));
	}

	@Test
	void continuationAtEndOfFileHasNoValue() {
		SecFile file = parse("type=Single\ndesc=dropped \\\n");
		Field dangling = file.getRules().get(0).getFields().get(1);
		assertEquals("desc", dangling.getKey());
		assertNull(dangling.getValue());
	}

	@Test
	void lastLineWithoutNewlineIsAField() {
		SecFile file = parse("\n\ntype=Single\naction=none");
		assertEquals(List.of("type=Single", "action=none"), fields(file.getRules().get(0)));
	}

	@Test
	void lineWithoutEqualsSignIsKeptAsMalformedAndTheRuleGoesOn() {
		SecFile file = parse("type=Single\nno equals (here)\ndesc=x\n");
		Rule rule = file.getRules().get(0);
		assertEquals(List.of("type=Single", "desc=x"), fields(rule));
		assertEquals("no equals (here)", rule.getMalformed().get(0).getText().replace(" ", " "));
	}
}

package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.sec.engine.action.ActionType;
import org.sec.lang.docs.SecDocs;
import org.sec.lang.model.ContextCreators;

/** Where contexts are created (for hyperlinks and lints), and the texts the editor shows. */
class ContextCreatorsAndDocsTest {

	private static final String RULES = "type=Single\nptype=RegExp\npattern=login (\\w+)\ndesc=login $1\n"
			+ "action=write - hi; create USER_$1 60 (write - gone); \\\n       alias USER_$1 ANY_USER\n\n"
			+ "type=Single\nptype=SubStr\npattern=admin\ndesc=admin\naction=add ADMIN_MODE %s\n\n"
			+ "type=Single\nptype=RegExp\npattern=x (\\w+)\ncontext=USER_bob && ADMIN_MODE && !NOBODY\ndesc=x\naction=none\n";

	@Test
	void placesThatCreateAContextAreTheNamesInTheActions() {
		int userField = RULES.indexOf("USER_$1");
		assertEquals(List.of(new ContextCreators.Place(userField, 7, 5)), ContextCreators.places(RULES, "USER_bob"));
		// the alias sits on the continuation line of the same field
		assertEquals(List.of(new ContextCreators.Place(RULES.indexOf("ANY_USER"), 8, 6)),
				ContextCreators.places(RULES, "ANY_USER"));
		assertEquals(List.of(new ContextCreators.Place(RULES.indexOf("ADMIN_MODE %s"), 10, 12)),
				ContextCreators.places(RULES, "ADMIN_MODE"));
		assertEquals(List.of(), ContextCreators.places(RULES, "NOBODY"));
	}

	@Test
	void namesWithVariablesStandForAnyText() {
		assertTrue(ContextCreators.couldCreate("USER_$1", "USER_bob"));
		assertTrue(ContextCreators.couldCreate("USER_$1_%x", "USER_$2_%y"));
		assertEquals(false, ContextCreators.couldCreate("USER_$1", "ADMIN_bob"));
		assertEquals(false, ContextCreators.couldCreate("USER", "USER_bob"));
	}

	@Test
	void everyActionIsDocumentedWithItsOwnKeywordFirst() {
		for (ActionType type : ActionType.values()) {
			SecDocs.ActionDoc doc = SecDocs.action(type);
			assertNotNull(doc, type + " has no documentation");
			assertEquals(type.name().toLowerCase(Locale.ROOT), doc.syntax().split(" ")[0], type.toString());
		}
		assertEquals("the time in seconds since the epoch", SecDocs.builtinVariables().get("%u"));
		assertEquals(SecDocs.field("thresh"), SecDocs.field("thresh2"));
	}
}

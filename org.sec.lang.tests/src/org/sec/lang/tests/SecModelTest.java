package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.action.ActionType;
import org.sec.engine.context.ContextToken;
import org.sec.engine.rules.ContinueSpec;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.rules.RuleKind;
import org.sec.lang.ide.SecIde;
import org.sec.lang.model.SecModel;
import org.sec.lang.sec.SecFile;

/** The typed model: the grammar's rules joined with the values the engine's parsers make of them. */
class SecModelTest {

	private static final String RULES = """
			label=start
			type=Single
			ptype=RegExp2
			pattern=^a\\nb$
			varmap=pair; first=0
			context=[ READY && !(BUSY_$1 || %x) ]
			continue=GoTo later
			desc=one
			action=create READY 10 (write - gone); \\
			       if %x ( assign %y 1 ) else ( while %y ( break ) )

			type=Calendar
			time=0 */6 1-7 * 1
			desc=weekly
			action=none

			label=later
			type=Single
			ptype=SubStr
			pattern=x
			desc=x
			action=frobnicate

			type=EventGroup2
			ptype=SubStr
			pattern=a
			ptype2=TValue
			pattern2=TRUE
			thresh2=4
			desc=g
			action=none
			window=30
			""";

	private static SecModel model() {
		return SecModel.of((SecFile) SecIde.parse(RULES, "m.sec").getContents().get(0), "m.sec");
	}

	@Test
	void fieldValuesAreTheEnginesParses() {
		List<SecModel.RuleModel> rules = model().rules();
		assertEquals(4, rules.size());
		SecModel.RuleModel single = rules.get(0);
		assertEquals(List.of("start"), single.labels());
		assertEquals(RuleKind.SINGLE, single.loaded().kind());
		PatternSpec pattern = single.loaded().slots().get(0).pattern();
		assertEquals(List.of(PatternSpec.Type.REGEXP, false, 2), List.of(pattern.type(), pattern.negated(), pattern.lines()));
		java.util.Map<String, Integer> varmap = new java.util.HashMap<>();
		varmap.put("pair", null); // the cache entry's name
		varmap.put("first", 0);
		assertEquals(varmap, single.loaded().slots().get(0).varmap());
		assertEquals(true, single.loaded().slots().get(0).context().preEvaluated());
		assertEquals(List.of(ContextToken.Kind.OPERAND, ContextToken.Kind.EXPRESSION, ContextToken.Kind.NEGATION,
				ContextToken.Kind.AND), single.loaded().slots().get(0).context().expression().tokens().stream()
						.map(ContextToken::kind).toList());
		assertEquals(ContinueSpec.Kind.GOTO, single.loaded().slots().get(0).whatNext().kind());
		assertEquals(2, single.loaded().slots().get(0).gotoRule(), "GoTo later: the label of the third rule");
		assertEquals(List.of(ActionType.CREATE, ActionType.IF),
				single.loaded().actions("action").stream().map(a -> a.type()).toList());
		assertEquals(ActionType.WHILE, single.loaded().actions("action").get(1).lists().get(1).get(0).type());

		SecModel.RuleModel calendar = rules.get(1);
		assertEquals(RuleKind.CALENDAR, calendar.loaded().kind());
		assertEquals("{0, 6, 12, 18}", calendar.loaded().time().hours().toString());
		assertEquals("{1}", calendar.loaded().time().weekdays().toString());

		SecModel.RuleModel rejected = rules.get(2);
		assertNull(rejected.loaded(), "sec rejects an unknown action");
		assertEquals(List.of("Rule in m.sec at line 17: Invalid action 'frobnicate'",
				"Rule in m.sec at line 17: Invalid action list ' frobnicate '"),
				rejected.diagnostics().stream().map(d -> d.message()).toList());

		assertEquals(4L, rules.get(3).loaded().slots().get(1).threshold());
	}

	@Test
	void valuesKeepTheirPlaceInTheSource() {
		SecModel.RuleModel single = model().rules().get(0);
		String action = "create READY 10 (write - gone); \\\n       if %x ( assign %y 1 ) else ( while %y ( break ) )";
		int start = RULES.indexOf("create READY");
		assertArrayEquals(new int[] { start, action.length() }, single.region("action").span());
		assertEquals("create READY 10 (write - gone);        if %x ( assign %y 1 ) else ( while %y ( break ) )",
				single.region("action").value());
		assertArrayEquals(new int[] { RULES.indexOf("while"), 5 }, single.region("action").spanOf("while"));
	}
}

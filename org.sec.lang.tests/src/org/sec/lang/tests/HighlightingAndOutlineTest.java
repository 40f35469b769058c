package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.sec.lang.ide.SecIde;
import org.sec.lang.ide.highlighting.SecHighlightingStyles;
import org.sec.lang.ide.outline.OutlineEntry;
import org.sec.lang.ide.outline.RuleOutline;
import org.sec.lang.sec.SecFile;

class HighlightingAndOutlineTest {

	private static final String TEXT = "# ssh\ntype=Single\nptype=RegExp\npattern=sshd\ndesc=login $1\naction=none\n\n"
			+ "rem=only a remark\n\ntype=Suppress\nptype=SubStr\npattern=x\n";

	@Test
	void highlightsKeywordsRuleTypeValuesAndComments() {
		XtextResource resource = SecIde.parse(TEXT, "h.sec");
		List<String> positions = new ArrayList<>();
		SecIde.injector().getInstance(ISemanticHighlightingCalculator.class).provideHighlightingFor(resource,
				(offset, length, ids) -> positions.add(TEXT.substring(offset, offset + length) + "|" + String.join(",", ids)),
				CancelIndicator.NullImpl);
		assertEquals(List.of("# ssh|" + SecHighlightingStyles.COMMENT,
				"type|" + SecHighlightingStyles.FIELD_KEYWORD, "Single|" + SecHighlightingStyles.RULE_TYPE,
				"ptype|" + SecHighlightingStyles.FIELD_KEYWORD, "RegExp|" + SecHighlightingStyles.VALUE,
				"pattern|" + SecHighlightingStyles.FIELD_KEYWORD, "sshd|" + SecHighlightingStyles.VALUE,
				"desc|" + SecHighlightingStyles.FIELD_KEYWORD, "login $1|" + SecHighlightingStyles.VALUE,
				"$1|" + SecHighlightingStyles.VARIABLE,
				"action|" + SecHighlightingStyles.FIELD_KEYWORD, "none|" + SecHighlightingStyles.VALUE,
				"none|" + SecHighlightingStyles.ACTION_NAME,
				"rem|" + SecHighlightingStyles.FIELD_KEYWORD, "only a remark|" + SecHighlightingStyles.VALUE,
				"type|" + SecHighlightingStyles.FIELD_KEYWORD, "Suppress|" + SecHighlightingStyles.RULE_TYPE,
				"ptype|" + SecHighlightingStyles.FIELD_KEYWORD, "SubStr|" + SecHighlightingStyles.VALUE,
				"pattern|" + SecHighlightingStyles.FIELD_KEYWORD, "x|" + SecHighlightingStyles.VALUE), positions);
	}

	@Test
	void outlineListsRulesAsTypeAndDescSkippingRemarkOnlyGroups() {
		SecFile file = (SecFile) SecIde.parse(TEXT, "o.sec").getContents().get(0);
		List<OutlineEntry> entries = RuleOutline.of(file);
		assertEquals(List.of("Single: login $1", "Suppress"), entries.stream().map(OutlineEntry::label).toList());
		assertEquals(2, entries.get(0).line());
		assertEquals(10, entries.get(1).line());
		assertEquals(TEXT.indexOf("type=Single"), entries.get(0).offset());
	}
}

package org.sec.lang.ide.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.sec.lang.model.RuleFields;
import org.sec.lang.sec.Rule;
import org.sec.lang.sec.SecFile;

/** Lists the rules of a file as "type: desc", the way SEC users name their rules. */
public final class RuleOutline {

	private RuleOutline() {
	}

	public static List<OutlineEntry> of(SecFile file) {
		List<OutlineEntry> entries = new ArrayList<>();
		if (file == null) {
			return entries;
		}
		for (Rule rule : file.getRules()) {
			if (!RuleFields.isRuleDefinition(rule)) {
				continue;
			}
			ICompositeNode node = NodeModelUtils.findActualNodeFor(rule);
			String type = RuleFields.type(rule).orElse("(no type)");
			String label = RuleFields.desc(rule).map(desc -> type + ": " + desc).orElse(type);
			if (node == null) {
				entries.add(new OutlineEntry(label, type, 0, 0, 0));
			} else {
				entries.add(new OutlineEntry(label, type, node.getOffset(), node.getLength(), node.getStartLine()));
			}
		}
		return entries;
	}
}

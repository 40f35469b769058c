package org.sec.lang.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.RuleLoader;
import org.sec.lang.sec.Field;
import org.sec.lang.sec.Rule;
import org.sec.lang.sec.SecFile;

/**
 * The typed model of a rule file. The grammar gives each rule its fields with their
 * source; the engine's loader (the one parser per concept) gives the same rule with its
 * values parsed: rule kind, pattern types and compiled patterns, varmaps, continue
 * values with resolved GoTo targets, action lists with if/while bodies, context
 * expressions, Calendar time specs, windows, thresholds. A {@link RuleModel} joins the
 * two, so tools read typed values and can still point at the text ({@link ValueRegion}).
 * A rule that sec rejects has no loaded rule; its diagnostics say why.
 */
public final class SecModel {

	/** One rule: its fields as written, the engine's rule ({@code null} if sec rejects it) and sec's messages about it. */
	public record RuleModel(Rule syntax, int startLine, int endLine, org.sec.engine.rules.Rule loaded,
			List<ConfigDiagnostic> diagnostics) {

		/** The field sec uses for a keyword: the last one (sec warns about the others). */
		public Optional<Field> field(String keyword) {
			Field found = null;
			for (Field f : syntax.getFields()) {
				if (keyword.equals(f.getKey())) {
					found = f;
				}
			}
			return Optional.ofNullable(found);
		}

		/** Where the value of a keyword's field is in the source, or {@code null}. */
		public ValueRegion region(String keyword) {
			return field(keyword).map(ValueRegion::of).orElse(null);
		}

		/** The rule's labels (targets of continue=GoTo). */
		public List<String> labels() {
			return syntax.getFields().stream().filter(f -> RuleFields.LABEL.equals(f.getKey())).map(Field::getValue)
					.toList();
		}
	}

	private final LoadedRuleFile loaded;
	private final List<RuleModel> rules;

	private SecModel(LoadedRuleFile loaded, List<RuleModel> rules) {
		this.loaded = loaded;
		this.rules = List.copyOf(rules);
	}

	/** The model of a parsed file; {@code fileName} is the name sec's messages use. */
	public static SecModel of(SecFile file, String fileName) {
		ICompositeNode root = NodeModelUtils.getNode(file);
		String text = root == null ? "" : root.getRootNode().getText();
		LoadedRuleFile loaded = RuleLoader.load(fileName, text, 0);
		List<RuleModel> rules = new ArrayList<>();
		for (Rule rule : file.getRules()) {
			ICompositeNode node = NodeModelUtils.findActualNodeFor(rule);
			if (node == null || !RuleFields.isRuleDefinition(rule)) {
				continue;
			}
			int start = node.getStartLine();
			int end = node.getEndLine();
			org.sec.engine.rules.Rule engineRule = loaded.rules().stream()
					.filter(r -> r.line() >= start && r.line() <= end).findFirst().orElse(null);
			List<ConfigDiagnostic> diagnostics = loaded.messages().stream()
					.filter(d -> d.line() >= start && d.line() <= end).toList();
			rules.add(new RuleModel(rule, start, end, engineRule, diagnostics));
		}
		return new SecModel(loaded, rules);
	}

	/** The rule definitions in file order (groups of only label/rem lines are not rules). */
	public List<RuleModel> rules() {
		return rules;
	}

	/** The engine's view of the whole file: valid rules, Options, messages and sec's verdict. */
	public LoadedRuleFile loaded() {
		return loaded;
	}
}

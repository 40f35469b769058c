package org.sec.lang.validation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.RuleLoader;
import org.sec.engine.syntax.DeepStack;
import org.sec.lang.model.ValueRegion;
import org.sec.lang.sec.Field;
import org.sec.lang.sec.Malformed;
import org.sec.lang.sec.Rule;
import org.sec.lang.sec.SecFile;
import org.sec.lang.sec.SecPackage;

/**
 * Gives a rule file sec's own verdict: the engine's loader (a port of sec's
 * read_configfile and check_rule) reads the text, and each message it logs becomes an
 * issue on the line sec names, on the field it is about when the message names one.
 * Lines that are not keyword=value are already syntax errors of the grammar.
 */
public class SecValidator extends AbstractSecValidator {

	/** A line that is not keyword=value: the file is invalid but the rule around it is still checked. */
	public static final String MALFORMED_LINE = IssueCodes.of(ConfigDiagnostic.Code.MALFORMED_LINE);
	/** An action or field that the target sec release does not have yet (trim before 2.9.4). */
	public static final String NEEDS_NEWER_SEC = IssueCodes.NEEDS_NEWER_SEC;

	@Check(CheckType.FAST)
	public void checkWithSecsLoader(SecFile file) {
		ICompositeNode root = NodeModelUtils.getNode(file);
		if (root == null) {
			return;
		}
		String name = file.eResource() == null ? "rules" : file.eResource().getURI().lastSegment();
		String text = root.getRootNode().getText();
		// sec loads deep nestings; our parsers and java.util.regex need the frames for them
		// the rules' Perl code is compiled by perl, as sec does, in a perl of its own per check
		// so that perl numbers its evals as sec does; it starts only if the file has Perl code
		LoadedRuleFile loaded;
		org.sec.engine.api.SecVersion target = SecTarget.of(file.eResource());
		try (PerlBridge perl = PerlBridge.fromPath()) {
			loaded = DeepStack.get(() -> RuleLoader.load(name, text, 0, target, perl));
		}
		List<SecLints.Finding> findings = DeepStack.get(() -> SecLints.check(loaded));
		index = new LineIndex(file);
		for (ConfigDiagnostic d : loaded.messages()) {
			if (d.severity() != ConfigDiagnostic.Severity.ERROR && d.severity() != ConfigDiagnostic.Severity.WARNING) {
				continue;
			}
			report(file, d);
		}
		for (org.sec.engine.rules.NewerSecFeature n : loaded.newerFeatures()) {
			Rule rule = index.ruleStartingAt(n.ruleLine());
			Field field = rule == null ? null : fieldNamed(rule, n.keyword());
			if (field != null) {
				error(n.message(), field, SecPackage.Literals.FIELD__KEY, NEEDS_NEWER_SEC, n.since().text());
			}
		}
		for (SecLints.Finding f : findings) {
			Rule rule = index.ruleStartingAt(f.ruleLine());
			if (rule == null) {
				continue;
			}
			Field field = fieldNamed(rule, f.keyword() == null ? "type" : f.keyword());
			ValueRegion region = field == null || f.part() == null ? null : ValueRegion.of(field);
			int[] span = region == null ? null : region.spanOf(f.part());
			if (span != null) {
				getMessageAcceptor().acceptWarning(f.message(), field, span[0], span[1], LINT);
			} else if (field != null) {
				warning(f.message(), field, SecPackage.Literals.FIELD__KEY, LINT);
			}
		}
	}

	public static final String LINT = IssueCodes.LINT;

	/** Rules and line elements by line, built once per validation so lookups stay cheap for big files. */
	private static final class LineIndex {
		final java.util.TreeMap<Integer, Rule> rulesByEndLine = new java.util.TreeMap<>();
		private final SecFile file;
		/** Made when a loader message first asks: a file without errors never needs it. */
		private Map<Integer, EObject> elementsByLine;

		LineIndex(SecFile file) {
			this.file = file;
			for (Rule rule : file.getRules()) {
				ICompositeNode node = NodeModelUtils.findActualNodeFor(rule);
				if (node != null) {
					rulesByEndLine.putIfAbsent(node.getEndLine(), rule);
				}
			}
		}

		/** The malformed line or the continued field that ends at {@code line}, or null. */
		EObject elementEndingAt(int line) {
			if (elementsByLine == null) {
				elementsByLine = new java.util.HashMap<>();
				for (Rule rule : file.getRules()) {
					ICompositeNode node = NodeModelUtils.findActualNodeFor(rule);
					if (node == null) {
						continue;
					}
					for (Malformed bad : rule.getMalformed()) {
						ICompositeNode n = NodeModelUtils.findActualNodeFor(bad);
						if (n != null) {
							elementsByLine.putIfAbsent(n.getEndLine(), bad);
						}
					}
					int ruleStartLine = node.getStartLine();
					for (Field field : rule.getFields()) {
						ICompositeNode n = NodeModelUtils.findActualNodeFor(field);
						if (n != null && n.getStartLine() != ruleStartLine) {
							elementsByLine.putIfAbsent(n.getEndLine(), field);
						}
					}
				}
			}
			return elementsByLine.get(line);
		}

		Rule ruleStartingAt(int line) {
			Map.Entry<Integer, Rule> e = rulesByEndLine.ceilingEntry(line);
			return e == null ? null : e.getValue();
		}
	}

	private LineIndex index;
	private static final Pattern GOTO = Pattern.compile("^goto\\s+(.*\\S)", Pattern.CASE_INSENSITIVE);
	private static final Pattern EXTENDED = Pattern.compile("\\(\\?[a-z^]*x[a-z]*[:)-]");

	/** Labels that no continue=GoTo names. */
	@Check(CheckType.FAST)
	public void checkUnusedLabels(SecFile file) {
		java.util.Set<String> targets = new java.util.HashSet<>();
		for (Rule rule : file.getRules()) {
			for (Field field : rule.getFields()) {
				if (field.getKey() != null && field.getKey().startsWith("continue") && field.getValue() != null) {
					Matcher m = GOTO.matcher(field.getValue());
					if (m.find()) {
						targets.add(m.group(1));
					}
				}
			}
		}
		for (Rule rule : file.getRules()) {
			for (Field field : rule.getFields()) {
				if ("label".equals(field.getKey()) && field.getValue() != null && !targets.contains(field.getValue())) {
					ValueRegion region = ValueRegion.of(field);
					int[] span = region == null ? null : region.span();
					String message = "Label " + field.getValue() + " is not used by any continue=GoTo";
					if (span != null) {
						getMessageAcceptor().acceptWarning(message, field, span[0], span[1], LINT);
					} else {
						warning(message, field, SecPackage.Literals.FIELD__KEY, LINT);
					}
				}
			}
		}
	}

	/**
	 * FAQ Q13: continuation lines are joined without a newline, so in (?x) mode a '#'
	 * comment runs to the end of the whole pattern and hides the lines after it.
	 */
	@Check(CheckType.FAST)
	public void checkExtendedModeComments(Field field) {
		if (field.getKey() == null || !field.getKey().startsWith("pattern") || field.getValue() == null) {
			return;
		}
		ICompositeNode node = NodeModelUtils.findActualNodeFor(field);
		if (node == null || node.getStartLine() == node.getEndLine()) {
			return;
		}
		String value = field.getValue();
		if (EXTENDED.matcher(value).find() && value.indexOf('#') >= 0) {
			warning("In (?x) mode '#' starts a comment that runs to the end of the joined pattern:"
					+ " the continuation lines after it are ignored", field, SecPackage.Literals.FIELD__KEY, LINT);
		}
	}

	private void report(SecFile file, ConfigDiagnostic d) {
		String message = d.message();
		String prefix = "Rule in " + file.eResource().getURI().lastSegment() + " at line " + d.line() + ": ";
		boolean namesRule = message.startsWith(prefix);
		if (namesRule) {
			message = message.substring(prefix.length());
		}
		boolean malformed = d.code() == ConfigDiagnostic.Code.MALFORMED_LINE;
		Rule rule = index.ruleStartingAt(d.line());
		EObject field = d.keyword() != null && rule != null ? fieldNamed(rule, d.keyword()) : null;
		if (field == null) {
			field = index.elementEndingAt(d.line());
		}
		if (field == null && rule != null && malformed) {
			field = rule.getFields().stream().filter(f -> NodeModelUtils.findActualNodeFor(f).getEndLine() == d.line())
					.findFirst().orElse(null); // "empty=" parses as a field with an empty value
		}
		if (field == null && rule != null) {
			field = fieldNamed(rule, "type");
		}
		EObject target = field != null ? field : rule != null ? rule : file;
		ICompositeNode targetNode = NodeModelUtils.findActualNodeFor(target);
		if (namesRule && targetNode != null && targetNode.getStartLine() != d.line()) {
			message = message + " (sec reports it for the rule at line " + d.line() + ")";
		}
		boolean error = d.severity() == ConfigDiagnostic.Severity.ERROR;
		String code = IssueCodes.of(d.code());
		String[] data = IssueCodes.data(d);
		int[] span = target instanceof Field f && !malformed ? valueSpan(f, d) : null;
		if (span != null) {
			if (error) {
				getMessageAcceptor().acceptError(message, target, span[0], span[1], code, data);
			} else {
				getMessageAcceptor().acceptWarning(message, target, span[0], span[1], code, data);
			}
		} else if (target instanceof Field f) {
			if (error) {
				error(message, f, SecPackage.Literals.FIELD__KEY, code, data);
			} else {
				warning(message, f, SecPackage.Literals.FIELD__KEY, code, data);
			}
		} else if (target instanceof Malformed bad) {
			error(message, bad, SecPackage.Literals.MALFORMED__TEXT, code, data);
		} else if (error) {
			error(message, target, null, code, data);
		} else {
			warning(message, target, null, code, data);
		}
	}

	/**
	 * Where in the field's value a diagnostic points: its subject (the quoted action,
	 * variable, label or value) when the value holds it, else the whole value for a value
	 * that sec refused; {@code null} leaves it on the keyword.
	 */
	private static int[] valueSpan(Field field, ConfigDiagnostic d) {
		ValueRegion region = ValueRegion.of(field);
		if (region == null || !IssueCodes.aboutTheValue(d.code())) {
			return null;
		}
		if (d.subject() != null && !d.subject().isBlank()) {
			int[] span = region.spanOf(d.subject().strip());
			if (span != null) {
				return span;
			}
		}
		return region.span();
	}

	private static Field fieldNamed(Rule rule, String keyword) {
		Field found = null;
		for (Field field : rule.getFields()) {
			if (field.getKey() != null && field.getKey().equals(keyword)) {
				found = field; // the last one is the one sec used
			}
		}
		if (found == null && keyword != null && keyword.startsWith("action")) {
			return fieldNamed(rule, "action2".equals(keyword) ? "action" : null);
		}
		return found != null ? found : rule.getFields().isEmpty() ? null : rule.getFields().get(0);
	}
}

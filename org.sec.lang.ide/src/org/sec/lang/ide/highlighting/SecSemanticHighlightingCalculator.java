package org.sec.lang.ide.highlighting;

import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.sec.lang.sec.Field;
import org.sec.lang.sec.SecFile;
import org.sec.lang.sec.SecPackage;
import org.sec.lang.sec.Rule;
import org.sec.lang.services.SecGrammarAccess;

import com.google.inject.Inject;

/**
 * Colours a rule file: field keywords, the rule type, other values and comments.
 * Works on the parse result, so an editor needs no scanner of its own.
 */
public class SecSemanticHighlightingCalculator implements ISemanticHighlightingCalculator {

	@Inject
	private SecGrammarAccess grammar;

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor,
			CancelIndicator cancelIndicator) {
		if (resource == null || resource.getParseResult() == null) {
			return;
		}
		TerminalRule commentRule = grammar.getCOMMENTRule();
		for (ILeafNode leaf : resource.getParseResult().getRootNode().getLeafNodes()) {
			if (leaf.getGrammarElement() == commentRule) {
				acceptor.addPosition(leaf.getOffset(), leaf.getLength(), SecHighlightingStyles.COMMENT);
			}
		}
		if (!(resource.getParseResult().getRootASTElement() instanceof SecFile file)) {
			return;
		}
		for (Rule rule : file.getRules()) {
			if (cancelIndicator.isCanceled()) {
				return;
			}
			for (Field field : rule.getFields()) {
				highlightField(field, acceptor);
				highlightInside(rule, field, acceptor);
			}
		}
	}

	private static final java.util.regex.Pattern VARIABLE = java.util.regex.Pattern
			.compile("%(?:\\{\\.?[A-Za-z]\\w*\\}|\\.?[A-Za-z]\\w*)|\\$(?:\\d+|\\+\\{\\w+\\})");
	private static final java.util.regex.Pattern ACTION_START = java.util.regex.Pattern
			.compile("(?:^|[;(])\\s*([a-z]+)");
	private static final java.util.regex.Pattern CONTEXT_OPERATOR = java.util.regex.Pattern.compile("&&|\\|\\||!");
	private static final java.util.Set<String> ACTIONS = java.util.Arrays.stream(org.sec.engine.action.ActionType.values())
			.map(org.sec.engine.action.ActionType::keyword).collect(java.util.stream.Collectors.toSet());

	/** Inside values: regex groups, classes and quantifiers; action names; variables; context operators. */
	private void highlightInside(Rule rule, Field field, IHighlightedPositionAcceptor acceptor) {
		String key = field.getKey();
		if (key == null) {
			return;
		}
		for (INode node : NodeModelUtils.findNodesForFeature(field, SecPackage.Literals.FIELD__VALUE)) {
			String text = node.getText();
			int base = node.getOffset();
			if (key.matches("pattern\\d*|egpattern")) {
				String suffix = key.startsWith("eg") ? "" : key.substring("pattern".length());
				String ptype = rule.getFields().stream()
						.filter(f -> (key.startsWith("eg") ? "egptype" : "ptype" + suffix).equals(f.getKey()))
						.map(Field::getValue).filter(java.util.Objects::nonNull).findFirst().orElse("");
				if (ptype.replaceFirst("^=", "").strip().toLowerCase(java.util.Locale.ROOT).matches("n?regexp\\d*")) {
					regex(text, base, acceptor);
				}
			} else if (key.matches("action\\d*|init|slide|end")) {
				java.util.regex.Matcher m = ACTION_START.matcher(text.startsWith("=") ? text.substring(1) : text);
				int shift = text.startsWith("=") ? 1 : 0;
				while (m.find()) {
					if (ACTIONS.contains(m.group(1))) {
						acceptor.addPosition(base + shift + m.start(1), m.group(1).length(), SecHighlightingStyles.ACTION_NAME);
					}
				}
				variables(text, base, acceptor);
			} else if (key.matches("context\\d*")) {
				java.util.regex.Matcher m = CONTEXT_OPERATOR.matcher(text);
				while (m.find()) {
					acceptor.addPosition(base + m.start(), m.group().length(), SecHighlightingStyles.CONTEXT_OPERATOR);
				}
				variables(text, base, acceptor);
			} else if (key.matches("desc\\d*")) {
				variables(text, base, acceptor);
			}
		}
	}

	private static void variables(String text, int base, IHighlightedPositionAcceptor acceptor) {
		java.util.regex.Matcher m = VARIABLE.matcher(text);
		while (m.find()) {
			acceptor.addPosition(base + m.start(), m.group().length(), SecHighlightingStyles.VARIABLE);
		}
	}

	/** A small scan of Perl regex syntax; the engine's translator decides validity, this only colours. */
	private static void regex(String text, int base, IHighlightedPositionAcceptor acceptor) {
		int i = text.startsWith("=") ? 1 : 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				char n = text.charAt(i + 1);
				if (Character.isLetter(n)) {
					acceptor.addPosition(base + i, 2, SecHighlightingStyles.REGEX_CLASS);
				}
				i += 2;
			} else if (c == '[') {
				int end = i + 1;
				if (end < text.length() && text.charAt(end) == '^') {
					end++;
				}
				if (end < text.length() && text.charAt(end) == ']') {
					end++;
				}
				while (end < text.length() && text.charAt(end) != ']') {
					end += text.charAt(end) == '\\' ? 2 : 1;
				}
				int length = Math.min(text.length(), end + 1) - i;
				acceptor.addPosition(base + i, length, SecHighlightingStyles.REGEX_CLASS);
				i += length;
			} else if (c == '(' || c == ')' || c == '|') {
				int length = c == '(' && text.startsWith("(?:", i) ? 3 : 1;
				acceptor.addPosition(base + i, length, SecHighlightingStyles.REGEX_GROUP);
				i += length;
			} else if (c == '*' || c == '+' || c == '?') {
				acceptor.addPosition(base + i, 1, SecHighlightingStyles.REGEX_QUANTIFIER);
				i++;
			} else if (c == '{' && text.substring(i).matches("(?s)\\{\\d+(,\\d*)?\\}.*")) {
				int end = text.indexOf('}', i);
				acceptor.addPosition(base + i, end - i + 1, SecHighlightingStyles.REGEX_QUANTIFIER);
				i = end + 1;
			} else {
				i++;
			}
		}
	}

	private void highlightField(Field field, IHighlightedPositionAcceptor acceptor) {
		for (INode key : NodeModelUtils.findNodesForFeature(field, SecPackage.Literals.FIELD__KEY)) {
			acceptor.addPosition(key.getOffset(), key.getLength(), SecHighlightingStyles.FIELD_KEYWORD);
		}
		String style = "type".equals(field.getKey()) ? SecHighlightingStyles.RULE_TYPE : SecHighlightingStyles.VALUE;
		for (INode value : NodeModelUtils.findNodesForFeature(field, SecPackage.Literals.FIELD__VALUE)) {
			// the token starts with '='; colour only what follows it
			if (value.getLength() > 1) {
				acceptor.addPosition(value.getOffset() + 1, value.getLength() - 1, style);
			}
		}
	}
}

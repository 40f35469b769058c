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

package org.sec.lang.ide;

import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.sec.lang.ide.highlighting.SecSemanticHighlightingCalculator;

/** Bindings of the editor-neutral ide services; any editor front end reuses them. */
public class SecIdeModule extends AbstractSecIdeModule {

	public Class<? extends ISemanticHighlightingCalculator> bindISemanticHighlightingCalculator() {
		return SecSemanticHighlightingCalculator.class;
	}
}

package org.sec.lang.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.presentation.IPresentationDamager;
import org.eclipse.jface.text.presentation.IPresentationRepairer;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.sec.lang.ide.SecIde;

/**
 * Adapts the ide layer's highlighting calculator to JFace. A rule file is small and a
 * continuation line can change the meaning of everything after it, so every change
 * re-colours the whole document from a fresh parse.
 */
public class SecPresentationRepairer implements IPresentationDamager, IPresentationRepairer {

	private IDocument document;

	private record Styled(int offset, int length, String styleId) {
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
		return new Region(0, document.getLength());
	}

	@Override
	public void createPresentation(TextPresentation presentation, ITypedRegion damage) {
		for (Styled styled : compute(document.get())) {
			TextAttribute attribute = SecHighlightingColors.attributeFor(styled.styleId());
			if (attribute != null) {
				// inner styles (regex parts, variables) come after the value that holds them and win
				presentation.mergeStyleRange(new StyleRange(styled.offset(), styled.length(), attribute.getForeground(),
						null, attribute.getStyle()));
			}
		}
	}

	private static List<Styled> compute(String text) {
		XtextResource resource = SecIde.parse(text, "editor.sec");
		List<Styled> result = new ArrayList<>();
		SecIde.injector().getInstance(ISemanticHighlightingCalculator.class).provideHighlightingFor(resource,
				(offset, length, ids) -> {
					if (ids.length > 0 && length > 0) {
						result.add(new Styled(offset, length, ids[ids.length - 1]));
					}
				}, CancelIndicator.NullImpl);
		result.sort(Comparator.comparingInt(Styled::offset).thenComparing(Comparator.comparingInt(Styled::length).reversed()));
		return result;
	}
}

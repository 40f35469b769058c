package org.sec.lang.ui.editor;

import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.sec.lang.ide.highlighting.SecHighlightingStyles;

/** How each highlighting style of the ide layer looks in the Eclipse editor. */
public final class SecHighlightingColors {

	public static final RGB FIELD_KEYWORD = new RGB(127, 0, 85);
	public static final RGB RULE_TYPE = new RGB(0, 102, 153);
	public static final RGB VALUE = new RGB(42, 0, 255);
	public static final RGB COMMENT = new RGB(63, 127, 95);

	private static final Map<String, RGB> COLORS = Map.of(SecHighlightingStyles.FIELD_KEYWORD, FIELD_KEYWORD,
			SecHighlightingStyles.RULE_TYPE, RULE_TYPE, SecHighlightingStyles.VALUE, VALUE,
			SecHighlightingStyles.COMMENT, COMMENT);

	private static final Map<String, Integer> FONT_STYLES = Map.of(SecHighlightingStyles.FIELD_KEYWORD, SWT.BOLD,
			SecHighlightingStyles.RULE_TYPE, SWT.BOLD, SecHighlightingStyles.VALUE, SWT.NORMAL,
			SecHighlightingStyles.COMMENT, SWT.ITALIC);

	private SecHighlightingColors() {
	}

	/** The attribute for a style id, or {@code null} for ids this editor does not colour. */
	public static TextAttribute attributeFor(String styleId) {
		RGB rgb = COLORS.get(styleId);
		if (rgb == null) {
			return null;
		}
		return new TextAttribute(JFaceResources.getResources().createColor(rgb), null, FONT_STYLES.get(styleId));
	}
}

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
	public static final RGB REGEX_GROUP = new RGB(200, 100, 0);
	public static final RGB REGEX_CLASS = new RGB(0, 128, 128);
	public static final RGB REGEX_QUANTIFIER = new RGB(160, 32, 160);
	public static final RGB ACTION_NAME = new RGB(127, 0, 85);
	public static final RGB VARIABLE = new RGB(0, 0, 192);
	public static final RGB CONTEXT_OPERATOR = new RGB(200, 100, 0);

	private static final Map<String, RGB> COLORS = Map.of(SecHighlightingStyles.FIELD_KEYWORD, FIELD_KEYWORD,
			SecHighlightingStyles.RULE_TYPE, RULE_TYPE, SecHighlightingStyles.VALUE, VALUE,
			SecHighlightingStyles.COMMENT, COMMENT, SecHighlightingStyles.REGEX_GROUP, REGEX_GROUP,
			SecHighlightingStyles.REGEX_CLASS, REGEX_CLASS, SecHighlightingStyles.REGEX_QUANTIFIER, REGEX_QUANTIFIER,
			SecHighlightingStyles.ACTION_NAME, ACTION_NAME, SecHighlightingStyles.VARIABLE, VARIABLE,
			SecHighlightingStyles.CONTEXT_OPERATOR, CONTEXT_OPERATOR);

	private static final Map<String, Integer> FONT_STYLES = Map.of(SecHighlightingStyles.FIELD_KEYWORD, SWT.BOLD,
			SecHighlightingStyles.RULE_TYPE, SWT.BOLD, SecHighlightingStyles.VALUE, SWT.NORMAL,
			SecHighlightingStyles.COMMENT, SWT.ITALIC, SecHighlightingStyles.REGEX_GROUP, SWT.BOLD,
			SecHighlightingStyles.REGEX_CLASS, SWT.NORMAL, SecHighlightingStyles.REGEX_QUANTIFIER, SWT.BOLD,
			SecHighlightingStyles.ACTION_NAME, SWT.BOLD, SecHighlightingStyles.VARIABLE, SWT.ITALIC,
			SecHighlightingStyles.CONTEXT_OPERATOR, SWT.BOLD);

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

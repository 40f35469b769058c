package org.sec.lang.ide.highlighting;

/** Highlighting style ids; an editor maps each id to colours and fonts. */
public final class SecHighlightingStyles {

	/** A field keyword such as ptype or action. */
	public static final String FIELD_KEYWORD = "sec.fieldKeyword";
	/** The value of the type field: Single, Pair, ... */
	public static final String RULE_TYPE = "sec.ruleType";
	/** Any other field value. */
	public static final String VALUE = "sec.value";
	/** A comment line. */
	public static final String COMMENT = "sec.comment";

	private SecHighlightingStyles() {
	}
}

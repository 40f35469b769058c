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
	/** Parentheses of a group in a RegExp pattern. */
	public static final String REGEX_GROUP = "sec.regexGroup";
	/** A character class [...] or escape such as \d in a RegExp pattern. */
	public static final String REGEX_CLASS = "sec.regexClass";
	/** A quantifier (* + ? {n,m}) in a RegExp pattern. */
	public static final String REGEX_QUANTIFIER = "sec.regexQuantifier";
	/** An action name at the start of an action in an action list. */
	public static final String ACTION_NAME = "sec.actionName";
	/** A variable: %name, %{name}, $N, $+{name}. */
	public static final String VARIABLE = "sec.variable";
	/** &&, || and ! in a context expression. */
	public static final String CONTEXT_OPERATOR = "sec.contextOperator";

	private SecHighlightingStyles() {
	}
}

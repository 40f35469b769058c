package org.sec.engine.config;

/**
 * A message sec logs while reading a configuration file, with the physical line it
 * concerns. {@link #message()} is sec's own wording, so it can be compared with sec's log;
 * {@link #code()}, {@link #keyword()} and {@link #subject()} say the same as structure, for
 * tools (editor markers, quick fixes), which must not read the wording.
 *
 * @param keyword the field the message is about, exactly as the rule spells it ("ptype2",
 *                "action"), or null for the rule or file as a whole
 * @param subject the text the message is about: the bad value, action, variable or label;
 *                for {@link Code#MISSING_KEYWORD} and {@link Code#ILLEGAL_KEYWORD} the rule
 *                type; null when there is none
 */
public record ConfigDiagnostic(Severity severity, int line, String message, Code code, String keyword,
		String subject) {

	/** sec's log levels that the loader uses (L457: LOG_ERR, LOG_WARN, LOG_NOTICE, LOG_DEBUG). */
	public enum Severity {
		ERROR, WARNING, NOTICE, DEBUG
	}

	/** What a diagnostic is about. */
	public enum Code {
		/** A line that is not keyword=value (L3794). */
		MALFORMED_LINE,
		/** A keyword given twice in one rule; the last value wins (L3809). */
		DUPLICATE_KEYWORD,
		/** A keyword the rule type needs is missing; {@code subject} is the rule type. */
		MISSING_KEYWORD,
		/** A keyword the rule type does not take; {@code subject} is the rule type. */
		ILLEGAL_KEYWORD,
		/** {@code type=} names no rule type; {@code subject} is the value. */
		INVALID_RULE_TYPE,
		/** {@code ptype=} (or egptype) names no pattern type; {@code subject} is the value. */
		INVALID_PATTERN_TYPE,
		/** A pattern that does not compile (regular expression, truth value, cached name, lines, function). */
		INVALID_PATTERN,
		/** A pattern that compiles in Perl but not, or not the same, in Java (a warning). */
		PATTERN_DIFFERS_IN_JAVA,
		/** Perl code that could not be compiled because perl is not installed (a warning). */
		PERL_UNAVAILABLE,
		/** A value out of its range or form: window, thresh, shell, multact, constset, procallin, continue, time. */
		INVALID_VALUE,
		/** A context expression that does not parse; {@code subject} is the expression. */
		INVALID_CONTEXT,
		/** An action list that does not parse; {@code subject} is the list. */
		INVALID_ACTION_LIST,
		/** One action of a list that does not parse; {@code subject} is the action. */
		INVALID_ACTION,
		/** A variable name in an action that is not a valid one; {@code subject} is the name. */
		INVALID_VARIABLE,
		/** Perl code (in an action or context) whose eval returned no code reference. */
		INVALID_CODE,
		/** A variable map that does not parse, or one given for a pattern type that ignores it. */
		INVALID_VARMAP,
		/** A keyword that needs another one; {@code subject} is the one it needs. */
		KEYWORD_NEEDS_ANOTHER,
		/** {@code continue=GoTo} to a label that does not exist or lies before the rule; {@code subject} is the label. */
		BAD_LABEL,
		/** A rule file that cannot be read; {@code subject} is its name. */
		CANNOT_OPEN,
		/** Perl code that reads sec's internals, which jsec's Perl bridge does not have (a warning; FAQ Q15). */
		SEC_INTERNALS_NOT_SHARED,
		/** The file holds no valid rule. */
		NO_VALID_RULES,
		/** A notice or debug line (reading the file, rules loaded). */
		PROGRESS
	}

	/**
	 * A problem found inside one value (an action list, a time specification, a context
	 * expression) by its parser, which knows neither the line nor the keyword.
	 */
	public record Problem(Code code, String subject, String message) {
	}

	/** sec L3809-3811: a keyword given twice in one rule; the last value wins. */
	public static String duplicateKeywordMessage(String keyword, String previous, String value) {
		return "Several '" + keyword + "' keywords specified, overriding previous value '" + previous + "' with '"
				+ value + "'";
	}

	/** sec L3794-3795: a line that is not keyword=value. */
	public static String malformedLineMessage(String fileName, int line, String text) {
		return fileName + " line " + line + " (" + text + "): Line not in keyword=value format or non-alphanumeric keyword";
	}
}

package org.sec.lang.validation;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.config.ConfigDiagnostic.Code;

/**
 * The codes of the issues the validator reports, and their data, which quick fixes read
 * (never the message text). sec's own verdict: one code per {@link ConfigDiagnostic.Code},
 * "sec." and the code in lower camel case ("sec.invalidRuleType"); the data are the
 * diagnostic's keyword and subject.
 */
public final class IssueCodes {

	/** A lint finding: valid for sec, but probably not what the author meant. */
	public static final String LINT = "sec.lint";
	/** An action or field that the target sec release does not have yet (trim before 2.9.4). */
	public static final String NEEDS_NEWER_SEC = "sec.needsNewerSec";

	private static final Set<Code> ABOUT_THE_VALUE = EnumSet.of(Code.INVALID_RULE_TYPE, Code.INVALID_PATTERN_TYPE,
			Code.INVALID_PATTERN, Code.PATTERN_DIFFERS_IN_JAVA, Code.INVALID_VALUE, Code.INVALID_CONTEXT,
			Code.INVALID_ACTION_LIST, Code.INVALID_ACTION, Code.INVALID_VARIABLE, Code.INVALID_VARMAP, Code.BAD_LABEL);

	private IssueCodes() {
	}

	/** The issue code of a diagnostic of sec's loader. */
	public static String of(Code code) {
		StringBuilder b = new StringBuilder("sec.");
		boolean upper = false;
		for (char c : code.name().toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '_') {
				upper = true;
			} else {
				b.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return b.toString();
	}

	/** The loader's code of an issue code made by {@link #of}, or null for other codes. */
	public static Code codeOf(String issueCode) {
		for (Code c : Code.values()) {
			if (of(c).equals(issueCode)) {
				return c;
			}
		}
		return null;
	}

	/** An issue's data: the keyword the diagnostic is about and its subject ("" for none). */
	public static String[] data(ConfigDiagnostic d) {
		return new String[] { d.keyword() == null ? "" : d.keyword(), d.subject() == null ? "" : d.subject() };
	}

	/** Whether an issue of this code belongs on the field's value (its subject, or all of it) rather than its keyword. */
	public static boolean aboutTheValue(Code code) {
		return ABOUT_THE_VALUE.contains(code);
	}
}

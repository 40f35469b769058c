package org.sec.lang.model;

import java.util.Optional;

import org.sec.lang.sec.Field;
import org.sec.lang.sec.Rule;

/** Reads fields of a parsed rule with sec's semantics: keywords are case-sensitive and the last one wins. */
public final class RuleFields {

	/** Keywords that sec does not store in the rule (L3806-3807). */
	public static final String LABEL = "label";
	public static final String REM = "rem";

	private RuleFields() {
	}

	public static Optional<String> value(Rule rule, String keyword) {
		String found = null;
		for (Field field : rule.getFields()) {
			if (keyword.equals(field.getKey()) && field.getValue() != null) {
				found = field.getValue();
			}
		}
		return Optional.ofNullable(found);
	}

	/** The rule type as written (sec compares it case-insensitively). */
	public static Optional<String> type(Rule rule) {
		return value(rule, "type");
	}

	public static Optional<String> desc(Rule rule) {
		return value(rule, "desc");
	}

	/** True when sec would check this group as a rule: it has a field besides label and rem. */
	public static boolean isRuleDefinition(Rule rule) {
		for (Field field : rule.getFields()) {
			if (!LABEL.equals(field.getKey()) && !REM.equals(field.getKey())) {
				return true;
			}
		}
		return false;
	}
}

package org.sec.lang.validation;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.xtext.validation.Check;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.lang.model.RuleFields;
import org.sec.lang.sec.Field;
import org.sec.lang.sec.Rule;
import org.sec.lang.sec.SecPackage;

/**
 * Checks of rule files. Messages are sec's own, taken from the engine, so a user sees the
 * same words in the editor as in sec's log. Field-level checks come with the DSL issue.
 */
public class SecValidator extends AbstractSecValidator {

	public static final String DUPLICATE_KEYWORD = "sec.duplicateKeyword";

	/** sec warns when a keyword repeats in a rule and keeps the last value. */
	@Check
	public void checkDuplicateKeywords(Rule rule) {
		Map<String, String> seen = new HashMap<>();
		for (Field field : rule.getFields()) {
			String key = field.getKey();
			if (key == null || field.getValue() == null || RuleFields.LABEL.equals(key) || RuleFields.REM.equals(key)) {
				continue;
			}
			String previous = seen.put(key, field.getValue());
			if (previous != null) {
				warning(ConfigDiagnostic.duplicateKeywordMessage(key, previous, field.getValue()), field,
						SecPackage.Literals.FIELD__KEY, DUPLICATE_KEYWORD);
			}
		}
	}
}

package org.sec.engine.config;

import org.sec.engine.syntax.PerlText;
import java.util.List;
import java.util.regex.Pattern;

/** The rule types of sec 2.9.1 (check_rule L2379-3558); sec compares type values case-insensitively. */
public final class RuleTypes {

	/** Canonical spellings, as the sec man page writes them. */
	public static final List<String> NAMES = List.of("Single", "SingleWithScript", "SingleWithSuppress", "Pair",
			"PairWithWindow", "SingleWithThreshold", "SingleWith2Thresholds", "EventGroup", "Suppress", "Calendar",
			"Jump", "Options");

	/** Pattern types (ptype values, without the line-count suffix), as the man page spells them. */
	public static final List<String> PATTERN_TYPES = List.of("RegExp", "SubStr", "NRegExp", "NSubStr", "PerlFunc",
			"NPerlFunc", "Cached", "NCached", "TValue");

	/** sec L3081: EventGroup, or EventGroupN with N &gt;= 1 (leading zeros allowed, EventGroup0 is not). */
	private static final Pattern EVENT_GROUP = Pattern.compile("EVENTGROUP(?:0*\\B)?([0-9]*)");

	private RuleTypes() {
	}

	/** True when sec accepts {@code value} as the value of a type field. */
	public static boolean isRuleType(String value) {
		String upper = PerlText.uc(value);
		for (String name : NAMES) {
			if (PerlText.uc(name).equals(upper)) {
				return true;
			}
		}
		var m = EVENT_GROUP.matcher(upper);
		return m.matches() && (m.group(1).isEmpty() || !m.group(1).matches("0*"));
	}
}

package org.sec.engine.rules;

/** The twelve rule types of sec 2.9.1. */
public enum RuleKind {
	SINGLE("Single"), SINGLE_WITH_SCRIPT("SingleWithScript"), SINGLE_WITH_SUPPRESS("SingleWithSuppress"),
	PAIR("Pair"), PAIR_WITH_WINDOW("PairWithWindow"), SINGLE_WITH_THRESHOLD("SingleWithThreshold"),
	SINGLE_WITH_2_THRESHOLDS("SingleWith2Thresholds"), EVENT_GROUP("EventGroup"), SUPPRESS("Suppress"),
	CALENDAR("Calendar"), JUMP("Jump"), OPTIONS("Options");

	private final String displayName;

	RuleKind(String displayName) {
		this.displayName = displayName;
	}

	/** The spelling of the sec man page. */
	public String displayName() {
		return displayName;
	}
}

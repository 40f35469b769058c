package org.sec.engine.rules;

/** The keywords that hold an action list: action and action2 (L2379 ff.), and EventGroup's init, slide and end. */
public enum ActionField {
	ACTION("action"), ACTION2("action2"), INIT("init"), SLIDE("slide"), END("end");

	private final String keyword;

	ActionField(String keyword) {
		this.keyword = keyword;
	}

	/** The keyword as written in a rule file. */
	public String keyword() {
		return keyword;
	}

	/** The field of {@code keyword}, or null when it holds no action list. */
	public static ActionField of(String keyword) {
		for (ActionField f : values()) {
			if (f.keyword.equals(keyword)) {
				return f;
			}
		}
		return null;
	}
}

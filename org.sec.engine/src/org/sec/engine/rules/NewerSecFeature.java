package org.sec.engine.rules;

import org.sec.engine.api.SecVersion;

/**
 * Something a rule uses that the target sec release does not have yet (trim before
 * 2.9.4): sec's verdict for the target stays as sec gives it ("Invalid action"), and this
 * says why, for the editor and {@code secwb check}.
 *
 * @param ruleLine the line where the rule starts
 * @param keyword  the field it is in ("action")
 * @param feature  what is missing, as written in rules ("trim")
 */
public record NewerSecFeature(int ruleLine, String keyword, String feature, SecVersion since, SecVersion target) {

	/** "trim needs sec 2.9.4; this project targets 2.9.1". */
	public String message() {
		return feature + " needs sec " + since.text() + "; this project targets " + target.text();
	}
}

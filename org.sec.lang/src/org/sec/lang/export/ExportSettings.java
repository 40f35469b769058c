package org.sec.lang.export;

import java.util.List;

/** What a production bundle needs to know: its name, where the rules go, what sec reads and logs. */
public record ExportSettings(String name, String installDir, List<String> ruleFiles, List<String> inputs,
		String logFile) {
}

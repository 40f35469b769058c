package org.sec.lang.export;

import java.util.List;

/**
 * What a production bundle needs to know: its name, where the rules go, what sec reads and
 * logs, and the sec release the rules were validated for.
 */
public record ExportSettings(String name, String installDir, List<String> ruleFiles, List<String> inputs,
		String logFile, org.sec.engine.api.SecVersion secVersion) {
}

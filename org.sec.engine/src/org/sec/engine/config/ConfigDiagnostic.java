package org.sec.engine.config;

/**
 * A message sec logs while reading a configuration file, with the physical line it
 * concerns. {@link #message()} is sec's own wording, so it can be compared with sec's log.
 */
public record ConfigDiagnostic(Severity severity, int line, String message) {

	/** sec's log levels that the loader uses (L457: LOG_ERR, LOG_WARN, LOG_NOTICE, LOG_DEBUG). */
	public enum Severity {
		ERROR, WARNING, NOTICE, DEBUG
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

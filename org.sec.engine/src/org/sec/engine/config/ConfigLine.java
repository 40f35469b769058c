package org.sec.engine.config;

import java.util.Objects;

/**
 * One logical line of a sec configuration file: physical lines joined by trailing
 * backslashes and trimmed exactly as sec's read_configfile does (sec 2.9.1 L3740-3762).
 */
public final class ConfigLine {

	/** What sec makes of a logical line. */
	public enum Kind {
		/** Empty after trimming; ends the current rule. */
		BLANK,
		/** First non-blank character is '#'; ends the current rule. */
		COMMENT,
		/** {@code keyword=value} with an alphanumeric keyword and a non-empty value. */
		FIELD,
		/** Anything else: sec logs an error and the rule being built goes on. */
		MALFORMED,
		/** Last line of the file ended in a backslash: sec silently drops it. */
		DANGLING_CONTINUATION
	}

	private final Kind kind;
	private final int firstLine;
	private final int lastLine;
	private final String text;
	private final String keyword;
	private final String value;

	ConfigLine(Kind kind, int firstLine, int lastLine, String text, String keyword, String value) {
		this.kind = Objects.requireNonNull(kind);
		this.firstLine = firstLine;
		this.lastLine = lastLine;
		this.text = Objects.requireNonNull(text);
		this.keyword = keyword;
		this.value = value;
	}

	public Kind kind() {
		return kind;
	}

	/** 1-based number of the first physical line. */
	public int firstLine() {
		return firstLine;
	}

	/** 1-based number of the last physical line; sec reports errors at this line. */
	public int lastLine() {
		return lastLine;
	}

	/** The joined and trimmed text of the line. */
	public String text() {
		return text;
	}

	/** Keyword of a {@link Kind#FIELD} line, case preserved; {@code null} otherwise. */
	public String keyword() {
		return keyword;
	}

	/** Trimmed value of a {@link Kind#FIELD} line; {@code null} otherwise. */
	public String value() {
		return value;
	}

	/** True for lines that end the rule being defined. */
	public boolean endsRule() {
		return kind == Kind.BLANK || kind == Kind.COMMENT || kind == Kind.DANGLING_CONTINUATION;
	}

	@Override
	public String toString() {
		return kind + "@" + firstLine + (lastLine != firstLine ? "-" + lastLine : "") + ": " + text;
	}
}

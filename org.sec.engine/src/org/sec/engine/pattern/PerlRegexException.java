package org.sec.engine.pattern;

/** A Perl regular expression that is invalid, or that has no java.util.regex equivalent. */
public class PerlRegexException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int index;

	public PerlRegexException(String message, int index) {
		super(message);
		this.index = index;
	}

	/** Offset in the Perl pattern where the problem is, or -1. */
	public int index() {
		return index;
	}
}

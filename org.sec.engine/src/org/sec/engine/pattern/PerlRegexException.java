package org.sec.engine.pattern;

/** A Perl regular expression that is invalid, or that has no java.util.regex equivalent. */
public class PerlRegexException extends Exception {

	private static final long serialVersionUID = 1L;

	private final int index;
	private final boolean unsupported;
	private final boolean perlsText;

	public PerlRegexException(String message, int index) {
		this(message, index, false);
	}

	/** @param unsupported valid Perl that the Java regex engine has no counterpart for */
	public PerlRegexException(String message, int index, boolean unsupported) {
		this(message, index, unsupported, false);
	}

	/** @param perlsText the message is perl's own for this pattern, up to its " at FILE line N." */
	public PerlRegexException(String message, int index, boolean unsupported, boolean perlsText) {
		super(message);
		this.index = index;
		this.unsupported = unsupported;
		this.perlsText = perlsText;
	}

	/** True when the message is the text perl gives (before " at FILE line N."), not Java's wording. */
	public boolean perlsText() {
		return perlsText;
	}

	/** True for valid Perl that cannot be translated (sec accepts such a pattern); false for an invalid pattern. */
	public boolean unsupported() {
		return unsupported;
	}

	/** Offset in the Perl pattern where the problem is, or -1. */
	public int index() {
		return index;
	}
}

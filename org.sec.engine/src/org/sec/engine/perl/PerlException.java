package org.sec.engine.perl;

/** Perl code failed: it did not compile to what sec needs, or it died while running. */
public final class PerlException extends Exception {

	private static final long serialVersionUID = 1L;

	public PerlException(String message) {
		super(message);
	}
}

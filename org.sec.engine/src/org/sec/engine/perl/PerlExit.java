package org.sec.engine.perl;

/**
 * Perl code called exit(): sec ends at once with that status, without SEC_SHUTDOWN or
 * SIGTERM to its children, as perl's exit ends the whole sec process.
 */
public final class PerlExit extends RuntimeException {

	private static final long serialVersionUID = 1L;
	private final int status;

	public PerlExit(int status) {
		super("Perl code called exit(" + status + ")", null, false, false);
		this.status = status;
	}

	public int status() {
		return status;
	}
}

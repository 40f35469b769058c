package org.sec.engine.api;

import java.io.IOException;

/**
 * A saved engine state that cannot be restored; the engine is left as it was. The
 * {@link Problem} says why, the message says where (offset, field) and what to do.
 */
public final class StateException extends IOException {

	private static final long serialVersionUID = 1L;

	/** Why a state cannot be restored. */
	public enum Problem {
		/** Not JSON, or JSON cut short (a torn or truncated file). */
		MALFORMED,
		/** JSON, but not a jsec state file. */
		NOT_A_STATE,
		/** A state version this jsec does not read. */
		UNSUPPORTED_VERSION,
		/** A field is missing or has the wrong type. */
		BAD_FIELD
	}

	private final Problem problem;

	public StateException(Problem problem, String message) {
		super(message);
		this.problem = problem;
	}

	public Problem problem() {
		return problem;
	}
}

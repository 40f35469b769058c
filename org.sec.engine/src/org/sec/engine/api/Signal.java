package org.sec.engine.api;

/**
 * The signals sec acts on, raised by a real signal (jsec's signal handler) or by the
 * sigemul action, and handled after the current event as sec does. Declared in the order
 * check_signals (L13081) handles them.
 */
public enum Signal {
	/** Full restart: rules read again, contexts and operations dropped. */
	HUP,
	/** Soft restart: changed rule files read again, the rest of the state kept. */
	ABRT,
	/** Dump the state to the dump file. */
	USR1,
	/** Reopen the log and output files (log rotation). */
	USR2,
	/** Step the debug level. */
	INT,
	/** Shut down. */
	TERM
}

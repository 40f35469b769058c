package org.sec.engine.api;

/**
 * Which actions may touch the world outside the engine. sec runs them all; a replay of
 * old logs usually must not: it would page people, write files and open sockets.
 */
public enum SideEffects {
	/** Everything runs, as in sec. */
	ALLOW,
	/**
	 * Commands (shellcmd, spawn, cspawn, pipe and report with a command, SingleWithScript
	 * scripts), sockets, addinput/dropinput and writes to files other than standard output
	 * are reported to the {@link EngineListener} as suppressed and not run.
	 */
	RECORD_ONLY
}

package org.sec.engine.cli;

import java.io.PrintWriter;

/**
 * How jsec and secwb report a failure of their own: a distinct exit status and a short
 * trace, so that a crash is never read as sec's verdict (sec exits 0 or 1 for those).
 */
public final class InternalFailure {

	/** EX_SOFTWARE. */
	public static final int EXIT_STATUS = 70;

	private static final int FRAMES = 12;

	private InternalFailure() {
	}

	/** Prints the failure for {@code program} ("jsec", "secwb") and returns {@link #EXIT_STATUS}. */
	public static int report(String program, Throwable t, PrintWriter err, String whatToSend) {
		err.println(program + ": internal error, not a verdict on the rules: " + t);
		StackTraceElement[] trace = t.getStackTrace();
		for (int i = 0; i < Math.min(trace.length, FRAMES); i++) {
			err.println("\tat " + trace[i]);
		}
		err.println(program + ": please report this with " + whatToSend);
		err.flush();
		return EXIT_STATUS;
	}
}

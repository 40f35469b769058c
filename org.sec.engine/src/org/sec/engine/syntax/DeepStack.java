package org.sec.engine.syntax;

import java.util.concurrent.Callable;

/**
 * Runs work on a thread with a deep stack. Perl recurses as deep as memory allows: sec
 * loads a context expression nested 5,000 deep, an action list of 5,000 nested ifs, and a
 * regex of 5,000 atoms, all of which java.util.regex and our recursive parsers take
 * frames for (a default 1 MB stack overflows at a few thousand). The entry points (jsec,
 * secwb, the editor's verdict, replays) run their work here; the stack is reserved, not
 * committed, so an unused depth costs no memory.
 */
public final class DeepStack {

	/** Enough for nesting far beyond what sec itself loads in a minute. */
	public static final long STACK_BYTES = 1L << 30;

	private static final String NAME = "sec-deep-stack";

	private DeepStack() {
	}

	/** True on a thread started by this class (work runs directly there). */
	public static boolean onDeepStack() {
		return Thread.currentThread().getName().startsWith(NAME);
	}

	/** Runs {@code work} on a deep stack and returns its result; its exceptions and errors pass through. */
	public static <T> T call(Callable<T> work) throws Exception {
		if (onDeepStack()) {
			return work.call();
		}
		Object[] result = new Object[1];
		Throwable[] failure = new Throwable[1];
		Thread thread = new Thread(null, () -> {
			try {
				result[0] = work.call();
			} catch (Throwable t) {
				failure[0] = t;
			}
		}, NAME + "-" + Thread.currentThread().getName(), STACK_BYTES);
		thread.start();
		boolean interrupted = false;
		while (true) {
			try {
				thread.join();
				break;
			} catch (InterruptedException e) {
				interrupted = true; // the work decides when to stop; pass the interrupt on
				thread.interrupt();
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (failure[0] instanceof Exception e) {
			throw e;
		}
		if (failure[0] instanceof Error e) {
			throw e;
		}
		@SuppressWarnings("unchecked")
		T t = (T) result[0];
		return t;
	}

	/** {@link #call(Callable)} for work without checked exceptions. */
	public static <T> T get(java.util.function.Supplier<T> work) {
		try {
			return call(work::get);
		} catch (RuntimeException e) {
			throw e;
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}

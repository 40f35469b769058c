package org.sec.engine.api;

/**
 * The engine's only source of time. sec works in whole seconds of the wall clock;
 * injecting the clock lets the simulator and tests drive time instead.
 */
public interface Clock {

	/** Current time in whole seconds since the epoch, as Perl's {@code time()}. */
	long nowSeconds();

	/** The wall clock, for production runs. */
	static Clock system() {
		return () -> System.currentTimeMillis() / 1000L;
	}
}

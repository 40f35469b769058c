package org.sec.engine.api;

/**
 * The engine's only source of time and time zone. sec works in whole seconds of the wall
 * clock and in the process's local time; injecting the clock lets the simulator and tests
 * drive time, and say in which zone Calendar rules, %t, the %.-time variables, the log and
 * the dump read it.
 */
public interface Clock {

	/** Current time in whole seconds since the epoch, as Perl's {@code time()}. */
	long nowSeconds();

	/** The zone of local times, as Perl's {@code localtime} has it (TZ, else the system's). */
	default java.time.ZoneId zone() {
		return java.time.ZoneId.systemDefault();
	}

	/** The wall clock in the system's zone, for production runs. */
	static Clock system() {
		return () -> System.currentTimeMillis() / 1000L;
	}

	/** {@code seconds} read in {@code zone}. */
	static Clock of(java.util.function.LongSupplier seconds, java.time.ZoneId zone) {
		return new Clock() {
			@Override
			public long nowSeconds() {
				return seconds.getAsLong();
			}

			@Override
			public java.time.ZoneId zone() {
				return zone;
			}
		};
	}
}

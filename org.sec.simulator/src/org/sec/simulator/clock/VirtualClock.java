package org.sec.simulator.clock;

import org.sec.engine.api.Clock;

/**
 * A clock the simulator moves by hand: replay takes time from the log, not the wall.
 * Time never runs backwards, because sec's timers assume a monotonic clock; a
 * request to go back is refused with the offending values.
 */
public final class VirtualClock implements Clock {

	private long now;
	private final java.time.ZoneId zone;

	/** A clock at {@code startSeconds} in the zone sec-scenario uses: $TZ, else UTC. */
	public VirtualClock(long startSeconds) {
		this(startSeconds, defaultZone());
	}

	public VirtualClock(long startSeconds, java.time.ZoneId zone) {
		this.now = startSeconds;
		this.zone = zone;
	}

	/** The zone replays read local times in unless told: $TZ, else UTC (as sec-scenario and sec-run). */
	public static java.time.ZoneId defaultZone() {
		String tz = System.getenv("TZ");
		try {
			return java.time.ZoneId.of(tz == null || tz.isBlank() ? "UTC" : tz);
		} catch (java.time.DateTimeException e) {
			return java.time.ZoneId.of("UTC"); // named, so that %.tzname is "UTC" as in sec
		}
	}

	@Override
	public java.time.ZoneId zone() {
		return zone;
	}

	@Override
	public synchronized long nowSeconds() {
		return now;
	}

	/** Moves the clock to {@code seconds}; equal is allowed, earlier is not. */
	public synchronized void advanceTo(long seconds) {
		if (seconds < now) {
			throw new IllegalArgumentException(
					"virtual clock cannot go back from " + now + " to " + seconds + " (time in a replay only moves forward)");
		}
		now = seconds;
	}

	/** Moves the clock forward by {@code seconds} (zero or more). */
	public synchronized void advanceBy(long seconds) {
		if (seconds < 0) {
			throw new IllegalArgumentException("cannot advance by a negative amount: " + seconds);
		}
		now = Math.addExact(now, seconds);
	}
}

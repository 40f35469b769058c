package org.sec.simulator.clock;

import org.sec.engine.api.Clock;

/**
 * A clock the simulator moves by hand: replay takes time from the log, not the wall.
 * Time never runs backwards, because sec's timers assume a monotonic clock; a
 * request to go back is refused with the offending values.
 */
public final class VirtualClock implements Clock {

	private long now;

	public VirtualClock(long startSeconds) {
		this.now = startSeconds;
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

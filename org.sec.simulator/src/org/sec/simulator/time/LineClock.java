package org.sec.simulator.time;

import java.util.List;
import java.util.OptionalLong;

/**
 * Gives each line of a log its virtual time. A line without a timestamp inherits the
 * previous line's time. Time never goes backwards in a replay (sec's clock does not):
 * a line stamped earlier than the line before it is replayed at the current time, and
 * {@link Reading#earlierStamp()} reports the jump so that the replay can warn.
 * Replaying the same lines with the same settings always gives the same times.
 */
public final class LineClock {

	/** The time of one line. {@code stamped} is false for an inherited time. */
	public record Reading(long epochSecond, boolean stamped, OptionalLong earlierStamp) {
	}

	private final List<TimestampFormat> candidates;
	private TimestampFormat chosen;
	private final long rateStart;
	private final double linesPerSecond;
	private long lineIndex;
	private long current = Long.MIN_VALUE;

	private LineClock(List<TimestampFormat> candidates, long rateStart, double linesPerSecond) {
		this.candidates = candidates;
		this.chosen = candidates.size() == 1 ? candidates.get(0) : null;
		this.rateStart = rateStart;
		this.linesPerSecond = linesPerSecond;
	}

	/** Times from timestamps in the lines, in one given format. */
	public static LineClock of(TimestampFormat format) {
		return new LineClock(List.of(format), 0, 0);
	}

	/** Times from timestamps; the first format among {@code candidates} that reads a line is kept for the rest. */
	public static LineClock detect(List<TimestampFormat> candidates) {
		return new LineClock(List.copyOf(candidates), 0, 0);
	}

	/** No timestamps: {@code linesPerSecond} lines per virtual second from {@code start}. */
	public static LineClock rate(long start, double linesPerSecond) {
		if (!(linesPerSecond > 0)) {
			throw new IllegalArgumentException("the rate must be a positive number of lines per second");
		}
		return new LineClock(List.of(), start, linesPerSecond);
	}

	/** The format in use, once a line was read; {@code null} before that or for a fixed rate. */
	public TimestampFormat format() {
		return chosen;
	}

	/**
	 * The time of the next line; {@code null} when no line so far had a timestamp (the
	 * caller decides what such leading lines get).
	 */
	public Reading next(String line) {
		if (linesPerSecond > 0) {
			long t = rateStart + (long) Math.floor(lineIndex++ / linesPerSecond);
			current = t;
			return new Reading(t, true, OptionalLong.empty());
		}
		OptionalLong stamp = read(line);
		if (stamp.isEmpty()) {
			return current == Long.MIN_VALUE ? null : new Reading(current, false, OptionalLong.empty());
		}
		long t = stamp.getAsLong();
		if (current != Long.MIN_VALUE && t < current) {
			return new Reading(current, true, OptionalLong.of(t));
		}
		current = t;
		return new Reading(t, true, OptionalLong.empty());
	}

	private OptionalLong read(String line) {
		if (chosen != null) {
			return chosen.epochSeconds(line);
		}
		for (TimestampFormat f : candidates) {
			OptionalLong t = f.epochSeconds(line);
			if (t.isPresent()) {
				chosen = f;
				return t;
			}
		}
		return OptionalLong.empty();
	}
}

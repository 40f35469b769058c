package org.sec.simulator.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

import org.sec.simulator.replay.ReplaySource;

/**
 * How the lines of a log get their virtual times, as users choose it (command line,
 * launch configuration): a timestamp format ("auto", a built-in name, or a custom regex
 * with a java.time pattern), the syslog year ({@code null}: the year the file was last
 * modified), the zone of local times, or a fixed rate of lines per second from a start.
 */
public record LogTiming(String timestamps, String timestampPattern, Integer year, String zone, Double rate,
		Long rateStart) {

	public static final long DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

	/** The zone; IllegalArgumentException with a message for users when it is unknown. */
	public ZoneId zoneId() {
		try {
			return ZoneId.of(zone);
		} catch (DateTimeException e) {
			throw new IllegalArgumentException("unknown zone '" + zone + "' (" + e.getMessage() + ")");
		}
	}

	/** The lines of {@code log} with their times; IllegalArgumentException for a bad format. */
	public ReplaySource source(Path log) throws IOException {
		ZoneId zoneId = zoneId();
		LineClock clock;
		if (rate != null) {
			clock = LineClock.rate(rateStart == null ? DEFAULT_START : rateStart, rate);
		} else {
			int syslogYear = year != null ? year : Files.getLastModifiedTime(log).toInstant().atZone(zoneId).getYear();
			if (timestamps == null || timestamps.equalsIgnoreCase("auto")) {
				clock = LineClock.detect(TimestampFormat.builtIn(zoneId, syslogYear));
			} else if (timestampPattern != null && !timestampPattern.isBlank()) {
				clock = LineClock.of(TimestampFormat.custom(timestamps, timestampPattern, zoneId));
			} else {
				clock = LineClock.of(TimestampFormat.named(timestamps, zoneId, syslogYear));
			}
		}
		return ReplaySource.of(log, clock);
	}
}

package org.sec.simulator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;

import org.sec.simulator.replay.ReplaySource;
import org.sec.simulator.time.LogTiming;

import picocli.CommandLine.Option;

/** How a log's lines get their virtual times ({@link LogTiming}), as options of the commands that replay logs. */
public final class TimingOptions {

	@Option(names = "--timestamps", defaultValue = "auto", paramLabel = "FORMAT",
			description = "auto (default), syslog, iso, apache, epoch, or a custom REGEX whose first group is "
					+ "read with --timestamp-pattern.")
	String timestamps;

	@Option(names = "--timestamp-pattern", paramLabel = "PATTERN",
			description = "java.time pattern for a custom --timestamps regex, e.g. 'dd.MM.yyyy HH:mm:ss'.")
	String timestampPattern;

	@Option(names = "--year", paramLabel = "YEAR",
			description = "Year of the first syslog line (syslog lines have none; default: the year the log file "
					+ "was last modified).")
	Integer year;

	@Option(names = "--zone", defaultValue = "${env:TZ:-UTC}", paramLabel = "ZONE",
			description = "Zone of local times: timestamps without a zone, a scenario's @start, and the engine's Calendar rules, %%t and %%.-time variables (default: $TZ, else UTC).")
	String zone;

	@Option(names = "--rate", paramLabel = "N",
			description = "Ignore timestamps: N lines per virtual second from the start (--start).")
	Double rate;

	@Option(names = "--start", paramLabel = "TIME",
			description = "Start of a --rate replay: epoch seconds or ISO-8601 (default 2024-01-01T00:00:00Z).")
	String start;

	/** The timing these options describe. */
	public LogTiming timing() {
		Long rateStart = start == null ? null : TimeArguments.epochSeconds(start, zoneId());
		return new LogTiming(timestamps, timestampPattern, year, zone, rate, rateStart);
	}

	/** The zone; IllegalArgumentException with a message for users when it is unknown. */
	public ZoneId zoneId() {
		return new LogTiming(timestamps, timestampPattern, year, zone, rate, null).zoneId();
	}

	/** The lines of {@code log} with their times; IllegalArgumentException for bad options. */
	public ReplaySource source(Path log) throws IOException {
		return timing().source(log);
	}
}

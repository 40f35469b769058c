package org.sec.engine.syntax;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Perl's {@code localtime} in a given zone, as sec prints it in its log, %t and dumps. */
public final class PerlTime {

	/** {@code scalar localtime}: "Wed Dec  2 15:13:50 2026". */
	private static final DateTimeFormatter SCALAR = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

	private PerlTime() {
	}

	public static ZonedDateTime at(long epochSeconds, ZoneId zone) {
		return Instant.ofEpochSecond(epochSeconds).atZone(zone);
	}

	/** {@code scalar localtime($epochSeconds)} with the process's zone being {@code zone}. */
	public static String scalar(long epochSeconds, ZoneId zone) {
		return SCALAR.format(at(epochSeconds, zone));
	}
}

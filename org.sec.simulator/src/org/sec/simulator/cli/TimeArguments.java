package org.sec.simulator.cli;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times given on the command line: epoch seconds or ISO-8601 (local in {@code zone} without an offset). */
final class TimeArguments {

	private TimeArguments() {
	}

	static long epochSeconds(String text, ZoneId zone) {
		if (text.matches("\\d+")) {
			return Long.parseLong(text);
		}
		try {
			return OffsetDateTime.parse(text).toEpochSecond();
		} catch (DateTimeException e) {
			try {
				return LocalDateTime.parse(text).atZone(zone).toEpochSecond();
			} catch (DateTimeException e2) {
				throw new IllegalArgumentException(
						"'" + text + "' is not a time: give epoch seconds or ISO-8601 such as 2024-03-01T12:00:00");
			}
		}
	}
}

package org.sec.engine.scenario;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario: input lines at whole-second offsets on a virtual clock, in the format of
 * shared/tools/sec-scenario ("&lt;offset&gt; &lt;line&gt;", "@end N", "@start DATE", "@sec OPTION").
 */
public record Scenario(long startEpochSeconds, long endOffset, List<Event> events, List<String> secOptions) {

	/** A line delivered at {@code offset} seconds after the start. */
	public record Event(long offset, String line) {
	}

	private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/**
	 * Parses scenario text. The start time is read in UTC, as sec-scenario reads it without TZ.
	 *
	 * @throws IllegalArgumentException with "line N: ..." for a malformed line
	 */
	public static Scenario parse(String text) {
		return parse(text, ZoneOffset.UTC);
	}

	/**
	 * Parses scenario text, reading the start time in {@code zone}, as sec-scenario reads it in TZ.
	 *
	 * @throws IllegalArgumentException with "line N: ..." for a malformed line
	 */
	public static Scenario parse(String text, java.time.ZoneId zone) {
		long start = LocalDateTime.parse("2024-01-01 00:00:00", START).atZone(zone).toEpochSecond();
		Long end = null;
		List<Event> events = new ArrayList<>();
		List<String> options = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			try {
				if (trimmed.startsWith("@end")) {
					end = (long) Double.parseDouble(trimmed.substring(4).strip());
				} else if (trimmed.startsWith("@start")) {
					start = LocalDateTime.parse(trimmed.substring(6).strip(), START).atZone(zone).toEpochSecond();
				} else if (trimmed.startsWith("@sec")) {
					options.add(trimmed.substring(4).strip());
				} else {
					String[] parts = line.split("\\s+", 2);
					long offset = (long) Math.floor(Double.parseDouble(parts[0]));
					if (parts.length > 1 && !parts[1].isEmpty()) {
						events.add(new Event(offset, parts[1]));
					}
				}
			} catch (NumberFormatException | DateTimeParseException e) {
				throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
			}
		}
		// lines of one second go in file order, but seconds need not be sorted in the file
		events.sort(java.util.Comparator.comparingLong(Event::offset));
		long last = events.isEmpty() ? 0 : events.get(events.size() - 1).offset();
		return new Scenario(start, end != null ? end : last + 1, List.copyOf(events), List.copyOf(options));
	}
}

package org.sec.simulator.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the time of a log line, in epoch seconds (fractions dropped, as sec's clock has
 * whole seconds). Each format is a regex that finds the timestamp and a rule that turns
 * it into an instant; times without a zone are in {@code zone}.
 */
public abstract class TimestampFormat {

	private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
			"sep", "oct", "nov", "dec");

	private final String name;
	private final Pattern pattern;
	/** Reused from line to line: a format reads the lines of one replay, on one thread. */
	private Matcher matcher;
	/** The last stamp read (its line, where it is in the line, its length) and its time. */
	private String lastLine;
	private int lastStart;
	private int lastLength;
	private OptionalLong lastTime;

	TimestampFormat(String name, Pattern pattern) {
		this.name = name;
		this.pattern = pattern;
	}

	public String name() {
		return name;
	}

	/** The line's time, or empty when the line has no timestamp of this format. */
	public final OptionalLong epochSeconds(String line) {
		Matcher m = matcher == null ? (matcher = pattern.matcher(line)) : matcher.reset(line);
		if (!m.find()) {
			return OptionalLong.empty();
		}
		// lines of one second follow each other: the same stamp text has the same time
		int length = m.end() - m.start();
		if (lastTime != null && length == lastLength && line.regionMatches(m.start(), lastLine, lastStart, length)) {
			return lastTime;
		}
		OptionalLong time;
		try {
			time = OptionalLong.of(convert(m));
		} catch (DateTimeException | NumberFormatException e) {
			time = OptionalLong.empty(); // a look-alike such as "Feb 30"
		}
		if (groupsWithinMatch(m)) { // a custom regex may capture in a look-ahead, beyond the stamp's text
			lastLine = line;
			lastStart = m.start();
			lastLength = length;
			lastTime = time;
		} else {
			lastTime = null;
		}
		return time;
	}

	private static boolean groupsWithinMatch(Matcher m) {
		for (int g = 1; g <= m.groupCount(); g++) {
			if (m.start(g) >= 0 && (m.start(g) < m.start() || m.end(g) > m.end())) {
				return false;
			}
		}
		return true;
	}

	abstract long convert(Matcher m);

	@Override
	public String toString() {
		return name;
	}

	/** The formats "auto" tries, in this order: the first one that reads a line is kept. */
	public static List<TimestampFormat> builtIn(ZoneId zone, int syslogYear) {
		return List.of(iso8601(zone), syslog(zone, syslogYear), apache(), epoch());
	}

	/** A built-in format by name: iso, syslog, apache, epoch. */
	public static TimestampFormat named(String name, ZoneId zone, int syslogYear) {
		return switch (name.toLowerCase(Locale.ROOT)) {
		case "iso", "iso8601", "rfc5424" -> iso8601(zone);
		case "syslog", "rfc3164" -> syslog(zone, syslogYear);
		case "apache", "nginx", "clf" -> apache();
		case "epoch" -> epoch();
		default -> throw new IllegalArgumentException(
				"unknown timestamp format '" + name + "': use auto, iso, syslog, apache, epoch or a custom regex");
		};
	}

	/**
	 * RFC 5424 and ISO 8601: {@code 2024-03-01T12:00:05.123+01:00}, also with a space
	 * instead of T and without a zone (then local).
	 */
	public static TimestampFormat iso8601(ZoneId zone) {
		Pattern p = Pattern.compile("(?:^|[\\s\\[])(\\d{4})-(\\d\\d)-(\\d\\d)[T ](\\d\\d):(\\d\\d):(\\d\\d)(?:[.,]\\d+)?"
				+ "(Z|[+-]\\d\\d:?\\d\\d)?");
		return new TimestampFormat("iso", p) {
			@Override
			long convert(Matcher m) {
				LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
						Integer.parseInt(m.group(6)));
				String z = m.group(7);
				ZoneId at = z == null ? zone : ZoneOffset.of(z.equals("Z") ? "Z" : z.length() == 5
						? z.substring(0, 3) + ":" + z.substring(3) : z);
				return t.atZone(at).toEpochSecond();
			}
		};
	}

	/**
	 * RFC 3164 syslog: {@code Mar  1 12:00:05}, optionally after a {@code <PRI>}. The year
	 * is not in the line: it starts at {@code year} and a {@link LineClock} moves it on when
	 * the month wraps from December to January.
	 */
	public static TimestampFormat syslog(ZoneId zone, int year) {
		Pattern p = Pattern.compile("^(?:<\\d{1,3}>)?([A-Z][a-z]{2}) ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d)\\b");
		return new SyslogFormat(p, zone, year);
	}

	/** Apache and nginx access logs: {@code [10/Oct/2000:13:55:36 -0700]}. */
	public static TimestampFormat apache() {
		Pattern p = Pattern.compile("\\[(\\d\\d)/([A-Z][a-z]{2})/(\\d{4}):(\\d\\d):(\\d\\d):(\\d\\d) ([+-]\\d{4})\\]");
		return new TimestampFormat("apache", p) {
			@Override
			long convert(Matcher m) {
				LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(3)), month(m.group(2)),
						Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
						Integer.parseInt(m.group(6)));
				String z = m.group(7);
				return t.atZone(ZoneOffset.of(z.substring(0, 3) + ":" + z.substring(3))).toEpochSecond();
			}
		};
	}

	/** Epoch seconds at the start of the line, optionally with a fraction or in brackets. */
	public static TimestampFormat epoch() {
		Pattern p = Pattern.compile("^\\[?(\\d{9,11})(?:\\.\\d+)?\\]?(?:\\s|$)");
		return new TimestampFormat("epoch", p) {
			@Override
			long convert(Matcher m) {
				return Long.parseLong(m.group(1));
			}
		};
	}

	/**
	 * A user's format: {@code regex} finds the timestamp (its first group, or the whole
	 * match) and {@code pattern} is a {@link DateTimeFormatter} pattern for that text.
	 * Fields the pattern lacks default to the start of the year 1970 (year) or of the
	 * day; a zone in the text wins over {@code zone}.
	 */
	public static TimestampFormat custom(String regex, String pattern, ZoneId zone) {
		Pattern p;
		try {
			p = Pattern.compile(regex);
		} catch (PatternSyntaxException e) {
			throw new IllegalArgumentException("bad timestamp regex: " + e.getDescription(), e);
		}
		DateTimeFormatter formatter;
		try {
			formatter = new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
					.parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("bad timestamp pattern '" + pattern + "': " + e.getMessage(), e);
		}
		return new TimestampFormat("custom", p) {
			@Override
			long convert(Matcher m) {
				String text = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
				try {
					TemporalAccessor t = formatter.parse(text);
					if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
						return t.getLong(ChronoField.INSTANT_SECONDS);
					}
					LocalDateTime local = LocalDateTime.of(
							t.isSupported(ChronoField.YEAR) ? t.get(ChronoField.YEAR) : 1970,
							t.isSupported(ChronoField.MONTH_OF_YEAR) ? t.get(ChronoField.MONTH_OF_YEAR) : 1,
							t.isSupported(ChronoField.DAY_OF_MONTH) ? t.get(ChronoField.DAY_OF_MONTH) : 1,
							t.get(ChronoField.HOUR_OF_DAY),
							t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0,
							t.isSupported(ChronoField.SECOND_OF_MINUTE) ? t.get(ChronoField.SECOND_OF_MINUTE) : 0);
					ZoneId at = t.isSupported(ChronoField.OFFSET_SECONDS)
							? ZoneOffset.ofTotalSeconds(t.get(ChronoField.OFFSET_SECONDS))
							: zone;
					return local.atZone(at).toEpochSecond();
				} catch (DateTimeParseException e) {
					throw new DateTimeException(e.getMessage());
				}
			}
		};
	}

	static int month(String name) {
		int i = MONTHS.indexOf(name.toLowerCase(Locale.ROOT));
		if (i < 0) {
			throw new DateTimeException("not a month: " + name);
		}
		return i + 1;
	}

	/** Syslog lines carry no year; it is inferred from the order of the lines. */
	static final class SyslogFormat extends TimestampFormat {
		private final ZoneId zone;
		private int year;
		private int lastMonth;

		SyslogFormat(Pattern p, ZoneId zone, int year) {
			super("syslog", p);
			this.zone = zone;
			this.year = year;
		}

		@Override
		long convert(Matcher m) {
			int month = month(m.group(1));
			if (lastMonth == 12 && month == 1) {
				year++; // December to January: a new year began
			}
			lastMonth = month;
			return LocalDateTime.of(year, month, Integer.parseInt(m.group(2).strip()), Integer.parseInt(m.group(3)),
					Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))).atZone(zone).toEpochSecond();
		}
	}
}

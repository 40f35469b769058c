package org.sec.simulator.tests.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sec.simulator.time.LineClock;
import org.sec.simulator.time.TimestampFormat;

class TimestampFormatTest {

	private static final ZoneId UTC = ZoneOffset.UTC;

	private static long at(String iso) {
		return Instant.parse(iso).getEpochSecond();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"iso    | 2024-03-01T12:00:05Z host app: started                      | 2024-03-01T12:00:05Z",
			"iso    | 2024-03-01T12:00:05.123+01:00 host app: started             | 2024-03-01T11:00:05Z",
			"iso    | <34>1 2024-03-01T12:00:05-0230 host app - - - msg           | 2024-03-01T14:30:05Z",
			"iso    | 2024-03-01 12:00:05,250 INFO local time                     | 2024-03-01T12:00:05Z",
			"syslog | Mar  1 12:00:05 host sshd[1]: Accepted                      | 2024-03-01T12:00:05Z",
			"syslog | <13>Mar 15 23:59:59 host app: x                             | 2024-03-15T23:59:59Z",
			"apache | 10.0.0.1 - - [10/Oct/2024:13:55:36 -0700] \"GET / HTTP/1.1\" 200 | 2024-10-10T20:55:36Z",
			"epoch  | 1709294405 host app: started                                | 2024-03-01T12:00:05Z",
			"epoch  | [1709294405.250] kernel event                                | 2024-03-01T12:00:05Z" })
	void builtInFormatsReadTheirTimestamps(String format, String line, String expected) {
		TimestampFormat f = TimestampFormat.named(format, UTC, 2024);
		assertEquals(OptionalLong.of(at(expected)), f.epochSeconds(line));
	}

	@Test
	void linesWithoutTheFormatHaveNoTime() {
		assertTrue(TimestampFormat.syslog(UTC, 2024).epochSeconds("Feb 30 00:00:00 host x").isEmpty());
		assertTrue(TimestampFormat.iso8601(UTC).epochSeconds("no time here").isEmpty());
		assertTrue(TimestampFormat.epoch().epochSeconds("12345 is too short").isEmpty());
	}

	@Test
	void localTimesUseTheZone() {
		TimestampFormat f = TimestampFormat.syslog(ZoneId.of("Europe/Tallinn"), 2024);
		assertEquals(OptionalLong.of(at("2024-07-01T09:00:00Z")), f.epochSeconds("Jul  1 12:00:00 host x"));
	}

	@Test
	void syslogYearAdvancesWhenDecemberTurnsToJanuary() {
		LineClock clock = LineClock.of(TimestampFormat.syslog(UTC, 2023));
		assertEquals(at("2023-12-31T23:59:59Z"), clock.next("Dec 31 23:59:59 host a").epochSecond());
		assertEquals(at("2024-01-01T00:00:01Z"), clock.next("Jan  1 00:00:01 host b").epochSecond());
	}

	@Test
	void repeatedStampsReadAsTheFirst() {
		LineClock clock = LineClock.of(TimestampFormat.syslog(UTC, 2023));
		assertEquals(at("2023-12-31T23:59:59Z"), clock.next("Dec 31 23:59:59 host a").epochSecond());
		assertEquals(at("2023-12-31T23:59:59Z"), clock.next("Dec 31 23:59:59 host b").epochSecond());
		assertEquals(at("2024-01-01T00:00:01Z"), clock.next("Jan  1 00:00:01 host c").epochSecond());
		assertEquals(at("2024-01-01T00:00:01Z"), clock.next("Jan  1 00:00:01 host d").epochSecond());
		assertEquals(at("2024-01-01T00:00:02Z"), clock.next("<13>Jan  1 00:00:02 host e").epochSecond());
		assertEquals(at("2024-01-01T00:00:02Z"), clock.next("Jan  1 00:00:02 host f").epochSecond());
		TimestampFormat f = TimestampFormat.syslog(UTC, 2024);
		assertEquals(OptionalLong.empty(), f.epochSeconds("Feb 30 12:00:05 host x"));
		assertEquals(OptionalLong.empty(), f.epochSeconds("Feb 30 12:00:05 host y"));
		assertEquals(OptionalLong.of(at("2024-02-28T12:00:05Z")), f.epochSeconds("Feb 28 12:00:05 host z"));
	}

	@Test
	void aStampCapturedBeyondTheMatchIsReadEachTime() {
		// the match is the first word; the time is captured in a look-ahead
		TimestampFormat f = TimestampFormat.custom("^(?=.* at (\\d\\d:\\d\\d:\\d\\d))\\S+", "HH:mm:ss", UTC);
		assertEquals(OptionalLong.of(at("1970-01-01T12:00:05Z")), f.epochSeconds("job at 12:00:05"));
		assertEquals(OptionalLong.of(at("1970-01-01T12:00:06Z")), f.epochSeconds("job at 12:00:06"));
	}

	@Test
	void customRegexAndPattern() {
		TimestampFormat f = TimestampFormat.custom("^\\S+ (\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d)",
				"dd.MM.yyyy HH:mm:ss", UTC);
		assertEquals(OptionalLong.of(at("2024-03-01T12:00:05Z")), f.epochSeconds("app1 01.03.2024 12:00:05 started"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> TimestampFormat.custom("(", "HH", UTC));
		assertTrue(e.getMessage().startsWith("bad timestamp regex"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> TimestampFormat.named("rfc9999", UTC, 2024));
		assertTrue(e.getMessage().contains("use auto, iso, syslog, apache, epoch"), e.getMessage());
	}

	@Test
	void autoDetectionKeepsTheFirstFormatThatReadsALine() {
		LineClock clock = LineClock.detect(TimestampFormat.builtIn(UTC, 2024));
		assertNull(clock.next("a header without time"));
		assertEquals(at("2024-03-01T12:00:05Z"), clock.next("Mar  1 12:00:05 host x").epochSecond());
		assertEquals("syslog", clock.format().name());
		// an ISO time inside a later syslog message does not switch formats
		assertEquals(at("2024-03-01T12:00:06Z"),
				clock.next("Mar  1 12:00:06 host backup finished 2020-01-01T00:00:00Z").epochSecond());
	}

	@Test
	void untimedLinesInheritAndTimeNeverGoesBack() {
		LineClock clock = LineClock.of(TimestampFormat.iso8601(UTC));
		clock.next("2024-03-01T12:00:05Z first");
		LineClock.Reading untimed = clock.next("  continuation of the first");
		assertEquals(at("2024-03-01T12:00:05Z"), untimed.epochSecond());
		assertFalse(untimed.stamped());
		LineClock.Reading back = clock.next("2024-03-01T11:59:00Z late arrival");
		assertEquals(at("2024-03-01T12:00:05Z"), back.epochSecond());
		assertEquals(OptionalLong.of(at("2024-03-01T11:59:00Z")), back.earlierStamp());
		assertEquals(at("2024-03-01T12:00:10Z"), clock.next("2024-03-01T12:00:10Z next").epochSecond());
	}

	@Test
	void fixedRate() {
		LineClock clock = LineClock.rate(1000, 2);
		assertEquals(1000, clock.next("a").epochSecond());
		assertEquals(1000, clock.next("b").epochSecond());
		assertEquals(1001, clock.next("c").epochSecond());
		assertThrows(IllegalArgumentException.class, () -> LineClock.rate(0, 0));
	}
}

package org.sec.engine.calendar;

import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.syntax.PerlText;

/**
 * A Calendar rule's time specification, crontab-like: minute hour day month weekday
 * [year]. Port of sec 2.9.1's analyze_timespec (L2247) and eval_timelist (L2117),
 * including their quirks (day 0 allowed, weekday 7 = Sunday, year as two digits).
 */
public final class TimeSpec {

	private static final Pattern STEP = Pattern.compile("^(.+)/0*([0-9]+)$", Pattern.DOTALL);
	private static final Pattern NUMBER = Pattern.compile("^0*([0-9]+)$");

	private final BitSet minutes;
	private final BitSet hours;
	private final BitSet days;
	private final BitSet months;
	private final BitSet weekdays;
	private final BitSet years;

	private TimeSpec(BitSet minutes, BitSet hours, BitSet days, BitSet months, BitSet weekdays, BitSet years) {
		this.minutes = minutes;
		this.hours = hours;
		this.days = days;
		this.months = months;
		this.weekdays = weekdays;
		this.years = years;
	}

	/**
	 * Parses a specification; on error returns {@code null} and adds sec's message to
	 * {@code errors}.
	 */
	public static TimeSpec parse(String spec, List<ConfigDiagnostic.Problem> errors) {
		List<String> parts = PerlText.splitWords(spec);
		if (parts.size() < 5 || parts.size() > 6) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VALUE, spec,
					"Wrong number of elements in time specification"));
			return null;
		}
		String year = parts.size() == 6 ? parts.get(5) : "*";
		BitSet minutes = timeList(parts.get(0), 0, 59, 0);
		if (minutes == null) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VALUE, parts.get(0),
					"Invalid minute specification '" + parts.get(0) + "'"));
			return null;
		}
		BitSet hours = timeList(parts.get(1), 0, 23, 0);
		if (hours == null) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VALUE, parts.get(1),
					"Invalid hour specification '" + parts.get(1) + "'"));
			return null;
		}
		BitSet days = timeList(parts.get(2), 0, 31, 0);
		if (days == null) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VALUE, parts.get(2),
					"Invalid day specification '" + parts.get(2) + "'"));
			return null;
		}
		BitSet months = timeList(parts.get(3), 1, 12, -1);
		if (months == null) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VALUE, parts.get(3),
					"Invalid month specification '" + parts.get(3) + "'"));
			return null;
		}
		BitSet weekdays = timeList(parts.get(4), 0, 7, 0);
		if (weekdays == null) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VALUE, parts.get(4),
					"Invalid weekday specification '" + parts.get(4) + "'"));
			return null;
		}
		if (weekdays.get(7)) {
			weekdays.set(0);
		}
		BitSet years = timeList(year, 0, 99, 0);
		if (years == null) {
			errors.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_VALUE, year,
					"Invalid year specification '" + year + "'"));
			return null;
		}
		return new TimeSpec(minutes, hours, days, months, weekdays, years);
	}

	/** eval_timelist: a comma list of numbers, ranges (open ends allowed), '*', each with an optional /step. */
	static BitSet timeList(String spec, int min, int max, int offset) {
		List<String> parts = PerlText.split(Pattern.compile(","), spec);
		if (parts.isEmpty()) {
			return null;
		}
		BitSet set = new BitSet();
		for (String part : parts) {
			if (part.isEmpty()) {
				continue;
			}
			Integer step = null;
			Matcher m = STEP.matcher(part);
			if (m.matches()) {
				part = m.group(1);
				step = parse(m.group(2));
				if (step == null || step == 0) {
					return null;
				}
			}
			if (part.equals("*")) {
				fill(set, min + offset, max + offset, step == null ? 1 : step);
				continue;
			}
			int dash = part.indexOf('-');
			if (dash < 0) {
				Integer n = number(part);
				if (n == null || n < min || n > max || step != null) {
					return null;
				}
				set.set(n + offset);
			} else {
				String from = part.substring(0, dash);
				String to = part.substring(dash + 1);
				int i;
				int j;
				if (!from.isEmpty()) {
					Integer n = number(from);
					if (n == null || n < min || n > max) {
						return null;
					}
					i = n + offset;
				} else {
					i = min + offset;
				}
				if (!to.isEmpty()) {
					Integer n = number(to);
					if (n == null || n < min || n > max) {
						return null;
					}
					j = n + offset;
				} else {
					j = max + offset;
				}
				fill(set, i, j, step == null ? 1 : step);
			}
		}
		return set;
	}

	private static Integer number(String s) {
		Matcher m = NUMBER.matcher(s);
		return m.matches() ? parse(m.group(1)) : null;
	}

	private static Integer parse(String digits) {
		try {
			return Integer.valueOf(digits);
		} catch (NumberFormatException e) {
			return Integer.MAX_VALUE; // out of every range, as in Perl's numeric compare
		}
	}

	private static void fill(BitSet set, int from, int to, int step) {
		for (long i = from; i <= to; i += step) {
			set.set((int) i);
		}
	}

	/** Minutes 0-59 that the spec selects. */
	public BitSet minutes() {
		return (BitSet) minutes.clone();
	}

	/** Hours 0-23. */
	public BitSet hours() {
		return (BitSet) hours.clone();
	}

	/** Days of month 0-31 as written (sec gives day 0 a meaning of its own at run time). */
	public BitSet days() {
		return (BitSet) days.clone();
	}

	/** Months 0-11 (the spec's 1-12 minus one, as Perl's localtime counts). */
	public BitSet months() {
		return (BitSet) months.clone();
	}

	/** Weekdays 0-7, with 0 set whenever 7 is. */
	public BitSet weekdays() {
		return (BitSet) weekdays.clone();
	}

	/** Years of the century 0-99. */
	public BitSet years() {
		return (BitSet) years.clone();
	}

	/**
	 * The first day in [{@code from}, {@code to}] on which the spec fires at some minute,
	 * or {@code null}: all fields must hold (process_calendar L9928), day 0 meaning the
	 * last day of the month. For checks of specs that can never fire, such as "0 0 30 2 *".
	 */
	public java.time.LocalDate firstMatchingDay(java.time.LocalDate from, java.time.LocalDate to) {
		if (minutes.isEmpty() || hours.isEmpty()) {
			return null;
		}
		for (java.time.LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			boolean lastDay = d.getDayOfMonth() == d.lengthOfMonth();
			if ((days.get(d.getDayOfMonth()) || (lastDay && days.get(0))) && months.get(d.getMonthValue() - 1)
					&& weekdays.get(d.getDayOfWeek().getValue() % 7) && years.get(d.getYear() % 100)) {
				return d;
			}
		}
		return null;
	}
}

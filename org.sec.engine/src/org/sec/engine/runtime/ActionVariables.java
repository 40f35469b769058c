package org.sec.engine.runtime;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.api.SecVersion;
import org.sec.engine.syntax.PerlTime;

/**
 * sec's action-list variables (%name, %{name}): the ones actions assign, and the built-in
 * ones: %u, %t and %s of each action, the constants %.nl, %.chrN ..., and the %.-time
 * variables, updated once a second (L14604, L1623). Substitutes them into action text.
 */
final class ActionVariables {

	private static final Pattern VARIABLE = Pattern.compile("%(?:(\\.?[A-Za-z]\\w*|%)|\\{(\\.?[A-Za-z]\\w*)\\})");
	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ROOT);
	private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.ROOT);
	private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ROOT);
	private static final DateTimeFormatter ZONE_OFFSET = DateTimeFormatter.ofPattern("xx", Locale.ROOT);

	private final Map<String, String> values = new HashMap<>();
	private final ZoneId zone;
	private long timeVariablesUpdated = Long.MIN_VALUE;
	private long localtimeSecond = Long.MIN_VALUE;
	private String localtimeText;

	/** The constants, and the time variables of {@code now}, as sec sets them at start-up. */
	ActionVariables(SecVersion version, ZoneId zone, long now) {
		this.zone = zone;
		values.put("%", "%");
		values.put(".nl", "\n");
		values.put(".cr", "\r");
		values.put(".tab", "\t");
		values.put(".sp", " ");
		for (int i = 0; i <= version.lastChrVariable(); i++) {
			values.put(".chr" + i, String.valueOf((char) i)); // 0..31, from sec 2.9.3 0..255
		}
		timeVariablesUpdated = now;
		setTimeVariables(now);
	}

	/** The second the %.-time variables were last set for (saved with a state). */
	long timeVariablesSecond() {
		return timeVariablesUpdated;
	}

	/** A restored state: the variables as saved, the %.-time variables set for {@code second}. */
	void restore(Map<String, String> saved, long second) {
		values.clear();
		values.putAll(saved);
		timeVariablesUpdated = second;
	}

	/** The variables by name (without %), which actions read and assign. */
	Map<String, String> values() {
		return values;
	}

	/** Sets a variable with sec's debug message, as copy, pop, exists ... do (L5968-6240). */
	void setLogged(String name, String value, org.sec.engine.log.SecLog log) {
		values.put(name, value);
		log.log(org.sec.engine.log.SecLog.Level.DEBUG, "Variable '%" + name + "' set to '" + value + "'");
	}

	/**
	 * {@code s} with its variables replaced at time {@code time}, {@code desc} being %s;
	 * an unknown variable becomes empty, as in sec.
	 */
	String substitute(String s, String desc, long time) {
		if (s == null || s.indexOf('%') < 0) {
			return s;
		}
		if (time != timeVariablesUpdated) {
			setTimeVariables(time);
			timeVariablesUpdated = time;
		}
		if (time != localtimeSecond) {
			localtimeText = PerlTime.scalar(time, zone);
			localtimeSecond = time;
		}
		values.put("u", Long.toString(time));
		values.put("t", localtimeText);
		values.put("s", desc);
		Matcher m = VARIABLE.matcher(s);
		StringBuilder out = new StringBuilder(s.length() + 16);
		int last = 0;
		while (m.find()) {
			out.append(s, last, m.start());
			String name = m.group(2) != null ? m.group(2) : m.group(1);
			String value = values.get(name);
			if (value != null) {
				out.append(value);
			}
			last = m.end();
		}
		out.append(s, last, s.length());
		return out.toString();
	}

	private void setTimeVariables(long time) {
		ZonedDateTime t = PerlTime.at(time, zone);
		values.put(".sec", two(t.getSecond()));
		values.put(".min", two(t.getMinute()));
		values.put(".hour", two(t.getHour()));
		values.put(".hmsstr", two(t.getHour()) + ":" + two(t.getMinute()) + ":" + two(t.getSecond()));
		values.put(".mday", two(t.getDayOfMonth()));
		values.put(".mdaystr", t.getDayOfMonth() < 10 ? " " + t.getDayOfMonth() : Integer.toString(t.getDayOfMonth()));
		values.put(".mon", two(t.getMonthValue()));
		values.put(".monstr", MONTH.format(t));
		values.put(".year", Integer.toString(t.getYear()));
		values.put(".wday", Integer.toString(t.getDayOfWeek().getValue() % 7));
		values.put(".wdaystr", WEEKDAY.format(t));
		values.put(".tzname", ZONE_NAME.format(t));
		String off = ZONE_OFFSET.format(t);
		values.put(".tzoff", off);
		values.put(".tzoff2", off.length() == 5 ? off.substring(0, 3) + ":" + off.substring(3) : "");
	}

	private static String two(int v) {
		return v < 10 ? "0" + v : Integer.toString(v);
	}
}

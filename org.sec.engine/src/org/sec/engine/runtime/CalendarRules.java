package org.sec.engine.runtime;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.sec.engine.calendar.TimeSpec;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextExpressionParser;
import org.sec.engine.rules.Rule;

/**
 * The Calendar rules of the loaded files and when each last ran (process_lists L9905): a
 * rule runs once in a minute its time specification matches, when its context holds.
 */
final class CalendarRules {

	private final List<Rule> rules = new ArrayList<>();
	/** Per rule: minute, hour, day, month (0-11), year - 1900 of its last run. Kept across restarts by identity. */
	private final Map<Rule, int[]> lastRun = new IdentityHashMap<>();

	void clear() {
		rules.clear();
	}

	void add(Rule rule) {
		rules.add(rule);
	}

	/** When each rule last ran (minute, hour, day, month 0-11, year - 1900), for a saved state. */
	Map<Rule, int[]> lastRuns() {
		return lastRun;
	}

	boolean isEmpty() {
		return rules.isEmpty();
	}

	/**
	 * Runs the rules due at local time {@code t} ({@code tomorrow}: the same time a day
	 * later, for the last-day-of-month 0): {@code fire} for each whose context {@code holds}.
	 */
	void run(ZonedDateTime t, ZonedDateTime tomorrow, Predicate<ContextExpression> holds, Consumer<Rule> fire) {
		int minute = t.getMinute();
		int hour = t.getHour();
		int day = t.getDayOfMonth();
		int month = t.getMonthValue() - 1;
		int year = t.getYear() - 1900;
		int weekday = t.getDayOfWeek().getValue() % 7;
		boolean lastDayOfMonth = tomorrow.getDayOfMonth() == 1;
		for (Rule rule : rules) {
			if (ranIn(rule, t)) {
				continue;
			}
			TimeSpec spec = rule.time();
			if (!spec.minutes().get(minute) || !spec.hours().get(hour)
					|| !(spec.days().get(day) || (lastDayOfMonth && spec.days().get(0)))
					|| !spec.months().get(month) || !spec.weekdays().get(weekday)
					|| !spec.years().get(year % 100)) {
				continue;
			}
			ContextExpressionParser.FieldValue ctx = rule.slots().get(0).context();
			if (ctx == null || holds.test(ctx.expression())) {
				fire.accept(rule);
				lastRun.put(rule, new int[] { minute, hour, day, month, year });
			}
		}
	}

	private boolean ranIn(Rule rule, ZonedDateTime t) {
		int[] last = lastRun.get(rule);
		return last != null && last[0] == t.getMinute() && last[1] == t.getHour() && last[2] == t.getDayOfMonth()
				&& last[3] == t.getMonthValue() - 1 && last[4] == t.getYear() - 1900;
	}

	/**
	 * When a rule may run next, seen at local time {@code t} (epoch {@code now}): the next
	 * second when one may still run in this minute (its minute and hour match and it did not
	 * run) or its context needs Perl (which may change with nothing else), else the next minute.
	 */
	long nextDue(ZonedDateTime t, long now) {
		for (Rule rule : rules) {
			ContextExpressionParser.FieldValue ctx = rule.slots().get(0).context();
			if (ctx != null && ctx.expression().needsPerl()) {
				return now + 1;
			}
			if (!ranIn(rule, t) && rule.time().minutes().get(t.getMinute()) && rule.time().hours().get(t.getHour())) {
				return now + 1;
			}
		}
		return t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1).toEpochSecond();
	}
}

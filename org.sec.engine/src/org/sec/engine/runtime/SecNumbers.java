package org.sec.engine.runtime;

import java.util.regex.Pattern;

/** The numbers in sec's action arguments (lifetimes, delays, timestamps), as Perl holds them. */
final class SecNumbers {

	/** A lifetime, delay or timestamp as sec accepts it: digits with blanks around (e.g. L5520). */
	static final Pattern UNSIGNED = Pattern.compile("^\\s*0*([0-9]+)\\s*$");

	/** Stands for counts beyond 64 bits: Perl floats no clock reaches, small enough that adding a time cannot overflow. */
	static final long SATURATED = Long.MAX_VALUE / 4;

	private SecNumbers() {
	}

	/** A count of seconds as Perl holds it: SATURATED for numbers beyond 64 bits. */
	static long seconds(String digits) {
		try {
			return Math.min(Long.parseLong(digits), SATURATED);
		} catch (NumberFormatException e) {
			return SATURATED;
		}
	}

	/** a + b, or just below Long.MAX_VALUE where it overflows (a time no clock reaches). */
	static long saturatedSum(long a, long b) {
		long sum = a + b;
		return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE - 1 : sum;
	}
}

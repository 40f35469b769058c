package org.sec.engine.perl;

/** Perl's boolean test of a scalar: undef, "" and "0" are false, everything else is true. */
public final class PerlTruth {

	private PerlTruth() {
	}

	public static boolean isTrue(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof PerlRef) {
			return true;
		}
		String s = value.toString();
		return !s.isEmpty() && !s.equals("0");
	}
}

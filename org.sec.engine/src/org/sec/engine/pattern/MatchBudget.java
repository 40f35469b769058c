package org.sec.engine.pattern;

/**
 * The text of one match, with a time budget. java.util.regex backtracks without the
 * caches Perl has, so a pattern that is instant in sec ({@code (.*a){20}$} on a line of
 * a's) can take minutes in Java. Counting character reads and looking at the clock every
 * million of them costs almost nothing; past the budget the match is abandoned with
 * {@link Exceeded}, and the engine asks perl instead.
 */
public final class MatchBudget implements CharSequence {

	/** How long one match may run in Java before perl is asked instead. */
	public static final long BUDGET_NANOS = 2_000_000_000L;

	/** Thrown out of a match that ran past its budget; carries no stack trace. */
	public static final class Exceeded extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Exceeded() {
			super("regular expression match over its time budget", null, false, false);
		}
	}

	private static final int READS_BETWEEN_CLOCK_LOOKS = 1 << 20;

	private final String text;
	private final long budgetNanos;
	private int readsLeft = READS_BETWEEN_CLOCK_LOOKS;
	private long startNanos;

	MatchBudget(String text, long budgetNanos) {
		this.text = text;
		this.budgetNanos = budgetNanos;
	}

	@Override
	public char charAt(int index) {
		if (--readsLeft < 0) {
			lookAtClock();
		}
		return text.charAt(index);
	}

	private void lookAtClock() {
		readsLeft = READS_BETWEEN_CLOCK_LOOKS;
		long now = System.nanoTime();
		if (startNanos == 0) {
			startNanos = now;
		} else if (now - startNanos > budgetNanos) {
			throw new Exceeded();
		}
	}

	@Override
	public int length() {
		return text.length();
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return text.substring(start, end);
	}

	@Override
	public String toString() {
		return text;
	}
}

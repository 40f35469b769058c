package org.sec.engine.cli;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Finds line ends in an input buffer eight bytes per step: cutting lines was a tenth of bench-single's time byte by byte. */
public final class Newlines {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final long ONES = 0x0101010101010101L;
	private static final long NEWLINES = ONES * '\n';

	private Newlines() {
	}

	/**
	 * The index of the first '\n' in {@code b[from, to)}, or -1. A byte of {@code word ^ NEWLINES}
	 * is zero where the word has '\n'; the lowest byte flagged by the zero-byte test is exact.
	 */
	public static int first(byte[] b, int from, int to) {
		int i = from;
		for (; i + 8 <= to; i += 8) {
			long x = (long) LONGS.get(b, i) ^ NEWLINES;
			long found = (x - ONES) & ~x & (ONES << 7);
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (b[i] == '\n') {
				return i;
			}
		}
		return -1;
	}
}

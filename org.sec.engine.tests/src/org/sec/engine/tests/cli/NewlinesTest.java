package org.sec.engine.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sec.engine.cli.Newlines;

class NewlinesTest {

	/** The byte-by-byte search, as the reference. */
	private static int slow(byte[] b, int from, int to) {
		for (int i = from; i < to; i++) {
			if (b[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	@Test
	void findsTheFirstNewlineAtEveryOffsetAndAlignment() {
		for (int len = 0; len <= 40; len++) {
			for (int nl = -1; nl < len; nl++) {
				for (int from = 0; from <= len; from++) {
					byte[] b = new byte[len];
					java.util.Arrays.fill(b, (byte) 'a');
					if (nl >= 0) {
						b[nl] = '\n';
					}
					assertEquals(slow(b, from, len), Newlines.first(b, from, len), "len " + len + " nl " + nl + " from " + from);
				}
			}
		}
	}

	@Test
	void bytesNearNewlineAndHighBytesAreNotTakenForOne() {
		// 0x0b ('\n' + 1), 0x09, 0x8a (newline with the high bit) and 0x00 trip naive zero-byte tests
		byte[] tricky = { 0x0b, 0x09, (byte) 0x8a, 0x00, (byte) 0xff, 0x0a - 0x01, (byte) 0x80, 0x7f };
		Random random = new Random(42);
		for (int round = 0; round < 20_000; round++) {
			byte[] b = new byte[random.nextInt(64)];
			for (int i = 0; i < b.length; i++) {
				b[i] = random.nextInt(12) == 0 ? (byte) '\n' : tricky[random.nextInt(tricky.length)];
			}
			int from = b.length == 0 ? 0 : random.nextInt(b.length + 1);
			int to = from + (b.length == from ? 0 : random.nextInt(b.length - from + 1));
			assertEquals(slow(b, from, to), Newlines.first(b, from, to));
		}
	}
}

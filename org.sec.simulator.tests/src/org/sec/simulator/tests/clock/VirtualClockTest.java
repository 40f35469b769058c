package org.sec.simulator.tests.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.sec.engine.api.Clock;
import org.sec.simulator.clock.VirtualClock;
import org.junit.jupiter.api.Test;

class VirtualClockTest {

	@Test
	void movesOnlyWhenTold() {
		VirtualClock clock = new VirtualClock(1_000);
		Clock asEngineSeesIt = clock;
		assertEquals(1_000, asEngineSeesIt.nowSeconds());
		clock.advanceBy(5);
		clock.advanceTo(1_005);
		assertEquals(1_005, asEngineSeesIt.nowSeconds());
		clock.advanceTo(1_060);
		assertEquals(1_060, asEngineSeesIt.nowSeconds());
	}

	@Test
	void refusesToGoBackInTime() {
		VirtualClock clock = new VirtualClock(100);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(99));
		assertTrue(e.getMessage().contains("from 100 to 99"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> clock.advanceBy(-1));
		assertEquals(100, clock.nowSeconds());
	}
}

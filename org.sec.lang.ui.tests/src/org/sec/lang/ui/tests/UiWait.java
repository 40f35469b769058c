package org.sec.lang.ui.tests;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Runs the UI thread's event loop until a condition holds, as a user's workbench would while waiting. */
final class UiWait {

	private UiWait() {
	}

	/** Dispatches UI events until {@code condition} holds; fails after {@code millis}. Call on the UI thread. */
	static void until(String what, long millis, BooleanSupplier condition) {
		Display display = Display.getCurrent();
		long end = System.currentTimeMillis() + millis;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("timed out waiting until " + what);
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
				});
				display.sleep();
			}
		}
	}
}

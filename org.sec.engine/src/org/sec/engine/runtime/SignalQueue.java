package org.sec.engine.runtime;

import java.util.EnumSet;
import java.util.Set;

import org.sec.engine.api.Signal;
import org.sec.engine.log.SecLog;

/**
 * The signals waiting for the next check_signals (L13081): real ones and those sigemul
 * raises, handled after the current event as sec does. INT is counted: sec steps the debug
 * level once per INT.
 */
final class SignalQueue {

	private final SecLog log;

	SignalQueue(SecLog log) {
		this.log = log;
	}

	/** How many INT signals arrived since the last {@link #takeSignals()} (sec counts them). */
	private int intSignals;

	/** The INT signals taken with the last {@link #takeSignals()}. */
	int takenIntSignals() {
		return takenIntSignals;
	}

	private int takenIntSignals;

	private final EnumSet<Signal> signals = EnumSet.noneOf(Signal.class);

	/** Takes the signals raised since the last call. */
	Set<Signal> takeSignals() {
		if (signals.isEmpty()) { // after almost every event: nothing to copy
			takenIntSignals = 0;
			return Set.of();
		}
		Set<Signal> taken = EnumSet.copyOf(signals);
		signals.clear();
		takenIntSignals = intSignals;
		intSignals = 0;
		return taken;
	}

	/** A real signal, queued like sigemul's for the next check_signals. */
	void raise(Signal signal) {
		signals.add(signal);
		if (signal == Signal.INT) {
			intSignals++;
		}
	}

	/** sigemul (execute_sigemul_action L6986): a signal by name, or a warning for one sec cannot emulate. */
	void emulate(String name) {
		switch (name) {
		case "TERM" -> signals.add(Signal.TERM);
		case "USR2" -> signals.add(Signal.USR2);
		case "USR1" -> signals.add(Signal.USR1);
		case "HUP" -> signals.add(Signal.HUP);
		case "ABRT" -> signals.add(Signal.ABRT);
		case "INT" -> {
			signals.add(Signal.INT);
			intSignals++;
		}
		default -> log.log(SecLog.Level.WARN, "The arrival of '" + name + "' signal can't be emulated");
		}
	}
}

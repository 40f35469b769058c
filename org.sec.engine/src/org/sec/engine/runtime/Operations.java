package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.sec.engine.log.SecLog;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;

/**
 * sec's event correlation operations (%corr_list): their keys (gen_key L8490), starting,
 * finishing and removing them with the listener's calls, their windows ending (each rule
 * family's {@link RuleFamily#expire}), and the reset, getwpos and setwpos actions.
 */
final class Operations {

	private static final String SEPARATOR = " | ";

	private final EngineState state;
	private final EngineServices services;
	private final ActionRunner actions;
	private final RuleIndex rules;
	private final Map<RuleKind, RuleFamily> families = new EnumMap<>(RuleKind.class);

	Operations(EngineState state, EngineServices services, ActionRunner actions, RuleIndex rules) {
		this.state = state;
		this.services = services;
		this.actions = actions;
		this.rules = rules;
	}

	/** The family whose {@link RuleFamily#expire} ends the operations of {@code kind}. */
	void expiresWith(RuleKind kind, RuleFamily family) {
		families.put(kind, family);
	}

	static String key(String file, Rule rule, String desc) {
		return key(file, Integer.toString(rule.id()), desc);
	}

	/** gen_key (L8490): "file | rule number | desc", the one shape of every operation key. */
	static String key(String file, String ruleId, String desc) {
		return file + SEPARATOR + ruleId + SEPARATOR + desc;
	}

	/** The operation of {@code rule} for {@code desc} (under key(rule's file, rule, desc)), or null. */
	Operation get(Rule rule, String desc) {
		return state.operations.get(rule, desc);
	}

	boolean exists(Rule rule, String desc) {
		return state.operations.get(rule, desc) != null;
	}

	void start(String key, Operation op) {
		Operation replaced = state.operations.put(key, op);
		if (replaced != null) {
			replaced.inTable = false;
		}
		op.inTable = true;
		state.operationSchedule.entered(op, replaced);
		if (services.listening()) {
			services.listener().operationStarted(key, services.ruleRef(op.rule));
		}
	}

	/** Ends the operation under {@code key} (the Pair table keeps its own entry): the operation, or null. */
	Operation finish(String key) {
		Operation op = state.operations.remove(key);
		if (op != null) {
			op.inTable = false;
		}
		if (op != null && services.listening()) {
			services.listener().operationFinished(key, services.ruleRef(op.rule));
		}
		return op;
	}

	/** Ends the operation under {@code key} everywhere, the Pair table included. */
	void remove(String key) {
		Operation op = finish(key);
		if (op != null) {
			Map<String, Operation> ops = state.pairOperations.get(op.rule);
			if (ops != null) {
				ops.remove(key);
			}
		}
	}

	void updated(Operation op) {
		if (services.listening()) {
			services.listener().operationUpdated(op.key, services.ruleRef(op.rule));
		}
	}

	/** The operation of {@code rule} for {@code desc}, after expiring it if its window is over (it may be gone then). */
	Operation live(Rule rule, String desc, long time) {
		Operation op = state.operations.get(rule, desc);
		if (op == null || time - op.time() <= op.window()) {
			return op;
		}
		expireIfOver(op, time);
		return state.operations.get(rule, desc);
	}

	/** Ends or slides {@code op} (may be null) when its window is over at {@code time}. */
	void expireIfOver(Operation op, long time) {
		if (op == null || time - op.time() <= op.window()) {
			return;
		}
		RuleFamily family = families.get(op.rule.kind());
		if (family != null) {
			family.expire(op, time);
		}
	}

	/** process_lists' last step: every operation whose window is over (L9990). */
	void expireAll(long time) {
		OperationSchedule schedule = state.operationSchedule;
		if (!schedule.anyDueAt(time)) {
			return; // no window is over: expireIfOver would pass over each
		}
		schedule.startPass(time);
		for (Operation op; (op = schedule.next()) != null;) {
			// what the table holds under op's key: op itself while inTable says so (no lookup)
			Operation current = op.inTable ? op : state.operations.get(op.key);
			expireIfOver(current, time);
			Operation live = current != null && current.inTable ? current : state.operations.get(op.key);
			if (live != null) {
				schedule.changed(live); // still there: queued at its current end
			}
		}
	}

	/** The earliest second an operation's window is over, or Long.MAX_VALUE (an untimed Pair never is). */
	long nextExpiry() {
		return state.operationSchedule.earliest();
	}

	/** A soft restart re-reads or drops {@code file}: its operations end, with sec's message (L13165). */
	void endOperationsOf(String file) {
		List<String> keys = new ArrayList<>();
		state.operations.forEach((key, op) -> {
			if (op.rule.file().equals(file)) {
				keys.add(key);
			}
		});
		services.log.log(SecLog.Level.DEBUG, "Terminating all event correlation operations started from " + file
				+ ", number of operations: " + keys.size());
		keys.forEach(this::finish);
		state.pairOperations.keySet().removeIf(rule -> rule.file().equals(file));
	}

	/** getwpos (L6451): the window start of an operation into a variable. */
	void getWindowPosition(String variable, String key) {
		services.log.log(SecLog.Level.DEBUG, "Getting event correlation window position for operation '" + key + "'");
		Operation op = state.operations.get(key);
		if (op != null) {
			state.actionVariables.setLogged(variable, Long.toString(op.time()), services.log);
		} else {
			services.log.log(SecLog.Level.WARN, "Operation '" + key + "' does not exist, can't get window position");
		}
	}

	/** reset: ends operations silently (no action2, end or timeout actions). */
	void reset(String file, String ruleId, String event) {
		List<Rule> fileRules = rules.rules(file) == null ? List.<Rule>of() : rules.rules(file);
		if (!ruleId.isEmpty()) {
			String key = key(file, ruleId, event);
			services.log.log(SecLog.Level.DEBUG, "Terminating event correlation operation '" + key + "'");
			remove(key);
		} else {
			services.log.log(SecLog.Level.DEBUG, "Terminating all event correlation operations started from " + file
					+ " with operation description string '" + event + "'");
			for (Rule rule : fileRules) {
				remove(key(file, rule, event));
			}
		}
	}

	/** setwpos (L6480): moves a window start forward, within [current start, now]. */
	void setWindowPosition(String timestamp, String key) {
		Matcher m = SecNumbers.UNSIGNED.matcher(timestamp);
		if (!m.matches()) {
			services.log.log(SecLog.Level.WARN, "Invalid timestamp '" + timestamp + "' for moving the window of operation '"
					+ key + "'");
			return;
		}
		long t = SecNumbers.seconds(m.group(1));
		String when = services.perlLocaltime(t);
		services.log.log(SecLog.Level.DEBUG, "Moving event correlation window to '" + when + "' for operation '" + key + "'");
		Operation op = state.operations.get(key);
		if (op == null) {
			services.log.log(SecLog.Level.WARN, "Operation '" + key + "' does not exist, can't set window position");
			return;
		}
		if (op.initInProgress) {
			services.log.log(SecLog.Level.WARN, "Operation '" + key + "' is initializing, can't set window position");
			return;
		}
		if (op.deleteInProgress) {
			services.log.log(SecLog.Level.WARN, "Operation '" + key + "' is terminating, can't set window position");
			return;
		}
		if (t < op.time()) {
			services.log.log(SecLog.Level.WARN, "Can't move event correlation window backwards to '" + when + "'");
			return;
		}
		if (t > services.now()) {
			services.log.log(SecLog.Level.WARN, "Can't move event correlation window into future to '" + when + "'");
			return;
		}
		if (t == op.time()) {
			services.log.log(SecLog.Level.DEBUG, "Event correlation window is already positioned at '" + when + "'");
			return;
		}
		switch (op.rule.kind()) {
		case SINGLE_WITH_THRESHOLD -> {
			if (!op.suppressMode) {
				dropTimesBefore(op, t);
				if (op.times.isEmpty()) {
					remove(key);
				}
			} else {
				op.time(t);
			}
		}
		case SINGLE_WITH_2_THRESHOLDS -> {
			dropTimesBefore(op, t);
			if (!op.secondPass && op.times.isEmpty()) {
				remove(key);
			}
		}
		case EVENT_GROUP -> {
			if (!op.suppressMode) {
				op.dropGroupEventsBefore(t);
				op.time(t);
				if (op.allTimes.isEmpty()) {
					op.deleteInProgress = true;
					actions.execute(op.endAction, op.desc);
					remove(key);
				}
			} else {
				op.time(t);
			}
		}
		default -> op.time(t);
		}
	}

	/** update_times_swt with its flag set: drop earlier times, the window starts at {@code t}. */
	static void dropTimesBefore(Operation op, long t) {
		op.times.dropBefore(t);
		op.time(t);
	}
}

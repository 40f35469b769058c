package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionType;
import org.sec.engine.log.SecLog;
import org.sec.engine.syntax.PerlText;

/**
 * sec's contexts (valid_context L7124 and the context actions L5538-6240): creating,
 * deleting, obsoleting, aliasing and timing them, their event stores, and what queries
 * put into variables. A stale context runs its action list when it is found (ActionRunner).
 */
final class ContextStore {

	private static final Pattern SET_LIFETIME = Pattern.compile("^\\s*(?:0*([0-9]+)|-)\\s*$");
	private static final Pattern TRIM_TIMESTAMP = Pattern.compile("^\\s*([+-]?)0*([0-9]+)\\s*$");

	private final EngineState state;
	private final EngineServices services;
	private final ActionRunner actions;

	ContextStore(EngineState state, EngineServices services, ActionRunner actions) {
		this.state = state;
		this.services = services;
		this.actions = actions;
	}

	/** The context by name or alias, or null. */
	Context get(String name) {
		return state.contexts.get(name);
	}

	/** Every name and alias, in sec's order (SingleWithScript's input). */
	java.util.Set<String> names() {
		return state.contexts.keySet();
	}

	/** An internal context of jsec (SEC_INTERNAL_EVENT, an input's context) for one event. */
	void createInternal(String name) {
		Context c = new Context(services.now(), 0, state.contextSchedule);
		c.internal = true;
		c.aliases.add(name);
		state.contexts.put(name, c);
	}

	void removeInternal(String name) {
		state.contexts.remove(name);
	}

	/** process_lists' first step: every stale context expires (L9851). */
	void expireStale() {
		ContextSchedule schedule = state.contextSchedule;
		if (!schedule.anyDueAt(services.now())) {
			return; // no context is stale: valid_context would return true for each, doing nothing
		}
		schedule.startPass(services.now());
		for (String name; (name = schedule.next()) != null;) {
			valid(name);
			Context c = state.contexts.get(name);
			if (c != null) {
				schedule.changed(c); // still there: queued at its current end
			}
		}
	}

	/** The earliest second a context may become stale, or Long.MAX_VALUE. */
	long nextExpiry() {
		return state.contextSchedule.earliest();
	}

	/** The lines of a context's event store, each ending in a newline, or null (logged) when there is nothing to report. */
	String reportText(String name) {
		Context c = state.contexts.get(name);
		if (c == null) {
			services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't report");
			return null;
		}
		if (c.buffer.isEmpty()) {
			services.log.log(SecLog.Level.DEBUG, "Event store of context '" + name + "' is empty, nothing to report");
			return null;
		}
		StringBuilder b = new StringBuilder();
		for (String line : c.buffer.events()) {
			b.append(line).append('\n');
		}
		return b.toString();
	}

	/** valid_context: true if the context exists and is not stale; a stale one is expired now. */
	boolean valid(String name) {
		Context c = state.contexts.get(name);
		if (c == null) {
			return false;
		}
		if (c.window() == 0 || services.now() - c.time() <= c.window()) {
			return true;
		}
		if (c.deleteInProgress) {
			return false;
		}
		services.log.log(SecLog.Level.DEBUG, "Deleting stale context '" + name + "'");
		if (!c.action.isEmpty()) {
			c.deleteInProgress = true;
			Context saved = state.contexts.get("_THIS");
			state.contexts.put("_THIS", c);
			actions.execute(c.action, c.desc);
			if (saved != null) {
				state.contexts.put("_THIS", saved);
			} else {
				state.contexts.remove("_THIS");
			}
		}
		for (String alias : new ArrayList<>(c.aliases)) {
			state.contexts.remove(alias);
			services.log.log(SecLog.Level.DEBUG, "Stale context '" + alias + "' deleted");
		}
		services.listener().contextExpired(name);
		return false;
	}

	void create(String name, String lifetime, List<Action> onExpiry, String desc) {
		if (services.log.logs(SecLog.Level.DEBUG)) {
			services.log.log(SecLog.Level.DEBUG, "Creating context '" + name + "'");
		}
		Matcher m = SecNumbers.UNSIGNED.matcher(lifetime);
		if (!m.matches()) {
			services.log.log(SecLog.Level.WARN, "Invalid lifetime '" + lifetime + "' for context '" + name + "', can't create");
			return;
		}
		long window = SecNumbers.seconds(m.group(1));
		Context c = state.contexts.get(name);
		if (c != null) {
			if (c.internal) {
				services.log.log(SecLog.Level.WARN, "Invalid use of create action for internal context '" + name + "'");
				return;
			}
			c.time(services.now());
			c.lifetime(window, m.group(1));
			c.action = onExpiry;
			c.desc = desc;
			c.buffer.clear();
		} else {
			c = new Context(services.now(), window, state.contextSchedule);
			c.lifetime(window, m.group(1));
			c.action = onExpiry;
			c.desc = desc;
			c.aliases.add(name);
			state.contexts.put(name, c);
		}
		services.listener().contextCreated(name, window);
	}

	/** execute_delete_action (L5590). */
	void delete(String name) {
		services.log.log(SecLog.Level.DEBUG, "Deleting context '" + name + "'");
		Context c = state.contexts.get(name);
		if (c == null || c.deleteInProgress) {
			services.log.log(SecLog.Level.DEBUG, "Context '" + name + "' does not exist or is already going through deletion");
			return;
		}
		if (c.internal) {
			services.log.log(SecLog.Level.WARN, "Invalid use of delete action for internal context '" + name + "'");
			return;
		}
		for (String alias : new ArrayList<>(c.aliases)) {
			state.contexts.remove(alias);
			services.log.log(SecLog.Level.DEBUG, "Context '" + alias + "' deleted");
		}
		services.listener().contextDeleted(name);
	}

	/** execute_obsolete_action (L5623). */
	void obsolete(String name) {
		services.log.log(SecLog.Level.DEBUG, "Obsoleting context '" + name + "'");
		Context c = state.contexts.get(name);
		if (c == null || c.deleteInProgress) {
			services.log.log(SecLog.Level.DEBUG, "Context '" + name + "' does not exist or is already going through deletion");
		} else if (c.internal) {
			services.log.log(SecLog.Level.WARN, "Invalid use of obsolete action for internal context '" + name + "'");
		} else {
			c.window(-1);
			valid(name);
		}
	}

	/** execute_set_action (L5652). */
	void set(String name, String lifetime, List<Action> onExpiry, String desc) {
		services.log.log(SecLog.Level.DEBUG, "Changing settings for context '" + name + "'");
		Matcher m = SET_LIFETIME.matcher(lifetime);
		if (!m.matches()) {
			services.log.log(SecLog.Level.WARN,
					"Invalid lifetime '" + lifetime + "' for context '" + name + "', can't change settings");
			return;
		}
		Context c = state.contexts.get(name);
		if (c == null) {
			services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't change settings");
			return;
		}
		if (c.internal) {
			services.log.log(SecLog.Level.WARN, "Invalid use of set action for internal context '" + name + "'");
			return;
		}
		if (m.group(1) != null) {
			c.time(services.now());
			c.lifetime(SecNumbers.seconds(m.group(1)), m.group(1));
		}
		if (!onExpiry.isEmpty()) {
			c.action = onExpiry;
			c.desc = desc;
		}
	}

	/** execute_alias_action (L5702). */
	void alias(String name, String alias) {
		services.log.log(SecLog.Level.DEBUG, "Creating alias '" + alias + "' for context '" + name + "'");
		Context c = state.contexts.get(name);
		if (c == null) {
			services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't create alias");
		} else if (state.contexts.containsKey(alias)) {
			services.log.log(SecLog.Level.DEBUG, "Alias '" + alias + "' already exists");
		} else if (!c.internal) {
			c.aliases.add(alias);
			state.contexts.put(alias, c);
		} else {
			services.log.log(SecLog.Level.WARN, "Invalid use of alias action for internal context '" + name + "'");
		}
	}

	/** execute_unalias_action (L5731). */
	void unalias(String alias) {
		services.log.log(SecLog.Level.DEBUG, "Removing alias '" + alias + "'");
		Context c = state.contexts.get(alias);
		if (c == null || c.deleteInProgress) {
			services.log.log(SecLog.Level.DEBUG, "Alias '" + alias
					+ "' does not exist or the referred context is already going through deletion");
		} else if (c.internal) {
			services.log.log(SecLog.Level.WARN, "Invalid use of unalias action for internal context '" + alias + "'");
		} else {
			c.aliases.remove(alias);
			if (c.aliases.isEmpty()) {
				services.log.log(SecLog.Level.DEBUG, "Alias '" + alias + "' was the last reference to a context");
			}
			state.contexts.remove(alias);
		}
	}

	/** execute_setctime_action (L6243). */
	void setCreationTime(String timestamp, String name) {
		Matcher m = SecNumbers.UNSIGNED.matcher(timestamp);
		if (!m.matches()) {
			services.log.log(SecLog.Level.WARN, "Invalid timestamp '" + timestamp + "' for creation time of context '" + name + "'");
			return;
		}
		long t = SecNumbers.seconds(m.group(1));
		String when = services.perlLocaltime(t);
		services.log.log(SecLog.Level.DEBUG, "Setting the creation time of context '" + name + "' to '" + when + "'");
		Context c = state.contexts.get(name);
		if (c == null) {
			services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't set creation time");
		} else if (c.internal) {
			services.log.log(SecLog.Level.WARN, "Invalid use of setctime action for internal context '" + name + "'");
		} else if (t < c.time()) {
			services.log.log(SecLog.Level.WARN, "Can't set context creation time backwards to '" + when + "'");
		} else if (t > services.now()) {
			services.log.log(SecLog.Level.WARN, "Can't set context creation time into future to '" + when + "'");
		} else if (t == c.time()) {
			services.log.log(SecLog.Level.DEBUG, "Context creation time already set to '" + when + "'");
		} else {
			c.time(t);
		}
	}

	/** execute_setltime_action (L6161). */
	void setLifetime(String name, String lifetime) {
		Matcher m = SecNumbers.UNSIGNED.matcher(lifetime);
		if (!m.matches()) {
			services.log.log(SecLog.Level.WARN, "Invalid lifetime '" + lifetime + "' for context '" + name + "'");
			return;
		}
		long window = SecNumbers.seconds(m.group(1));
		services.log.log(SecLog.Level.DEBUG, "Setting the lifetime of context '" + name + "' to '" + m.group(1) + "'");
		Context c = state.contexts.get(name);
		if (c == null) {
			services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't set lifetime");
		} else if (c.internal) {
			services.log.log(SecLog.Level.WARN, "Invalid use of setltime action for internal context '" + name + "'");
		} else {
			c.lifetime(window, m.group(1));
			if (window != 0 && services.now() - c.time() > window) {
				services.log.log(SecLog.Level.DEBUG, "Context '" + name + "' has become stale after lifetime adjustment");
				valid(name);
			}
		}
	}

	/** execute_add_action, execute_prepend_action, execute_fill_action (L5767-5893). */
	void addToStore(ActionType type, String name, String event) {
		boolean fill = type == ActionType.FILL;
		if (services.log.logs(SecLog.Level.DEBUG)) {
			services.log.log(SecLog.Level.DEBUG, switch (type) {
			case ADD -> "Adding event(s) '" + event + "' to context '" + name + "'";
			case PREPEND -> "Prepending event(s) '" + event + "' to context '" + name + "'";
			default -> "Filling context '" + name + "' with event(s) '" + event + "'";
			});
		}
		Context c = state.contexts.get(name);
		if (c == null) {
			c = new Context(services.now(), 0, state.contextSchedule);
			c.aliases.add(name);
			state.contexts.put(name, c);
		} else if (c.internal) {
			services.log.log(SecLog.Level.WARN, "Invalid use of " + type.keyword() + " action for internal context '" + name + "'");
			return;
		}
		List<String> lines = PerlText.splitLines(event);
		if (services.options.evstoresize() > 0) {
			int size = fill ? lines.size() : c.buffer.size() + lines.size();
			if (size > services.options.evstoresize()) {
				services.log.log(SecLog.Level.WARN, fill
						? "Can't fill context '" + name + "' with event(s) '" + event + "', store full"
						: "Can't " + type.keyword() + " event(s) '" + event + "' to context '" + name + "', store full");
				return;
			}
		}
		switch (type) {
		case ADD -> c.buffer.add(lines, services.now());
		case PREPEND -> c.buffer.prepend(lines, services.now());
		default -> c.buffer.fill(lines, services.now());
		}
	}

	/** execute_copy_action, execute_empty_action, execute_pop_action, execute_shift_action (L5968-6072). */
	void storeToVariable(ActionType type, String name, String variable) {
		services.log.log(SecLog.Level.DEBUG, switch (type) {
		case COPY -> "Copying context '" + name + "' to variable '%" + variable + "'";
		case EMPTY -> "Emptying the event store of context '" + name + "'";
		case POP -> "Pop the last element of context '" + name + "' event store into variable '%" + variable + "'";
		default -> "Shift the first element of context '" + name + "' event store into variable '%" + variable + "'";
		});
		Context c = state.contexts.get(name);
		if (c == null) {
			services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't " + type.keyword());
			return;
		}
		switch (type) {
		case COPY -> state.actionVariables.setLogged(variable, String.join("\n", c.buffer.events()), services.log);
		case EMPTY -> {
			if (!variable.isEmpty()) {
				state.actionVariables.setLogged(variable, String.join("\n", c.buffer.events()), services.log);
			}
			c.buffer.clear();
		}
		case POP -> state.actionVariables.setLogged(variable, c.buffer.removeLast(), services.log);
		default -> state.actionVariables.setLogged(variable, c.buffer.removeFirst(), services.log);
		}
	}

	/**
	 * execute_trim_action (sec 2.9.4 L6153): removes what was written to the store before
	 * the time (epoch seconds, +T after the context's creation, -T before now) and puts the
	 * removed strings, one per line, into the variable if one is named.
	 */
	void trim(String timestamp, String name, String variable) {
		services.log.log(SecLog.Level.DEBUG, "Trimming context '" + name + "' event store by timestamp '" + timestamp + "'");
		Context c = state.contexts.get(name);
		if (c == null) {
			services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't trim");
			return;
		}
		Matcher m = TRIM_TIMESTAMP.matcher(timestamp);
		if (!m.find()) {
			services.log.log(SecLog.Level.WARN, "Invalid timestamp '" + timestamp + "' for trimming context '" + name + "'");
			return;
		}
		long offset = SecNumbers.seconds(m.group(2));
		long limit = switch (m.group(1)) {
		case "+" -> c.time() + offset;
		case "-" -> services.now() - offset;
		default -> offset;
		};
		int before = c.buffer.size();
		List<String> removed = c.buffer.trimBefore(limit);
		services.log.log(SecLog.Level.DEBUG, "Trimmed " + (before - c.buffer.size()) + " element(s) older than '"
				+ services.perlLocaltime(limit) + "' from context '" + name + "' event store");
		if (!variable.isEmpty()) {
			String value = String.join("\n", removed);
			state.actionVariables.setLogged(variable, value, services.log);
		}
	}

	/** execute_exists_action ... execute_getctime_action (L6073-6240). */
	void contextQuery(ActionType type, String variable, String name) {
		Context c = state.contexts.get(name);
		switch (type) {
		case EXISTS -> {
			services.log.log(SecLog.Level.DEBUG, "Checking the presence of context '" + name + "'");
			state.actionVariables.setLogged(variable, c != null ? "1" : "0", services.log);
		}
		case GETSIZE -> {
			services.log.log(SecLog.Level.DEBUG, "Finding the size of context '" + name + "' event store");
			if (c != null) {
				state.actionVariables.setLogged(variable, Integer.toString(c.buffer.size()), services.log);
			} else {
				state.variables().remove(variable);
				services.log.log(SecLog.Level.DEBUG,
						"Context '" + name + "' does not exist, variable '%" + variable + "' set to undef");
			}
		}
		case GETALIASES -> {
			services.log.log(SecLog.Level.DEBUG, "Assigning aliases of context '" + name + "' to variable '%" + variable + "'");
			if (c != null) {
				state.actionVariables.setLogged(variable, String.join("\n", c.aliases), services.log);
			} else {
				services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't get aliases");
			}
		}
		case GETLTIME -> {
			services.log.log(SecLog.Level.DEBUG,
					"Assigning the lifetime of context '" + name + "' to variable '%" + variable + "'");
			if (c != null) {
				state.actionVariables.setLogged(variable, c.lifetimeText(), services.log);
			} else {
				services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't get lifetime");
			}
		}
		default -> {
			services.log.log(SecLog.Level.DEBUG,
					"Assigning the creation time of context '" + name + "' to variable '%" + variable + "'");
			if (c != null) {
				state.actionVariables.setLogged(variable, Long.toString(c.time()), services.log);
			} else {
				services.log.log(SecLog.Level.WARN, "Context '" + name + "' does not exist, can't get creation time");
			}
		}
		}
	}
}

package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionType;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlException;
import org.sec.engine.syntax.PerlText;

/**
 * sec's %main::context_list and %main::variables around a call to perl: the contexts as
 * sec's hashes (one per context, shared by its names; event store, lifetime, creation
 * time, action list, description), the variables by name; what the code changed comes
 * back. jsec's own internal contexts (SEC_INTERNAL_EVENT, input contexts) stay as they are.
 */
final class PerlSharedState implements PerlCode.StateSync {

	private final EngineState state;

	PerlSharedState(EngineState state) {
		this.state = state;
	}

	@Override
	public void toPerl(PerlBridge bridge) throws PerlException {
		Map<Context, List<String>> names = new LinkedHashMap<>();
		state.contexts.forEach((name, c) -> names.computeIfAbsent(c, k -> new ArrayList<>()).add(name));
		List<Object> entries = new ArrayList<>();
		names.forEach((c, n) -> entries.add(Arrays.asList(n, Long.toString(c.time()), Long.toString(c.window()),
				List.copyOf(c.buffer.events()), actionsToPerl(c.action), c.desc, c.internal ? "1" : "0")));
		List<Object> vars = new ArrayList<>();
		state.variables().forEach((k, v) -> vars.add(Arrays.asList(k, v)));
		bridge.putState(entries, vars);
	}

	@Override
	public void fromPerl(PerlBridge bridge) throws PerlException {
		List<List<Object>> perlState = bridge.getState();
		Map<String, Context> before = new LinkedHashMap<>(state.contexts);
		state.contexts.entrySet().removeIf(e -> !e.getValue().internal);
		for (Object item : perlState.get(0)) {
			List<?> e = (List<?>) item;
			if ("1".equals(e.get(6))) {
				continue; // an internal context: jsec's own stays
			}
			List<String> names = new ArrayList<>();
			for (Object n : (List<?>) e.get(0)) {
				names.add(String.valueOf(n));
			}
			Context old = before.get(names.get(0));
			Context c = old != null && !old.internal ? old : new Context(0, 0, state.contextSchedule);
			c.time(perlNumber(e.get(1)));
			c.window(perlNumber(e.get(2)));
			List<String> lines = new ArrayList<>();
			for (Object line : (List<?>) e.get(3)) {
				lines.add(line == null ? "" : line.toString());
			}
			c.buffer.replaceEvents(lines);
			c.action = actionsFromPerl((List<?>) e.get(4));
			c.desc = e.get(5) == null ? "" : e.get(5).toString();
			c.aliases.clear();
			for (String n : names) {
				if (!state.contexts.containsKey(n)) {
					c.aliases.add(n);
					state.contexts.put(n, c);
				}
			}
		}
		Map<String, String> vars = new HashMap<>();
		for (Object item : perlState.get(1)) {
			List<?> v = (List<?>) item;
			vars.put(String.valueOf(v.get(0)), v.get(1) == null ? null : v.get(1).toString());
		}
		if (!vars.equals(state.variables())) {
			state.variables().clear();
			state.variables().putAll(vars);
		}
	}

	/** Perl's numeric value of a string: its leading number, else 0. */
	private static long perlNumber(Object value) {
		Long n = PerlText.integerPrefix(value == null ? "" : value.toString());
		return n == null ? 0 : n;
	}

	/** An action list as plain Perl data: [keyword, [args], [[actions]...]] per action. */
	private static List<Object> actionsToPerl(List<Action> actions) {
		List<Object> out = new ArrayList<>();
		for (Action a : actions) {
			List<Object> lists = new ArrayList<>();
			for (List<Action> l : a.lists()) {
				lists.add(actionsToPerl(l));
			}
			out.add(Arrays.asList(a.type().name(), a.args(), lists));
		}
		return out;
	}

	private static List<Action> actionsFromPerl(List<?> data) {
		List<Action> out = new ArrayList<>();
		for (Object item : data) {
			if (!(item instanceof List<?> a) || a.size() < 3 || !(a.get(1) instanceof List<?> args)
					|| !(a.get(2) instanceof List<?> lists)) {
				continue; // not an action list jsec wrote
			}
			ActionType type;
			try {
				type = ActionType.valueOf(String.valueOf(a.get(0)));
			} catch (IllegalArgumentException e) {
				continue;
			}
			List<String> argList = new ArrayList<>();
			for (Object arg : args) {
				argList.add(arg == null ? "" : arg.toString());
			}
			List<List<Action>> nested = new ArrayList<>();
			for (Object l : lists) {
				nested.add(l instanceof List<?> list ? actionsFromPerl(list) : List.of());
			}
			out.add(new Action(type, argList, nested));
		}
		return out;
	}
}

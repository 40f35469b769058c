package org.sec.lang.ui.simulation.debug;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.IBreakpoint;
import org.sec.simulator.trace.TraceEvent.Kind;

/**
 * An event breakpoint, as Java has exception breakpoints: not on a line but on something
 * that happens during a replay. It stops after an action containing a text ran, a context
 * was created, deleted or expired, or an operation started or finished. Listed, enabled,
 * disabled and removed in the Breakpoints view; its condition (a SEC context expression)
 * is in its properties. Its marker sits on the workspace root.
 */
public final class ReplayEventBreakpoint extends Breakpoint {

	public static final String MARKER_TYPE = "org.sec.lang.ui.eventBreakpoint";
	private static final String WATCH = "org.sec.lang.ui.watch";
	private static final String TEXT = "org.sec.lang.ui.text";
	private static final String EVENTS = "org.sec.lang.ui.events";

	/** What the breakpoint watches, and the trace events each may stop on. */
	public enum Watch {
		ACTION("an action containing", EnumSet.of(Kind.ACTION_EXECUTED)),
		CONTEXT("context", EnumSet.of(Kind.CONTEXT_CREATED, Kind.CONTEXT_DELETED, Kind.CONTEXT_EXPIRED)),
		OPERATION("an operation whose key contains", EnumSet.of(Kind.OPERATION_STARTED, Kind.OPERATION_FINISHED));

		private final String label;
		private final Set<Kind> events;

		Watch(String label, Set<Kind> events) {
			this.label = label;
			this.events = events;
		}

		/** The trace events this kind of breakpoint can be set to stop on. */
		public Set<Kind> events() {
			return EnumSet.copyOf(events);
		}

		public String label() {
			return label;
		}
	}

	/** For the breakpoint manager, which restores breakpoints from their markers. */
	public ReplayEventBreakpoint() {
	}

	/**
	 * @param text   the action text, context name or operation key part (blank: any context or operation)
	 * @param events the events to stop on, among {@link Watch#events()}
	 * @throws CoreException when {@link #problem} finds one
	 */
	public ReplayEventBreakpoint(Watch watch, String text, Set<Kind> events, String condition) throws CoreException {
		refuse(problem(watch, text, events, condition));
		IResource root = ResourcesPlugin.getWorkspace().getRoot();
		IWorkspaceRunnable create = monitor -> {
			IMarker marker = root.createMarker(MARKER_TYPE);
			setMarker(marker);
			marker.setAttribute(IBreakpoint.ENABLED, true);
			marker.setAttribute(IBreakpoint.PERSISTED, true);
			marker.setAttribute(IBreakpoint.ID, getModelIdentifier());
			write(marker, watch, text, events, condition);
		};
		run(getMarkerRule(root), create);
	}

	/** Changes what the breakpoint stops on (the Breakpoints view and running replays follow). */
	public void update(Watch watch, String text, Set<Kind> events, String condition) throws CoreException {
		refuse(problem(watch, text, events, condition));
		write(ensureMarker(), watch, text, events, condition);
	}

	private static void write(IMarker marker, Watch watch, String text, Set<Kind> events, String condition)
			throws CoreException {
		Set<Kind> selected = EnumSet.noneOf(Kind.class);
		selected.addAll(events);
		selected.retainAll(watch.events());
		List<String> names = new ArrayList<>();
		selected.forEach(k -> names.add(k.name()));
		marker.setAttributes(new String[] { WATCH, TEXT, EVENTS, RuleLineBreakpoint.CONDITION, IMarker.MESSAGE },
				new Object[] { watch.name(), text == null ? "" : text.strip(), String.join(",", names),
						condition == null ? "" : condition.strip(),
						"SEC event breakpoint: " + describe(watch, text, selected, condition) });
	}

	/**
	 * Why these settings make no breakpoint (sec's reason for a condition that does not parse),
	 * or null when they do.
	 */
	public static String problem(Watch watch, String text, Set<Kind> events, String condition) {
		if (watch == Watch.ACTION && (text == null || text.isBlank())) {
			return "Say which text the action contains";
		}
		if (watch != Watch.ACTION && events.stream().noneMatch(watch.events()::contains)) {
			return "Choose at least one of: " + String.join(", ", watch.events().stream()
					.map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
		}
		return conditionProblem(condition);
	}

	/** Why {@code condition} is no SEC context expression (sec's reason, from the engine's parser), or null; blank is none. */
	static String conditionProblem(String condition) {
		if (condition == null || condition.isBlank()) {
			return null;
		}
		try {
			org.sec.engine.api.SecEngine.checkContextExpression(condition.strip());
			return null;
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}

	private static void refuse(String problem) throws CoreException {
		if (problem != null) {
			throw new CoreException(org.eclipse.core.runtime.Status.error(problem));
		}
	}

	public Watch watch() {
		return Watch.valueOf(attribute(WATCH, Watch.ACTION.name()));
	}

	public String text() {
		return attribute(TEXT, "");
	}

	public Set<Kind> events() {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		for (String name : attribute(EVENTS, "").split(",")) {
			if (!name.isEmpty()) {
				kinds.add(Kind.valueOf(name));
			}
		}
		return kinds;
	}

	/** The SEC context expression that must hold for the breakpoint to stop; empty for none. */
	public String condition() {
		return attribute(RuleLineBreakpoint.CONDITION, "");
	}

	private String attribute(String name, String otherwise) {
		IMarker m = getMarker();
		return m == null ? otherwise : m.getAttribute(name, otherwise);
	}

	/** The replay's breakpoint for this one (its condition checked by the engine's parser). */
	public org.sec.simulator.replay.Breakpoint toReplayBreakpoint() {
		String text = text().isEmpty() ? null : text();
		org.sec.simulator.replay.Breakpoint b = switch (watch()) {
		case ACTION -> org.sec.simulator.replay.Breakpoint.actionExecuted(text == null ? "" : text);
		case CONTEXT -> org.sec.simulator.replay.Breakpoint.context(text, nonEmpty(events()));
		case OPERATION -> org.sec.simulator.replay.Breakpoint.operation(text, nonEmpty(events()));
		};
		return b.when(condition());
	}

	private EnumSet<Kind> nonEmpty(Set<Kind> kinds) {
		EnumSet<Kind> result = EnumSet.noneOf(Kind.class);
		result.addAll(kinds.isEmpty() ? watch().events() : kinds);
		return result;
	}

	/** "context ALERTED_alice created, expired if !QUIET": the Breakpoints view's label. */
	public String describe() {
		return describe(watch(), text(), events(), condition());
	}

	static String describe(Watch watch, String text, Set<Kind> events, String condition) {
		String what = switch (watch) {
		case ACTION -> watch.label() + " '" + text + "'";
		case CONTEXT -> "context " + (text == null || text.isBlank() ? "(any)" : text.strip());
		case OPERATION -> text == null || text.isBlank() ? "an operation" : watch.label() + " '" + text.strip() + "'";
		};
		List<String> verbs = new ArrayList<>();
		if (watch != Watch.ACTION) {
			for (Kind k : events.isEmpty() ? watch.events() : events) {
				String name = k.name().toLowerCase(Locale.ROOT);
				verbs.add(name.substring(name.indexOf('_') + 1));
			}
		}
		return what + (verbs.isEmpty() ? (watch == Watch.ACTION ? " ran" : "") : " " + String.join(", ", verbs))
				+ (condition == null || condition.isBlank() ? "" : " if " + condition.strip());
	}

	@Override
	public String getModelIdentifier() {
		return ReplayDebugTarget.MODEL_ID;
	}
}

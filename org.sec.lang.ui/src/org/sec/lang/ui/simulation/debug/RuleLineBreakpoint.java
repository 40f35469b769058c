package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRunnable;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;

/**
 * A rule breakpoint as Eclipse has line breakpoints: in the Breakpoints view, enabled,
 * disabled and removed there or in the ruler, and applied to running replays at once.
 * A Debug replay stops after an event that the rule holding the line matched.
 */
public final class RuleLineBreakpoint extends LineBreakpoint {

	/** The marker type (plugin.xml: a subtype of the debug platform's line breakpoint marker). */
	public static final String MARKER_TYPE = "org.sec.lang.ui.ruleBreakpoint";
	/** Marker attribute of a breakpoint's condition: a SEC context expression ($1 from the match). */
	public static final String CONDITION = "org.sec.lang.ui.condition";

	/** For the breakpoint manager, which restores breakpoints from their markers. */
	public RuleLineBreakpoint() {
	}

	public RuleLineBreakpoint(IResource file, int line) throws CoreException {
		IWorkspaceRunnable create = monitor -> {
			IMarker marker = file.createMarker(MARKER_TYPE);
			setMarker(marker);
			marker.setAttribute(IBreakpoint.ENABLED, true);
			marker.setAttribute(IBreakpoint.PERSISTED, true);
			marker.setAttribute(IBreakpoint.ID, getModelIdentifier());
			marker.setAttribute(IMarker.LINE_NUMBER, line);
			marker.setAttribute(IMarker.MESSAGE, "Rule breakpoint: " + file.getName() + " [line: " + line
					+ "]: a Debug replay stops when this rule matches");
		};
		run(getMarkerRule(file), create);
	}

	/** The SEC context expression that must hold when the rule matches (before its actions); empty for none. */
	public String condition() {
		return getMarker() == null ? "" : getMarker().getAttribute(CONDITION, "");
	}

	/**
	 * Sets the condition (blank: none); running replays follow.
	 *
	 * @throws IllegalArgumentException sec's reason when it is no context expression
	 */
	public void setCondition(String condition) throws CoreException {
		String c = condition == null ? "" : condition.strip();
		if (!c.isEmpty()) {
			org.sec.engine.api.SecEngine.checkContextExpression(c);
		}
		ensureMarker().setAttribute(CONDITION, c);
	}

	@Override
	public String getModelIdentifier() {
		return ReplayDebugTarget.MODEL_ID;
	}
}

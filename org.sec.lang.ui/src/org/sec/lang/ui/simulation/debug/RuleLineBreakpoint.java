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

	@Override
	public String getModelIdentifier() {
		return ReplayDebugTarget.MODEL_ID;
	}
}

package org.sec.lang.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.ILineBreakpoint;
import org.sec.lang.ui.simulation.debug.ReplayDebugTarget;
import org.sec.lang.ui.simulation.debug.RuleLineBreakpoint;

/**
 * Rule breakpoints: Eclipse line breakpoints ({@link RuleLineBreakpoint}) on lines of rule
 * files, toggled by a double-click in the editor's ruler or Ctrl+Shift+B, listed in the
 * Breakpoints view. A Debug replay stops after an event that the rule holding the line
 * matched.
 */
public final class RuleBreakpoints {

	public static final String MARKER_TYPE = RuleLineBreakpoint.MARKER_TYPE;

	private RuleBreakpoints() {
	}

	/** Adds a breakpoint on {@code line} (from 1), or removes the one that is there; returns whether one is there now. */
	public static boolean toggle(IFile file, int line) throws CoreException {
		IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		for (IBreakpoint b : manager.getBreakpoints(ReplayDebugTarget.MODEL_ID)) {
			if (b instanceof ILineBreakpoint lb && file.equals(b.getMarker().getResource()) && lb.getLineNumber() == line) {
				manager.removeBreakpoint(b, true);
				return false;
			}
		}
		manager.addBreakpoint(new RuleLineBreakpoint(file, line));
		return true;
	}

	/**
	 * The lines of {@code file} with an enabled breakpoint, in order, as the breakpoint
	 * manager has them (a breakpoint being removed is already gone from it).
	 */
	public static List<Integer> lines(IFile file) throws CoreException {
		List<Integer> lines = new ArrayList<>();
		for (IBreakpoint b : DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(ReplayDebugTarget.MODEL_ID)) {
			if (b instanceof ILineBreakpoint lb && b.getMarker() != null && file.equals(b.getMarker().getResource())
					&& b.isEnabled()) {
				lines.add(lb.getLineNumber());
			}
		}
		lines.sort(null);
		return lines;
	}
}

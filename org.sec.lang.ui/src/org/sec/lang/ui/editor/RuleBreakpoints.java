package org.sec.lang.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;

/**
 * Rule breakpoints: markers on lines of rule files, toggled by a double-click in the
 * editor's ruler. A Debug replay stops after an event that the rule holding the marked
 * line matched.
 */
public final class RuleBreakpoints {

	public static final String MARKER_TYPE = "org.sec.lang.ui.ruleBreakpoint";

	private RuleBreakpoints() {
	}

	/** Adds a breakpoint on {@code line} (from 1), or removes the one that is there; returns whether one is there now. */
	public static boolean toggle(IFile file, int line) throws CoreException {
		for (IMarker m : file.findMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO)) {
			if (m.getAttribute(IMarker.LINE_NUMBER, -1) == line) {
				m.delete();
				return false;
			}
		}
		IMarker m = file.createMarker(MARKER_TYPE);
		m.setAttribute(IMarker.LINE_NUMBER, line);
		m.setAttribute(IMarker.MESSAGE, "Rule breakpoint: a Debug replay stops when this rule matches");
		return true;
	}

	/** The marked lines of {@code file}, in order. */
	public static List<Integer> lines(IFile file) throws CoreException {
		List<Integer> lines = new ArrayList<>();
		for (IMarker m : file.findMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO)) {
			lines.add(m.getAttribute(IMarker.LINE_NUMBER, -1));
		}
		lines.sort(null);
		return lines;
	}
}

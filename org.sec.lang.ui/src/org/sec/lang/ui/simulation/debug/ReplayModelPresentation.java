package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.resources.IFile;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.ui.IDebugModelPresentation;
import org.eclipse.debug.ui.IValueDetailListener;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.part.FileEditorInput;

/**
 * Labels of the replay debug model, and where a frame's file opens: rule files in the SEC
 * editor, the log in the read-only log editor, each with the instruction pointer on the frame's line.
 */
public final class ReplayModelPresentation extends LabelProvider implements IDebugModelPresentation {

	@Override
	public void setAttribute(String attribute, Object value) {
	}

	@Override
	public String getText(Object element) {
		if (element instanceof RuleLineBreakpoint b && b.getMarker() != null) {
			try {
				String condition = b.condition().isEmpty() ? "" : " if " + b.condition();
				return b.getMarker().getResource().getName() + " [line: " + b.getLineNumber() + "]" + condition;
			} catch (org.eclipse.core.runtime.CoreException e) {
				return b.getMarker().getResource().getName();
			}
		}
		if (element instanceof ReplayEventBreakpoint b && b.getMarker() != null) {
			return "SEC event: " + b.describe();
		}
		return element instanceof org.eclipse.debug.core.model.IDebugElement d && element instanceof ReplayDebugElement
				? name(d) : null;
	}

	private static String name(org.eclipse.debug.core.model.IDebugElement d) {
		try {
			if (d instanceof org.eclipse.debug.core.model.IStackFrame f) {
				return f.getName();
			}
			if (d instanceof org.eclipse.debug.core.model.IThread t) {
				return t.getName();
			}
			if (d instanceof org.eclipse.debug.core.model.IDebugTarget t) {
				return t.getName() + (t.isTerminated() ? " <terminated>" : "");
			}
		} catch (org.eclipse.debug.core.DebugException e) {
			return null;
		}
		return null;
	}

	@Override
	public void computeDetail(IValue value, IValueDetailListener listener) {
		try {
			listener.detailComputed(value, value.getValueString());
		} catch (org.eclipse.debug.core.DebugException e) {
			listener.detailComputed(value, e.getMessage());
		}
	}

	@Override
	public IEditorInput getEditorInput(Object element) {
		if (element instanceof org.eclipse.debug.core.model.IBreakpoint b && b.getMarker() != null
				&& b.getMarker().getResource() instanceof IFile f) {
			return new FileEditorInput(f);
		}
		return element instanceof IFile f ? new FileEditorInput(f) : null;
	}

	@Override
	public String getEditorId(IEditorInput input, Object element) {
		if (element instanceof RuleLineBreakpoint) {
			return org.sec.lang.ui.editor.SecEditor.ID;
		}
		if (element instanceof IFile f && org.sec.lang.ui.resources.SecBuilder.hasRuleExtension(f)) {
			return org.sec.lang.ui.editor.SecEditor.ID;
		}
		return org.sec.lang.ui.editor.LogEditor.ID;
	}
}

package org.sec.lang.ui.editor;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPart;

/** Run > Toggle Breakpoint (Ctrl+Shift+B) in the SEC editor: a rule breakpoint on the caret's line. */
final class ToggleRuleBreakpointsTarget implements IToggleBreakpointsTarget {

	@Override
	public void toggleLineBreakpoints(IWorkbenchPart part, ISelection selection) throws CoreException {
		IFile file = fileOf(part);
		if (file != null && selection instanceof ITextSelection text) {
			RuleBreakpoints.toggle(file, text.getStartLine() + 1);
		}
	}

	@Override
	public boolean canToggleLineBreakpoints(IWorkbenchPart part, ISelection selection) {
		return fileOf(part) != null && selection instanceof ITextSelection;
	}

	private static IFile fileOf(IWorkbenchPart part) {
		return part instanceof SecEditor editor && editor.getEditorInput() instanceof IFileEditorInput input
				? input.getFile() : null;
	}

	@Override
	public void toggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
	}

	@Override
	public boolean canToggleMethodBreakpoints(IWorkbenchPart part, ISelection selection) {
		return false;
	}

	@Override
	public void toggleWatchpoints(IWorkbenchPart part, ISelection selection) {
	}

	@Override
	public boolean canToggleWatchpoints(IWorkbenchPart part, ISelection selection) {
		return false;
	}
}

package org.sec.lang.ui.editor;

import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.debug.core.model.ISuspendResume;
import org.eclipse.debug.ui.actions.IRunToLineTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPart;
import org.sec.lang.ui.simulation.debug.ReplayDebugTarget;

/** Run > Run to Line (Ctrl+R) in the SEC editor: the suspended replay runs until the caret's rule matches. */
final class RunToRuleTarget implements IRunToLineTarget {

	@Override
	public void runToLine(IWorkbenchPart part, ISelection selection, ISuspendResume target) {
		ReplayDebugTarget replay = replayOf(target);
		if (replay != null && part instanceof SecEditor editor && editor.getEditorInput() instanceof IFileEditorInput in
				&& selection instanceof ITextSelection text) {
			replay.runToLine(in.getFile(), text.getStartLine() + 1);
		}
	}

	@Override
	public boolean canRunToLine(IWorkbenchPart part, ISelection selection, ISuspendResume target) {
		ReplayDebugTarget replay = replayOf(target);
		return replay != null && replay.isSuspended() && selection instanceof ITextSelection;
	}

	private static ReplayDebugTarget replayOf(ISuspendResume target) {
		return target instanceof IDebugElement e && e.getDebugTarget() instanceof ReplayDebugTarget r ? r : null;
	}
}

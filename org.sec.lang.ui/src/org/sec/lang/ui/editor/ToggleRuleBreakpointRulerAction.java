package org.sec.lang.ui.editor;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.text.source.IVerticalRulerInfo;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.texteditor.AbstractRulerActionDelegate;
import org.eclipse.ui.texteditor.ITextEditor;

/** Double-click in the SEC editor's ruler: toggles a rule breakpoint on that line. */
public final class ToggleRuleBreakpointRulerAction extends AbstractRulerActionDelegate {

	@Override
	protected IAction createAction(ITextEditor editor, IVerticalRulerInfo rulerInfo) {
		return new Action("Toggle Rule Breakpoint") {
			@Override
			public void run() {
				int line = rulerInfo.getLineOfLastMouseButtonActivity();
				if (line >= 0 && editor.getEditorInput() instanceof IFileEditorInput input) {
					try {
						RuleBreakpoints.toggle(input.getFile(), line + 1);
					} catch (org.eclipse.core.runtime.CoreException e) {
						org.eclipse.core.runtime.ILog.of(ToggleRuleBreakpointRulerAction.class)
								.error("cannot toggle the breakpoint", e);
					}
				}
			}
		};
	}
}

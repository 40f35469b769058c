package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.debug.core.model.IDebugElement;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Step Back in the Debug view: the selected replay goes back to just before its last input line. */
public final class StepBackHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s
				&& s.getFirstElement() instanceof IDebugElement e && e.getDebugTarget() instanceof ReplayDebugTarget t
				&& t.isSuspended()) {
			t.stepBack();
		}
		return null;
	}
}

package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** The Breakpoints view's "Add SEC Event Breakpoint..." button. */
public final class AddEventBreakpointHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		new EventBreakpointDialog(HandlerUtil.getActiveShell(event)).open();
		return null;
	}
}

package org.sec.lang.ui.simulation.debug;

import org.eclipse.debug.core.model.ISourceLocator;
import org.eclipse.debug.core.model.IStackFrame;

/** A frame's source is its workspace file: the rule file, or the log being replayed. */
public final class ReplaySourceLocator implements ISourceLocator {

	@Override
	public Object getSourceElement(IStackFrame frame) {
		return frame instanceof ReplayStackFrame f ? f.file() : null;
	}
}

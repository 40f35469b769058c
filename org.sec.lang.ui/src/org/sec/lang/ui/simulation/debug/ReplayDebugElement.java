package org.sec.lang.ui.simulation.debug;

import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

/** The replay debug model's elements: one model identifier, one target. */
abstract class ReplayDebugElement extends DebugElement {

	ReplayDebugElement(IDebugTarget target) {
		super(target);
	}

	@Override
	public String getModelIdentifier() {
		return ReplayDebugTarget.MODEL_ID;
	}
}

package org.sec.lang.ui.simulation.debug;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** A named value in the Variables view; replays are read-only. */
final class ReplayVariable extends ReplayDebugElement implements IVariable {

	private final String name;
	private final ReplayValue value;

	ReplayVariable(ReplayDebugElement owner, String name, ReplayValue value) {
		super(owner.getDebugTarget());
		this.name = name;
		this.value = value;
	}

	@Override
	public IValue getValue() {
		return value;
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public String getReferenceTypeName() {
		return value.getReferenceTypeName();
	}

	@Override
	public boolean hasValueChanged() {
		return false;
	}

	@Override
	public void setValue(String expression) throws DebugException {
		throw readOnly();
	}

	@Override
	public void setValue(IValue v) throws DebugException {
		throw readOnly();
	}

	private DebugException readOnly() {
		return new DebugException(new org.eclipse.core.runtime.Status(org.eclipse.core.runtime.IStatus.ERROR,
				ReplayDebugTarget.MODEL_ID, "A replay's state is what the rules made it; it cannot be edited"));
	}

	@Override
	public boolean supportsValueModification() {
		return false;
	}

	@Override
	public boolean verifyValue(String expression) {
		return false;
	}

	@Override
	public boolean verifyValue(IValue v) {
		return false;
	}
}

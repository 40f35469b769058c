package org.sec.lang.ui.simulation.debug;

import java.util.List;

import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** A value: a text, and for contexts, operations and stores the fields one expands, as with Java objects. */
final class ReplayValue extends ReplayDebugElement implements IValue {

	private final String text;
	private final List<IVariable> children;

	ReplayValue(ReplayDebugElement owner, String text, List<IVariable> children) {
		super(owner.getDebugTarget());
		this.text = text;
		this.children = List.copyOf(children);
	}

	static ReplayValue of(ReplayDebugElement owner, String text) {
		return new ReplayValue(owner, text, List.of());
	}

	@Override
	public String getReferenceTypeName() {
		return children.isEmpty() ? "text" : "fields";
	}

	@Override
	public String getValueString() {
		return text;
	}

	@Override
	public boolean isAllocated() {
		return true;
	}

	@Override
	public IVariable[] getVariables() {
		return children.toArray(IVariable[]::new);
	}

	@Override
	public boolean hasVariables() {
		return !children.isEmpty();
	}
}

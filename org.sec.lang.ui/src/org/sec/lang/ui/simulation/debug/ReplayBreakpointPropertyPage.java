package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.dialogs.PropertyPage;

/**
 * Breakpoint Properties (Breakpoints view, Alt+Enter) of a rule or event breakpoint:
 * enabled, the condition, and what an event breakpoint stops on.
 */
public final class ReplayBreakpointPropertyPage extends PropertyPage {

	private BreakpointFields fields;
	private Button enabled;

	private IBreakpoint breakpoint() {
		return Adapters.adapt(getElement(), IBreakpoint.class);
	}

	@Override
	protected Control createContents(Composite parent) {
		noDefaultAndApplyButton();
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(1, false));
		IBreakpoint b = breakpoint();
		enabled = new Button(c, SWT.CHECK);
		enabled.setText("Enabled");
		try {
			enabled.setSelection(b.isEnabled());
		} catch (CoreException e) {
			enabled.setSelection(true);
		}
		fields = new BreakpointFields(c, b instanceof ReplayEventBreakpoint, this::validate);
		if (b instanceof ReplayEventBreakpoint event) {
			fields.show(event);
		} else if (b instanceof RuleLineBreakpoint rule) {
			fields.showCondition(rule.condition());
		}
		validate();
		return c;
	}

	private void validate() {
		String problem = fields.problem();
		setErrorMessage(problem);
		setValid(problem == null);
	}

	@Override
	public boolean performOk() {
		IBreakpoint b = breakpoint();
		try {
			b.setEnabled(enabled.getSelection());
			if (b instanceof ReplayEventBreakpoint event) {
				event.update(fields.selectedWatch(), fields.text(), fields.events(), fields.condition());
			} else if (b instanceof RuleLineBreakpoint rule) {
				rule.setCondition(fields.condition());
			}
		} catch (CoreException | IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
		return true;
	}
}

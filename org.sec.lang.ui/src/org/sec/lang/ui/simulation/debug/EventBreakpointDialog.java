package org.sec.lang.ui.simulation.debug;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** "Add SEC Event Breakpoint": what to stop on, and a condition; OK adds it to the Breakpoints view. */
public final class EventBreakpointDialog extends TitleAreaDialog {

	private BreakpointFields fields;
	private ReplayEventBreakpoint added;

	public EventBreakpointDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Add SEC Event Breakpoint");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Stop a Debug replay when something happens");
		setMessage("An action containing a text ran, a context was created, deleted or expired, or an operation"
				+ " started or finished.");
		fields = new BreakpointFields(area, true, this::validate);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private void validate() {
		String problem = fields.problem();
		if (problem == null) {
			setMessage("The breakpoint applies to running replays at once.", IMessageProvider.NONE);
		} else {
			setMessage(problem, IMessageProvider.ERROR);
		}
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
		}
	}

	@Override
	protected void okPressed() {
		try {
			added = new ReplayEventBreakpoint(fields.selectedWatch(), fields.text(), fields.events(), fields.condition());
			DebugPlugin.getDefault().getBreakpointManager().addBreakpoint(added);
		} catch (CoreException e) {
			setMessage(e.getStatus().getMessage(), IMessageProvider.ERROR);
			return;
		}
		super.okPressed();
	}

	/** The breakpoint OK added, or null. */
	public ReplayEventBreakpoint added() {
		return added;
	}

	/** For tests: fills the fields as a user would. */
	public void fill(ReplayEventBreakpoint.Watch watch, String text, String condition) {
		fields.fill(watch, text, condition);
		validate();
	}

	/** For tests: the message line (an error when the fields are wrong). */
	public String messageText() {
		return getMessage();
	}

	/** Whether OK may be pressed (the fields make a breakpoint). */
	public boolean canFinish() {
		return getButton(IDialogConstants.OK_ID) != null && getButton(IDialogConstants.OK_ID).isEnabled();
	}

	/** For tests: presses OK. */
	public void pressOk() {
		okPressed();
	}
}

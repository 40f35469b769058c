package org.sec.lang.ui.simulation.debug;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.sec.lang.ui.simulation.debug.ReplayEventBreakpoint.Watch;
import org.sec.simulator.trace.TraceEvent.Kind;

/**
 * The fields of a replay breakpoint, as the "Add SEC Event Breakpoint" dialog and the
 * breakpoint's properties show them: what an event breakpoint watches (with its text and
 * events), and the condition of any breakpoint. {@link #problem()} says what is wrong.
 */
final class BreakpointFields {

	private Combo watch;
	private Text text;
	private final Map<Kind, Button> events = new EnumMap<>(Kind.class);
	private Text condition;
	private final boolean eventFields;

	/** @param eventFields whether to show the watch, text and events (event breakpoints) */
	BreakpointFields(Composite parent, boolean eventFields, Runnable changed) {
		this.eventFields = eventFields;
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		if (eventFields) {
			new Label(c, SWT.NONE).setText("Stop on:");
			watch = new Combo(c, SWT.READ_ONLY);
			for (Watch w : Watch.values()) {
				watch.add(w.label());
			}
			watch.select(0);
			watch.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			new Label(c, SWT.NONE).setText("Text:");
			text = new Text(c, SWT.BORDER);
			text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			text.setMessage("action text, context name or operation key part (blank: any context or operation)");
			new Label(c, SWT.NONE).setText("Events:");
			Composite boxes = new Composite(c, SWT.NONE);
			boxes.setLayout(new GridLayout(3, false));
			for (Watch w : EnumSet.of(Watch.CONTEXT, Watch.OPERATION)) {
				for (Kind k : w.events()) {
					Button b = new Button(boxes, SWT.CHECK);
					b.setText(k.name().toLowerCase(Locale.ROOT).replace('_', ' '));
					b.setSelection(true);
					b.addListener(SWT.Selection, e -> changed.run());
					events.put(k, b);
				}
			}
			watch.addListener(SWT.Selection, e -> {
				showEventsOf(selectedWatch());
				changed.run();
			});
			text.addListener(SWT.Modify, e -> changed.run());
			showEventsOf(selectedWatch());
		}
		new Label(c, SWT.NONE).setText("Condition:");
		condition = new Text(c, SWT.BORDER);
		condition.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		condition.setMessage("a SEC context expression, e.g. ALERTED_$1 && !QUIET (blank: always stop)");
		condition.addListener(SWT.Modify, e -> changed.run());
		Label hint = new Label(c, SWT.WRAP);
		hint.setText("The condition is evaluated when the breakpoint's event happens (a rule's match before its"
				+ " actions run), with the match's $1, $2 ... The replay stops only when it holds.");
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		wide.widthHint = 420;
		hint.setLayoutData(wide);
	}

	private void showEventsOf(Watch w) {
		events.forEach((k, b) -> b.setEnabled(w.events().contains(k)));
	}

	Watch selectedWatch() {
		return Watch.values()[Math.max(0, watch.getSelectionIndex())];
	}

	String text() {
		return text.getText().strip();
	}

	Set<Kind> events() {
		Set<Kind> selected = EnumSet.noneOf(Kind.class);
		events.forEach((k, b) -> {
			if (b.getSelection() && b.getEnabled()) {
				selected.add(k);
			}
		});
		return selected;
	}

	String condition() {
		return condition.getText().strip();
	}

	/** Shows an event breakpoint's settings. */
	void show(ReplayEventBreakpoint b) {
		watch.select(b.watch().ordinal());
		text.setText(b.text());
		Set<Kind> on = b.events();
		events.forEach((k, button) -> button.setSelection(on.isEmpty() || on.contains(k)));
		showEventsOf(b.watch());
		condition.setText(b.condition());
	}

	void showCondition(String value) {
		condition.setText(value);
	}

	/** What is wrong with the fields (sec's reason for a condition that does not parse), or null. */
	String problem() {
		if (eventFields) {
			return ReplayEventBreakpoint.problem(selectedWatch(), text(), events(), condition());
		}
		return ReplayEventBreakpoint.conditionProblem(condition());
	}

	/** For tests: the widgets' values as a user types them. */
	void fill(Watch w, String textValue, String conditionValue) {
		watch.select(w.ordinal());
		showEventsOf(w);
		text.setText(textValue);
		condition.setText(conditionValue);
	}
}

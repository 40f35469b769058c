package org.sec.lang.ui.simulation;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** Rules, input, timing, speed, side effects and breakpoints of a replay. */
public final class ReplayMainTab extends AbstractLaunchConfigurationTab {

	private Text rules;
	private Text log;
	private Text scenario;
	private Combo timestamps;
	private Text pattern;
	private Text year;
	private Text speed;
	private Text until;
	private Text zone;
	private Text secOptions;
	private Button allowExec;
	private Text breakpoints;

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		rules = field(c, "Rules (workspace or file paths, comma-separated):");
		log = field(c, "Log to replay:");
		scenario = field(c, "or a sec-scenario file:");
		new Label(c, SWT.NONE).setText("Timestamps:");
		timestamps = new Combo(c, SWT.DROP_DOWN);
		timestamps.setItems("auto", "syslog", "iso", "apache", "epoch");
		timestamps.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		timestamps.addModifyListener(e -> changed());
		pattern = field(c, "Custom pattern (when Timestamps is a regex):");
		year = field(c, "Year of syslog lines (empty: the log's year):");
		speed = field(c, "Speed (max, or virtual seconds per second):");
		until = field(c, "Run past the last line until (ISO-8601, optional):");
		zone = field(c, "Time zone of the log, Calendar rules and %t (empty: $TZ, else UTC):");
		secOptions = field(c, "sec options, as on sec's command line (e.g. --intevents --bufsize=10):");
		allowExec = new Button(c, SWT.CHECK);
		allowExec.setText("Run commands, sockets and file writes (otherwise they are only recorded in the trace)");
		allowExec.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		allowExec.addListener(SWT.Selection, e -> changed());
		Label help = new Label(c, SWT.WRAP);
		help.setText("Breakpoints for Debug, one per line: rule FILE:LINE | action TEXT | context NAME | operation KEY");
		help.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		breakpoints = new Text(c, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
		GridData bd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		bd.heightHint = 80;
		breakpoints.setLayoutData(bd);
		breakpoints.addModifyListener(e -> changed());
		setControl(c);
	}

	private Text field(Composite c, String label) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> changed());
		return t;
	}

	private void changed() {
		setDirty(true);
		updateLaunchConfigurationDialog();
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(ReplayLaunch.ATTR_TIMESTAMPS,
				org.sec.lang.ui.preferences.SecPreferences.store().getString(org.sec.lang.ui.preferences.SecPreferences.TIMESTAMPS));
		config.setAttribute(ReplayLaunch.ATTR_SPEED, "max");
	}

	@Override
	public void initializeFrom(ILaunchConfiguration config) {
		try {
			rules.setText(config.getAttribute(ReplayLaunch.ATTR_RULES, ""));
			log.setText(config.getAttribute(ReplayLaunch.ATTR_LOG, ""));
			scenario.setText(config.getAttribute(ReplayLaunch.ATTR_SCENARIO, ""));
			timestamps.setText(config.getAttribute(ReplayLaunch.ATTR_TIMESTAMPS, "auto"));
			pattern.setText(config.getAttribute(ReplayLaunch.ATTR_TIMESTAMP_PATTERN, ""));
			int y = config.getAttribute(ReplayLaunch.ATTR_YEAR, 0);
			year.setText(y == 0 ? "" : Integer.toString(y));
			speed.setText(config.getAttribute(ReplayLaunch.ATTR_SPEED, "max"));
			until.setText(config.getAttribute(ReplayLaunch.ATTR_UNTIL, ""));
			zone.setText(config.getAttribute(ReplayLaunch.ATTR_ZONE, ""));
			secOptions.setText(config.getAttribute(ReplayLaunch.ATTR_SEC_OPTIONS, ""));
			allowExec.setSelection(config.getAttribute(ReplayLaunch.ATTR_ALLOW_EXEC, false));
			breakpoints.setText(config.getAttribute(ReplayLaunch.ATTR_BREAKPOINTS, ""));
		} catch (CoreException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy config) {
		config.setAttribute(ReplayLaunch.ATTR_RULES, rules.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_LOG, log.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_SCENARIO, scenario.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_TIMESTAMPS, timestamps.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_TIMESTAMP_PATTERN, pattern.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_YEAR, year.getText().strip().matches("\\d{4}")
				? Integer.parseInt(year.getText().strip()) : 0);
		config.setAttribute(ReplayLaunch.ATTR_SPEED, speed.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_UNTIL, until.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_ZONE, zone.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_SEC_OPTIONS, secOptions.getText().strip());
		config.setAttribute(ReplayLaunch.ATTR_ALLOW_EXEC, allowExec.getSelection());
		config.setAttribute(ReplayLaunch.ATTR_BREAKPOINTS, breakpoints.getText());
	}

	@Override
	public boolean isValid(ILaunchConfiguration config) {
		setErrorMessage(null);
		if (rules.getText().isBlank()) {
			setErrorMessage("Name the rule files to replay.");
			return false;
		}
		if (log.getText().isBlank() == scenario.getText().isBlank()) {
			setErrorMessage("Give either a log or a scenario file.");
			return false;
		}
		String s = speed.getText().strip();
		if (!s.equalsIgnoreCase("max") && !s.matches("\\d+(\\.\\d+)?")) {
			setErrorMessage("Speed is max or a number.");
			return false;
		}
		if (!year.getText().isBlank() && !year.getText().strip().matches("\\d{4}")) {
			setErrorMessage("The year has four digits.");
			return false;
		}
		String secProblem = ReplayLaunch.secOptionsProblem(secOptions.getText());
		if (secProblem != null) {
			setErrorMessage("sec options: " + secProblem);
			return false;
		}
		if (!zone.getText().isBlank()) {
			try {
				java.time.ZoneId.of(zone.getText().strip());
			} catch (java.time.DateTimeException e) {
				setErrorMessage("Unknown time zone '" + zone.getText().strip() + "': give a region such as Europe/Berlin, or UTC");
				return false;
			}
		}
		for (String line : breakpoints.getText().split("\\n")) {
			if (!line.isBlank() && !line.strip().matches("(rule \\S*?:?\\d+|action .+|context.*|operation.*)")) {
				setErrorMessage("Breakpoint lines are: rule FILE:LINE, action TEXT, context NAME or operation KEY");
				return false;
			}
		}
		return true;
	}

	@Override
	public String getName() {
		return "Main";
	}
}

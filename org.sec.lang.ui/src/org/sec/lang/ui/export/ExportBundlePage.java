package org.sec.lang.ui.export;

import java.util.List;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.sec.lang.export.ExportBundle;

/** Where the bundle goes and what the target machine looks like; disabled while the rules have errors. */
public final class ExportBundlePage extends WizardPage {

	private final ExportBundleWizard wizard;
	private Text output;
	private Text name;
	private Text installDir;
	private Text input;
	private Text log;
	private List<String> errors = List.of();

	ExportBundlePage(ExportBundleWizard wizard) {
		super("bundle", "Production bundle", null);
		this.wizard = wizard;
		setDescription("Normalised rules, the sec command line, a systemd unit and sysconfig, rsyslog and syslog-ng snippets.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite c = new Composite(parent, SWT.NONE);
		c.setLayout(new GridLayout(2, false));
		Label files = new Label(c, SWT.WRAP);
		files.setText(wizard.files().size() + " rule file(s): " + String.join(", ",
				wizard.files().stream().map(f -> f.getFullPath().makeRelative().toString()).toList()));
		files.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		output = field(c, "Output folder (new or empty):", "");
		name = field(c, "Service name:", "sec");
		installDir = field(c, "Rules directory on the target:", "/etc/sec");
		input = field(c, "Log sec reads:", "/var/log/messages");
		log = field(c, "sec's own log:", "/var/log/sec.log");
		setControl(c);
		errors = wizard.errors();
		update();
	}

	private Text field(Composite c, String label, String value) {
		new Label(c, SWT.NONE).setText(label);
		Text t = new Text(c, SWT.BORDER);
		t.setText(value);
		t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		t.addModifyListener(e -> update());
		return t;
	}

	private void update() {
		if (wizard.files().isEmpty()) {
			setErrorMessage("Select SEC rule files (*.sec, *.sr) or folders that hold them, then export again.");
		} else if (!errors.isEmpty()) {
			setErrorMessage("Not exported: " + errors.size() + (errors.size() == 1 ? " error" : " errors")
					+ " (fix them first): " + String.join("; ", errors.subList(0, Math.min(3, errors.size())))
					+ (errors.size() > 3 ? "; ..." : ""));
		} else if (output.getText().isBlank()) {
			setErrorMessage(null);
			setMessage("Choose the output folder.");
		} else {
			setErrorMessage(null);
			setMessage(null);
		}
		setPageComplete(!wizard.files().isEmpty() && errors.isEmpty() && !output.getText().isBlank());
	}

	/** The errors that keep the wizard from finishing. */
	public List<String> errors() {
		return errors;
	}

	String outputFolder() {
		return output.getText().strip();
	}

	public void setOutputFolder(String folder) {
		output.setText(folder);
	}

	ExportBundle.Target target() {
		return new ExportBundle.Target(name.getText().strip(), installDir.getText().strip(),
				List.of(input.getText().strip()), log.getText().strip(), wizard.secVersion());
	}
}

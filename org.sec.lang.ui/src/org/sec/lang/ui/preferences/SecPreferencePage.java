package org.sec.lang.ui.preferences;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** Window > Preferences > SEC Workbench. */
public final class SecPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public SecPreferencePage() {
		super(GRID);
		setDescription("The real sec for \"Check with sec\", and how new replay configurations read timestamps.");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(SecPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		addField(new StringFieldEditor(SecPreferences.SEC_PATH, "Path of sec (Debian: apt-get install sec):",
				getFieldEditorParent()));
		String[][] formats = { { "auto", "auto" }, { "syslog (RFC 3164)", "syslog" }, { "ISO 8601 / RFC 5424", "iso" },
				{ "Apache / nginx", "apache" }, { "epoch seconds", "epoch" } };
		addField(new ComboFieldEditor(SecPreferences.TIMESTAMPS, "Timestamps of new replays:", formats,
				getFieldEditorParent()));
	}
}

package org.sec.lang.ui.preferences;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbenchPropertyPage;
import org.sec.engine.api.SecVersion;

/**
 * Project > Properties > SEC Workbench: the sec release the project's rules are written
 * for. The editor's verdict, replays and export use it; a rule that needs a newer sec is
 * marked ("trim needs sec 2.9.4; this project targets 2.9.1").
 */
public final class SecProjectPropertyPage extends FieldEditorPreferencePage implements IWorkbenchPropertyPage {

	private org.eclipse.core.runtime.IAdaptable element;

	public SecProjectPropertyPage() {
		super(GRID);
		setDescription("The sec release this project's rules are checked, replayed and exported for.");
	}

	@Override
	public org.eclipse.core.runtime.IAdaptable getElement() {
		return element;
	}

	@Override
	public void setElement(org.eclipse.core.runtime.IAdaptable element) {
		this.element = element;
		IProject project = Adapters.adapt(element, IProject.class);
		if (project != null) {
			setPreferenceStore(SecProjectSettings.store(project));
		}
	}

	@Override
	protected void createFieldEditors() {
		SecVersion[] versions = SecVersion.values();
		String[][] choices = new String[versions.length][];
		for (int i = 0; i < versions.length; i++) {
			choices[i] = new String[] { "sec " + versions[i].text(), versions[i].text() };
		}
		addField(new ComboFieldEditor(SecProjectSettings.SEC_VERSION, "Target sec release:", choices,
				getFieldEditorParent()));
	}
}

package org.sec.lang.ui.preferences;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.sec.engine.api.SecVersion;

/** A project's SEC settings (.settings/org.sec.lang.ui.prefs): the target sec release. */
public final class SecProjectSettings {

	public static final String NODE = "org.sec.lang.ui";
	public static final String SEC_VERSION = "secVersion";

	private SecProjectSettings() {
	}

	static IPreferenceStore store(IProject project) {
		IPreferenceStore store = new ScopedPreferenceStore(new ProjectScope(project), NODE);
		store.setDefault(SEC_VERSION, SecVersion.target().text());
		return store;
	}

	/** The release the resource's project targets (the default target outside a project). */
	public static SecVersion secVersion(IResource resource) {
		IProject project = resource == null ? null : resource.getProject();
		if (project == null || !project.isAccessible()) {
			return SecVersion.target();
		}
		SecVersion v = SecVersion.parse(store(project).getString(SEC_VERSION));
		return v != null ? v : SecVersion.target();
	}
}

package org.sec.lang.ui.resources;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectNature;

/** Marks a project as holding SEC rules: its *.conf files open in the SEC editor. */
public class SecNature implements IProjectNature {

	public static final String ID = "org.sec.lang.ui.secNature";

	private IProject project;

	@Override
	public void configure() {
		// no builders yet: validation runs in the editor
	}

	@Override
	public void deconfigure() {
		// nothing was configured
	}

	@Override
	public IProject getProject() {
		return project;
	}

	@Override
	public void setProject(IProject project) {
		this.project = project;
	}
}

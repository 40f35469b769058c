package org.sec.lang.ui.resources;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;

/**
 * Marks a project as holding SEC rules: its *.conf files open in the SEC editor, and the
 * SEC builder validates its rule files into the Problems view.
 */
public class SecNature implements IProjectNature {

	public static final String ID = "org.sec.lang.ui.secNature";

	private IProject project;

	@Override
	public void configure() throws CoreException {
		IProjectDescription description = project.getDescription();
		for (ICommand c : description.getBuildSpec()) {
			if (c.getBuilderName().equals(SecBuilder.ID)) {
				return;
			}
		}
		ICommand builder = description.newCommand();
		builder.setBuilderName(SecBuilder.ID);
		ICommand[] spec = java.util.Arrays.copyOf(description.getBuildSpec(), description.getBuildSpec().length + 1);
		spec[spec.length - 1] = builder;
		description.setBuildSpec(spec);
		project.setDescription(description, null);
	}

	@Override
	public void deconfigure() throws CoreException {
		IProjectDescription description = project.getDescription();
		description.setBuildSpec(java.util.Arrays.stream(description.getBuildSpec())
				.filter(c -> !c.getBuilderName().equals(SecBuilder.ID)).toArray(ICommand[]::new));
		project.setDescription(description, null);
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

package org.sec.lang.ui.workbench;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.sec.lang.ui.resources.SecNature;

/** Brings a folder of rules and logs into the workspace as a SEC project, without copying it. */
public final class ExampleProject {

	private ExampleProject() {
	}

	/**
	 * Returns the open project for {@code folder}, creating it (named after the folder,
	 * located at the folder) and adding the SEC nature when needed.
	 */
	public static IProject importFolder(Path folder, IProgressMonitor monitor) throws CoreException {
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		Path absolute = folder.toAbsolutePath().normalize();
		IProject project = workspace.getRoot().getProject(absolute.getFileName().toString());
		if (!project.exists()) {
			IProjectDescription description = workspace.newProjectDescription(project.getName());
			description.setLocation(org.eclipse.core.runtime.Path.fromOSString(absolute.toString()));
			project.create(description, monitor);
		}
		if (!project.isOpen()) {
			project.open(monitor);
		}
		IProjectDescription description = project.getDescription();
		if (!Arrays.asList(description.getNatureIds()).contains(SecNature.ID)) {
			String[] natures = Arrays.copyOf(description.getNatureIds(), description.getNatureIds().length + 1);
			natures[natures.length - 1] = SecNature.ID;
			description.setNatureIds(natures);
			project.setDescription(description, monitor);
		}
		return project;
	}
}

package org.sec.lang.ui.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/**
 * Workspace projects and files for the UI tests, made or overwritten as a user would save
 * them, and the workbench page the tests open them in.
 */
final class TestProjects {

	private TestProjects() {
	}

	/** The active workbench page. */
	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** The open project {@code name}, created if needed. */
	static IProject project(String name) throws CoreException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		return project;
	}

	/** The file {@code name} in project {@code project} with {@code content}, created or overwritten. */
	static IFile file(String project, String name, byte[] content) throws CoreException {
		IFile file = project(project).getFile(name);
		if (file.exists()) {
			file.setContents(new ByteArrayInputStream(content), true, false, null);
		} else {
			file.create(new ByteArrayInputStream(content), true, null);
		}
		return file;
	}

	static IFile file(String project, String name, String text) throws CoreException {
		return file(project, name, text.getBytes(StandardCharsets.UTF_8));
	}
}

package org.sec.lang.ui.wizards;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.jface.wizard.Wizard;
import org.sec.lang.ui.resources.SecNature;
import org.sec.lang.ui.simulation.ReplayLaunch;

/**
 * File > New > SEC Project: a project with the SEC nature, an example ruleset, a sample
 * log it can be replayed against, its rule tests, and a replay launch configuration.
 */
public final class NewSecProjectWizard extends Wizard implements INewWizard {

	private WizardNewProjectCreationPage page;

	public NewSecProjectWizard() {
		setWindowTitle("New SEC Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		// the project is new: nothing to take from the selection
	}

	@Override
	public void addPages() {
		page = new WizardNewProjectCreationPage("secProject");
		page.setTitle("SEC Project");
		page.setDescription("A project for SEC rules, with an example ruleset, a sample log and rule tests.");
		addPage(page);
	}

	/** The project page, so that tests can fill it in. */
	public WizardNewProjectCreationPage projectPage() {
		return page;
	}

	@Override
	public boolean performFinish() {
		IProject project = page.getProjectHandle();
		WorkspaceModifyOperation create = new WorkspaceModifyOperation() {
			@Override
			protected void execute(org.eclipse.core.runtime.IProgressMonitor monitor) throws CoreException {
				create(project, page.useDefaults() ? null : page.getLocationURI(), monitor);
			}
		};
		try {
			getContainer().run(false, false, create);
			IFile rules = project.getFile(ExampleFiles.RULES);
			IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), rules);
			return true;
		} catch (InvocationTargetException | InterruptedException | PartInitException e) {
			Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
			MessageDialog.openError(getShell(), "New SEC Project", "The project was not created: " + cause.getMessage());
			return false;
		}
	}

	/** Creates {@code project} (at {@code location}, or in the workspace when null) with the example files. */
	public static void create(IProject project, java.net.URI location, org.eclipse.core.runtime.IProgressMonitor monitor)
			throws CoreException {
		IProjectDescription description = ResourcesPlugin.getWorkspace().newProjectDescription(project.getName());
		description.setLocationURI(location);
		project.create(description, monitor);
		project.open(monitor);
		// added to the open project, so that the nature configures its builder
		IProjectDescription withNature = project.getDescription();
		withNature.setNatureIds(new String[] { SecNature.ID });
		project.setDescription(withNature, monitor);
		for (String name : ExampleFiles.NAMES) {
			project.getFile(name).create(new ByteArrayInputStream(ExampleFiles.read(name).getBytes(
					StandardCharsets.ISO_8859_1)), true, monitor);
		}
		ReplayLaunch.ensureExampleConfiguration(project);
	}
}

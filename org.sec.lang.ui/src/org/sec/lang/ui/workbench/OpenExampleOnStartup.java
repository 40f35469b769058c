package org.sec.lang.ui.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/**
 * Opens the example a user asked for on the command line (the product has no native
 * launcher to pass files): {@code -Dsecwb.project=<folder>} becomes a SEC project and
 * {@code -Dsecwb.open=<file in it>} opens in the editor, with Project Explorer and Outline.
 * A project with one rule file and one log gets a "NAME replay" launch configuration.
 */
public class OpenExampleOnStartup implements IStartup {

	public static final String PROJECT_PROPERTY = "secwb.project";
	public static final String OPEN_PROPERTY = "secwb.open";

	private static final String PROJECT_EXPLORER = "org.eclipse.ui.navigator.ProjectExplorer";
	private static final String OUTLINE = "org.eclipse.ui.views.ContentOutline";
	/** The status line under the example's editor: how to replay it. */
	public static final String STATUS_HINT = "Replay the log: F11 debugs, Ctrl+F11 runs (or the toolbar's Debug menu)";

	@Override
	public void earlyStartup() {
		String folder = System.getProperty(PROJECT_PROPERTY);
		if (folder == null || folder.isBlank()) {
			return;
		}
		Path path = Paths.get(folder);
		if (!Files.isDirectory(path)) {
			System.err.println("secwb: -D" + PROJECT_PROPERTY + "=" + folder + " is not a folder; nothing opened");
			return;
		}
		WorkspaceJob job = new WorkspaceJob("Opening SEC example project " + path.getFileName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				IProject project = ExampleProject.importFolder(path, monitor);
				org.sec.lang.ui.simulation.ReplayLaunch.ensureExampleConfiguration(project);
				String open = System.getProperty(OPEN_PROPERTY);
				if (open != null && !open.isBlank()) {
					IFile file = project.getFile(open);
					if (!file.exists()) {
						return Status.warning("secwb: " + open + " does not exist in " + path);
					}
					PlatformUI.getWorkbench().getDisplay().asyncExec(() -> openInWindow(file));
				}
				return Status.OK_STATUS;
			}
		};
		job.setUser(true);
		job.schedule();
	}

	private static void openInWindow(IFile file) {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null && workbench.getWorkbenchWindowCount() > 0) {
			window = workbench.getWorkbenchWindows()[0];
		}
		if (window == null) {
			return;
		}
		IWorkbenchPage page = window.getActivePage();
		// the whole screen: bounds too, since without a window manager (Xvfb) maximizing does nothing
		window.getShell().setBounds(window.getShell().getDisplay().getPrimaryMonitor().getClientArea());
		window.getShell().setMaximized(true);
		try {
			page.showView(PROJECT_EXPLORER);
			page.showView(OUTLINE);
			org.eclipse.ui.IEditorPart editor = IDE.openEditor(page, file, true);
			// the replay is one key or click away: say where (short enough for the status field;
			// the README says the rest)
			editor.getEditorSite().getActionBars().getStatusLineManager()
					.setMessage(STATUS_HINT);
		} catch (PartInitException e) {
			System.err.println("secwb: cannot open " + file.getFullPath() + ": " + e.getMessage());
		}
	}
}

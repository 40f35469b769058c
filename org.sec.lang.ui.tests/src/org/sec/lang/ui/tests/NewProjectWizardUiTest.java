package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.ui.resources.SecNature;
import org.sec.lang.ui.simulation.ReplayLaunch;
import org.sec.lang.ui.wizards.NewSecProjectWizard;

/** File > New > SEC Project, through its dialog. */
class NewProjectWizardUiTest {

	@Test
	void createsAProjectWithTheExampleAndAReplayConfiguration() throws Exception {
		NewSecProjectWizard wizard = new NewSecProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), null);
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			Display display = Display.getCurrent();
			Screenshots.flush(display);
			org.eclipse.swt.widgets.Text name = findText(wizard.projectPage().getControl());
			name.setText("my-rules");
			Screenshots.flush(display);
			assertTrue(wizard.canFinish());
			Screenshots.save(dialog.getShell(), "new-project-wizard");
			assertTrue(wizard.performFinish());
		} finally {
			dialog.close();
		}
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("my-rules");
		assertTrue(project.hasNature(SecNature.ID));
		String example = Files.readString(GoldenFiles.repositoryDir().resolve("examples/ssh-login-failures/sample-auth.log"),
				StandardCharsets.ISO_8859_1);
		assertEquals(example, Files.readString(project.getFile("sample-auth.log").getLocation().toFile().toPath(),
				StandardCharsets.ISO_8859_1));
		assertTrue(project.getFile("ssh-login-failures.sec").exists());
		assertTrue(project.getFile("ssh-login-failures.sectest").exists());
		boolean configured = false;
		for (ILaunchConfiguration c : DebugPlugin.getDefault().getLaunchManager().getLaunchConfigurations()) {
			configured |= c.getName().equals("my-rules replay")
					&& c.getAttribute(ReplayLaunch.ATTR_LOG, "").equals("/my-rules/sample-auth.log");
		}
		assertTrue(configured, "no replay configuration for the new project");
	}

	private static org.eclipse.swt.widgets.Text findText(org.eclipse.swt.widgets.Control c) {
		if (c instanceof org.eclipse.swt.widgets.Text t) {
			return t;
		}
		if (c instanceof org.eclipse.swt.widgets.Composite comp) {
			for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
				org.eclipse.swt.widgets.Text t = findText(child);
				if (t != null) {
					return t;
				}
			}
		}
		return null;
	}
}

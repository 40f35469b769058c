package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.sec.lang.ui.export.ExportBundlePage;
import org.sec.lang.ui.export.ExportBundleWizard;

/** File > Export > SEC > Production bundle, driven as a user would. */
class ExportWizardUiTest {

	private static IFile file(String project, String name, String text) throws Exception {
		IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(project);
		if (!p.exists()) {
			p.create(null);
		}
		p.open(null);
		IFile f = p.getFile(name);
		ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (f.exists()) {
			f.setContents(in, true, false, null);
		} else {
			f.create(in, true, null);
		}
		return f;
	}

	private static WizardDialog open(ExportBundleWizard wizard) {
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Screenshots.flush(Display.getCurrent());
		return dialog;
	}

	@Test
	void exportsTheSelectedProjectsRules() throws Exception {
		IFile rules = file("export-ok", "ssh.sec", "type=Single\nptype=SubStr\npattern=login\ndesc=login\naction=write - %s\n");
		ExportBundleWizard wizard = new ExportBundleWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(rules.getProject()));
		WizardDialog dialog = open(wizard);
		try {
			ExportBundlePage page = assertInstanceOf(ExportBundlePage.class, wizard.getPages()[0]);
			assertFalse(wizard.canFinish(), "no output folder yet");
			Path out = Files.createTempDirectory("bundle").resolve("sec-ssh");
			page.setOutputFolder(out.toString());
			assertTrue(wizard.canFinish());
			Screenshots.save(dialog.getShell(), "export-wizard");
			assertTrue(wizard.performFinish());
			assertTrue(Files.readString(out.resolve("rules/ssh.sec")).contains("pattern=login"));
			for (String f : List.of("sec.cmdline", "sec.service", "sec.sysconfig", "rsyslog-omprog.conf",
					"syslog-ng-program.conf", "README.txt")) {
				assertTrue(Files.size(out.resolve(f)) > 0, f);
			}
		} finally {
			dialog.close();
		}
	}

	@Test
	void rulesWithErrorsCannotBeExported() throws Exception {
		IFile rules = file("export-bad", "bad.sec", "type=Single\nptype=RegExp\npattern=(\ndesc=x\naction=none\n");
		ExportBundleWizard wizard = new ExportBundleWizard();
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(rules));
		WizardDialog dialog = open(wizard);
		try {
			ExportBundlePage page = (ExportBundlePage) wizard.getPages()[0];
			page.setOutputFolder(Files.createTempDirectory("bundle").resolve("x").toString());
			assertFalse(wizard.canFinish());
			assertEquals(1, page.errors().size());
			assertTrue(page.errors().get(0).startsWith("export-bad/bad.sec:3: Invalid regular expression '('"), page.errors().get(0));
			assertTrue(page.getErrorMessage().startsWith("Not exported: 1 error (fix them first): export-bad/bad.sec:3: "),
					page.getErrorMessage());
			Screenshots.save(dialog.getShell(), "export-wizard-errors");
		} finally {
			dialog.close();
		}
	}
}

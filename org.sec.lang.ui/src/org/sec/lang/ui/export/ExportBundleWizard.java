package org.sec.lang.ui.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.sec.lang.export.ExportBundle;
import org.sec.lang.ide.SecIde;

/**
 * File > Export > SEC > Production bundle: the selected rule files (or all in the
 * selected folders) as {@code secwb export} writes them. While a file has an error the
 * wizard cannot finish and says which errors, as the command refuses to export.
 */
public final class ExportBundleWizard extends Wizard implements IExportWizard {

	private final List<IFile> files = new ArrayList<>();
	private ExportBundlePage page;

	public ExportBundleWizard() {
		setWindowTitle("Export SEC Production Bundle");
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		for (Object o : selection.toList()) {
			IResource r = o instanceof IResource res ? res : org.eclipse.core.runtime.Adapters.adapt(o, IResource.class);
			if (r != null) {
				collect(r);
			}
		}
	}

	private void collect(IResource r) {
		if (r instanceof IFile f && org.sec.lang.ui.resources.SecBuilder.hasRuleExtension(f)) {
			files.add(f);
		} else if (r instanceof IContainer c) {
			try {
				for (IResource child : c.members()) {
					collect(child);
				}
			} catch (CoreException e) {
				// a closed project has no members to export
			}
		}
	}


	public List<IFile> files() {
		return List.copyOf(files);
	}

	/** The sec release of the bundle: the target of the first file's project (Project > Properties > SEC Workbench). */
	public org.sec.engine.api.SecVersion secVersion() {
		return org.sec.lang.ui.preferences.SecProjectSettings.secVersion(files.isEmpty() ? null : files.get(0));
	}

	/** "file:line: message" for each error in the files, as the project's sec release judges them. */
	public List<String> errors() {
		List<String> errors = new ArrayList<>();
		for (IFile f : files) {
			try {
				String text = Files.readString(f.getLocation().toFile().toPath(), StandardCharsets.ISO_8859_1);
				XtextResource resource = SecIde.parse(text, f.getName());
				org.sec.lang.validation.SecTarget.set(resource, org.sec.lang.ui.preferences.SecProjectSettings.secVersion(f));
				List<Issue> issues = resource.getResourceServiceProvider().get(IResourceValidator.class)
						.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
				for (Issue issue : issues) {
					if (issue.getSeverity() == Severity.ERROR) {
						errors.add(f.getFullPath().makeRelative() + ":" + issue.getLineNumber() + ": " + issue.getMessage());
					}
				}
			} catch (IOException e) {
				errors.add(f.getFullPath().makeRelative() + ": cannot be read (" + e.getMessage() + ")");
			}
		}
		return errors;
	}

	@Override
	public void addPages() {
		page = new ExportBundlePage(this);
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		List<Path> paths = files.stream().map(f -> f.getLocation().toFile().toPath()).toList();
		try {
			ExportBundle.write(paths, Path.of(page.outputFolder()), page.target());
			return true;
		} catch (IOException e) {
			MessageDialog.openError(getShell(), "Export SEC Production Bundle", e.getMessage());
			return false;
		}
	}
}

package org.sec.lang.ui.ruletest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.sec.simulator.ruletest.SecTest;
import org.sec.simulator.ruletest.SecTestParser;
import org.sec.simulator.ruletest.SecTestRunner;

/** Run SEC Rule Tests: the selected .sectest files (or all in the selected folders), as a Job; results in the view. */
public final class RunRuleTestsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		List<IFile> files = new ArrayList<>();
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		if (selection instanceof IStructuredSelection s) {
			for (Object o : s.toList()) {
				IResource r = Adapters.adapt(o, IResource.class);
				if (r != null) {
					collect(r, files);
				}
			}
		}
		IWorkbenchPage page = HandlerUtil.getActiveWorkbenchWindow(event).getActivePage();
		run(files, page);
		return null;
	}

	/** Runs the tests in a Job and shows the results in {@link RuleTestsView}; returns the Job. */
	public static Job run(List<IFile> files, IWorkbenchPage page) {
		Job job = Job.create("Running SEC rule tests", monitor -> {
			monitor.beginTask("SEC rule tests", files.size());
			List<SecTestRunner.Result> results = new ArrayList<>();
			List<String> unreadable = new ArrayList<>();
			for (IFile f : files) {
				if (monitor.isCanceled()) {
					break;
				}
				monitor.subTask(f.getFullPath().toString());
				try {
					SecTest test = SecTestParser.parse(f.getLocation().toFile().toPath());
					results.addAll(SecTestRunner.run(test));
				} catch (IOException | SecTestParser.SecTestException e) {
					unreadable.add(e.getMessage());
				}
				monitor.worked(1);
			}
			Display.getDefault().asyncExec(() -> {
				try {
					((RuleTestsView) page.showView(RuleTestsView.ID)).show(results, unreadable);
				} catch (PartInitException e) {
					org.eclipse.core.runtime.ILog.of(RunRuleTestsHandler.class).error("cannot show the results", e);
				}
			});
			return Status.OK_STATUS;
		});
		job.setUser(true);
		job.schedule();
		return job;
	}

	private static void collect(IResource r, List<IFile> files) {
		if (r instanceof IFile f && "sectest".equals(f.getFileExtension())) {
			files.add(f);
		} else if (r instanceof IContainer c) {
			try {
				for (IResource child : c.members()) {
					collect(child, files);
				}
			} catch (CoreException e) {
				// a closed project has no tests to run
			}
		}
	}
}

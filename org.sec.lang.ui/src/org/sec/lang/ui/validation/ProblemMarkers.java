package org.sec.lang.ui.validation;

import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.sec.lang.ide.SecIde;

/**
 * Shows the validator's issues as problem markers of a rule file: in the editor's
 * rulers and in the Problems view. The UI only adapts; the verdict is the language's.
 */
public final class ProblemMarkers {

	public static final String MARKER_TYPE = "org.sec.lang.ui.problem";
	/** Marker attributes: the issue's code (IssueCodes), and the keyword and subject it is about. */
	public static final String CODE = "org.sec.lang.ui.code";
	public static final String KEYWORD = "org.sec.lang.ui.keyword";
	public static final String SUBJECT = "org.sec.lang.ui.subject";

	private ProblemMarkers() {
	}

	/** Validates {@code text} as the content of {@code file} and replaces the file's markers, in a Job. */
	public static WorkspaceJob schedule(IFile file, String text) {
		WorkspaceJob job = new WorkspaceJob("Validating " + file.getName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				update(file, text);
				return Status.OK_STATUS;
			}
		};
		job.setRule(file);
		job.setSystem(true);
		job.schedule();
		return job;
	}

	/** Validates and replaces the markers now. */
	public static void update(IFile file, String text) throws CoreException {
		XtextResource resource = SecIde.parse(text, file.getName());
		org.sec.lang.validation.SecTarget.set(resource, org.sec.lang.ui.preferences.SecProjectSettings.secVersion(file));
		List<Issue> issues = resource.getResourceServiceProvider().get(IResourceValidator.class).validate(resource,
				CheckMode.ALL, CancelIndicator.NullImpl);
		if (!file.exists()) {
			return;
		}
		file.deleteMarkers(MARKER_TYPE, false, IResource.DEPTH_ZERO);
		for (Issue issue : issues) {
			if (issue.getSeverity() == Severity.IGNORE || issue.getSeverity() == Severity.INFO) {
				continue;
			}
			IMarker marker = file.createMarker(MARKER_TYPE);
			marker.setAttribute(IMarker.MESSAGE, issue.getMessage());
			marker.setAttribute(IMarker.SEVERITY,
					issue.getSeverity() == Severity.ERROR ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
			if (issue.getLineNumber() != null) {
				marker.setAttribute(IMarker.LINE_NUMBER, issue.getLineNumber().intValue());
			}
			if (issue.getCode() != null) {
				marker.setAttribute(CODE, issue.getCode());
			}
			String[] data = issue.getData();
			if (data != null && data.length >= 2) {
				marker.setAttribute(KEYWORD, data[0]);
				marker.setAttribute(SUBJECT, data[1]);
			}
			if (issue.getOffset() != null && issue.getLength() != null) {
				marker.setAttribute(IMarker.CHAR_START, issue.getOffset().intValue());
				marker.setAttribute(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
			}
		}
	}
}

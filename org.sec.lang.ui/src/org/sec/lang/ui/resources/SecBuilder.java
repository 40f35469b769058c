package org.sec.lang.ui.resources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.content.IContentType;
import org.sec.lang.ui.validation.ProblemMarkers;

/**
 * Validates every SEC rule file of a SEC project (sec's verdict plus our lints), so that
 * the Problems view lists them without opening each file. Incremental: only changed
 * files are validated again.
 */
public final class SecBuilder extends IncrementalProjectBuilder {

	public static final String ID = "org.sec.lang.ui.secBuilder";
	private static final String RULES_CONTENT_TYPE = "org.sec.lang.ui.rules";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		IResourceDelta delta = kind == FULL_BUILD ? null : getDelta(getProject());
		if (delta == null) {
			getProject().accept(r -> {
				validate(r);
				return true;
			});
		} else {
			delta.accept(d -> {
				if (d.getKind() != IResourceDelta.REMOVED) {
					validate(d.getResource());
				}
				return true;
			});
		}
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(ProblemMarkers.MARKER_TYPE, false, IResource.DEPTH_INFINITE);
	}

	private static void validate(IResource r) throws CoreException {
		if (!(r instanceof IFile file) || !isRuleFile(file)) {
			return;
		}
		try (InputStream in = file.getContents()) {
			ProblemMarkers.update(file, new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
		} catch (IOException e) {
			// unreadable now; the next build tries again
		}
	}

	/** *.sec and *.sr: rule files by their name alone (export, launch shortcuts, editors). */
	public static boolean hasRuleExtension(IFile file) {
		String ext = file.getFileExtension();
		return "sec".equals(ext) || "sr".equals(ext);
	}

	/** *.sec and *.sr, and *.conf whose content the SEC content describer claims. */
	static boolean isRuleFile(IFile file) throws CoreException {
		if (file.getContentDescription() == null || file.getContentDescription().getContentType() == null) {
			return false;
		}
		IContentType type = file.getContentDescription().getContentType();
		return type.getId().startsWith(RULES_CONTENT_TYPE);
	}
}

package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.junit.jupiter.api.Test;
import org.sec.lang.ui.resources.SecBuilder;
import org.sec.lang.ui.validation.ProblemMarkers;
import org.sec.lang.ui.wizards.NewSecProjectWizard;

/** The SEC builder puts sec's errors of files nobody opened into the Problems view. */
class BuilderUiTest {

	@Test
	void aBuildValidatesEveryRuleFileOfTheProject() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("built-rules");
		if (!project.exists()) {
			NewSecProjectWizard.create(project, null, null);
		}
		assertTrue(Arrays.stream(project.getDescription().getBuildSpec())
				.anyMatch(c -> c.getBuilderName().equals(SecBuilder.ID)), "the SEC nature adds the builder");
		IFile broken = project.getFile("broken.conf");
		String text = "type=Single\nptype=RegExp\npattern=(unclosed\ndesc=x\naction=none\n";
		if (!broken.exists()) {
			broken.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		}
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		List<IMarker> markers = Arrays.asList(broken.findMarkers(ProblemMarkers.MARKER_TYPE, false, IResource.DEPTH_ZERO));
		assertEquals(1, markers.stream().filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).count());
		IMarker error = markers.stream().filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR)
				.findFirst().orElseThrow();
		assertTrue(error.getAttribute(IMarker.MESSAGE, "").startsWith("Invalid regular expression '(unclosed'"),
				error.getAttribute(IMarker.MESSAGE, ""));
		assertEquals(3, error.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(0, project.getFile("ssh-login-failures.sec").findMarkers(ProblemMarkers.MARKER_TYPE, false,
				IResource.DEPTH_ZERO).length, "the example is clean");
	}
}

package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.sec.lang.ui.ruletest.RuleTestsView;
import org.sec.lang.ui.ruletest.RunRuleTestsHandler;
import org.sec.lang.ui.wizards.NewSecProjectWizard;

/** Runs .sectest files from the workbench and reads the SEC Rule Tests view. */
class RuleTestsUiTest {

	@Test
	void resultsShowPassesAndFailuresWithTheirLines() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("tested-rules");
		if (!project.exists()) {
			NewSecProjectWizard.create(project, null, null);
		}
		IFile failing = project.getFile("wrong.sectest");
		String text = "rules: ssh-login-failures.sec\ntest: expects the wrong alert time\n"
				+ "  +1 sshd[1]: Accepted publickey for bob from 10.0.0.1 port 1 ssh2\n"
				+ "  output +2 login ok: bob from 10.0.0.1\n";
		if (!failing.exists()) {
			failing.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		}
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		Job job = RunRuleTestsHandler.run(List.of(project.getFile("ssh-login-failures.sectest"), failing), page);
		job.join();
		UiWait.until("the view shows the results", 20_000, () -> page.findView(RuleTestsView.ID) instanceof RuleTestsView v
				&& !v.rows().isEmpty());
		RuleTestsView view = (RuleTestsView) page.findView(RuleTestsView.ID);
		List<String> rows = view.rows();
		assertEquals(4 + 2, rows.size(), rows.toString());
		assertEquals(3, rows.stream().filter(r -> r.startsWith("PASS  ssh-login-failures.sectest: ")).count(), rows.toString());
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("FAIL  wrong.sectest: expects the wrong alert time")));
		String path = failing.getLocation().toString();
		assertTrue(rows.contains("  " + path + ":4: expected output at +2 was not written: login ok: bob from 10.0.0.1; "
				+ "it was written at +1"), rows.toString());
		Screenshots.save(view.getSite().getShell(), "rule-tests-view");
	}
}

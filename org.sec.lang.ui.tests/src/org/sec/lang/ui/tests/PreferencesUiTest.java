package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.ui.preferences.CheckWithSec;
import org.sec.lang.ui.preferences.SecPreferencePage;
import org.sec.lang.ui.preferences.SecPreferences;

/** Preferences > SEC Workbench, and "Check with sec" against the installed sec. */
class PreferencesUiTest {

	@Test
	void thePreferencePageOpensWithTheDefaults() throws Exception {
		assertEquals("sec", SecPreferences.store().getString(SecPreferences.SEC_PATH));
		assertEquals("auto", SecPreferences.store().getString(SecPreferences.TIMESTAMPS));
		PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(
				PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "org.sec.lang.ui.preferences", null, null);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			assertInstanceOf(SecPreferencePage.class, dialog.getSelectedPage());
			Screenshots.save(dialog.getShell(), "preferences");
		} finally {
			dialog.close();
		}
	}

	@Test
	void checkWithSecGivesTheRealSecsVerdict() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed");
		Path dir = Files.createTempDirectory("check");
		Path bad = dir.resolve("bad.sec");
		Files.writeString(bad, "type=Single\nptype=RegExp\npattern=(\ndesc=x\naction=none\n");
		CheckWithSec.Verdict v = CheckWithSec.check("sec", bad);
		assertEquals(1, v.exitCode());
		assertTrue(v.log().contains("Rule in bad.sec at line 1: Invalid regular expression"), v.log());
		Path good = GoldenFiles.repositoryDir().resolve("examples/ssh-login-failures/ssh-login-failures.sec");
		CheckWithSec.Verdict ok = CheckWithSec.check("sec", good);
		assertEquals(0, ok.exitCode());
		assertTrue(ok.log().contains("3 rules loaded from ssh-login-failures.sec"), ok.log());
	}
}

package org.sec.engine.tests.cli;

import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * The SEC FAQ's recipes with children, exit statuses and dynamic inputs (Q14 exit() and
 * sec's preloaded modules, Q15 context names saved and restored, Q18 spawn with exec, Q20
 * timeout(1), Q24 addinput at start-up with --reopen-timeout, Q24 logtracker.pl with
 * cspawn), run as printed by scripts/faq-compare.sh: stdout, files, exit status and the
 * processes left must equal sec's. Where sec is installed it runs beside jsec and must
 * still agree with the golden summaries (golden/faq-recipes); elsewhere jsec is compared
 * with those goldens.
 */
class FaqRecipesTest {

	@Test
	void faqRecipesGiveSecsResults() throws Exception {
		GoldenFiles.runComparisonScript("faq-compare.sh");
	}
}

package org.sec.engine.tests.cli;

import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * The SEC FAQ's recipes with children, exit statuses, dynamic inputs and Perl code, run as
 * printed by scripts/faq-compare.sh (paths moved into a temp folder): Q7 Graphite over
 * tcpsock and Q17 the midnight report (both under faketime, with a TCP listener and a
 * stand-in for mail), Q10 operations keyed
 * by desc, Q14 exit() and sec's preloaded modules, Q15 both recipes (context names through
 * a SingleWithScript and a spawned perl; all contexts through Storable and
 * %main::context_list), Q18 spawn with exec, Q19 the input source from a PerlFunc pattern
 * and $+{_inputsrc}, Q20 timeout(1) and the Perl wrapper, Q22/Q23 stand-ins (JSON::PP and
 * UTF-8 decoding), Q24 addinput at start-up with --reopen-timeout and logtracker.pl with
 * cspawn. stdout, files, exit status and the processes left must equal sec's. Where sec is
 * installed it runs beside jsec and must still agree with the golden summaries
 * (golden/faq-recipes); elsewhere jsec is compared with those goldens.
 */
class FaqRecipesTest {

	@Test
	void faqRecipesGiveSecsResults() throws Exception {
		GoldenFiles.runComparisonScript("faq-compare.sh");
	}
}

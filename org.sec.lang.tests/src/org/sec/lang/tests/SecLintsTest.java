package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.sec.lang.validation.SecValidator;

/** Warnings beyond sec's own checks, each with its exact message and line. */
class SecLintsTest {

	/** Each lint as "W@line [marked text]: message": the span is part of what is checked. */
	private static List<String> lints(String text) {
		return SecValidatorTest.validate(text, "lint.sec").stream().filter(i -> SecValidator.LINT.equals(i.getCode()))
				.map(i -> (i.getSeverity() == Severity.WARNING ? "W@" : "E@") + i.getLineNumber() + " ["
						+ text.substring(i.getOffset(), i.getOffset() + i.getLength()) + "]: " + i.getMessage())
				.collect(Collectors.toList());
	}

	private static final String SINGLE = "type=Single\nptype=RegExp\n";

	@Test
	void nestedRepetitionWarnsOfJavasBacktracking() {
		assertEquals(List.of("W@3 [(.*a){20}]: '(.*a){20}' repeats a group that itself repeats: on a long line that almost"
				+ " matches, Java's regex engine can backtrack for minutes where Perl's does not; jsec gives up after 2 s,"
				+ " says so in its log and lets perl match this pattern from then on"),
				lints(SINGLE + "pattern=(.*a){20}$\ndesc=x\naction=none\n"));
		// separated repetitions are deterministic: nothing to say
		assertEquals(List.of(), lints(SINGLE + "pattern=(\\d+\\.){3}\\d+ (\\S+)$\ndesc=x\naction=none\n"));
	}

	@Test
	void numberedVariableBeyondTheGroups() {
		assertEquals(List.of("W@4 [$3]: $3 is always empty: the pattern has 1 group"),
				lints(SINGLE + "pattern=a(b)\ndesc=x $3\naction=none\n"));
	}

	@Test
	void namedVariableWithoutSuchGroup() {
		assertEquals(List.of("W@5 [$+{usr}]: $+{usr} is always empty: the pattern has no group named usr"),
				lints(SINGLE + "pattern=(?<user>\\w+)\ndesc=x\naction=write - $+{user} $+{usr} $+{_inputsrc}\n"));
	}

	@Test
	void substrPatternsDoNotSubstitute() {
		assertEquals(List.of("W@4 [$1]: SubStr patterns set no match variables, so $1 stays as it is written"),
				lints("type=Single\nptype=SubStr\npattern=x\ndesc=got $1\naction=none\n"));
	}

	@Test
	void rulesAfterACatchAllAndBehindAnIdenticalPatternAreUnreachable() {
		String text = "type=Single\nptype=SubStr\npattern=a\ndesc=a\naction=none\n\n"
				+ "type=Single\nptype=SubStr\npattern=a\ndesc=again\naction=none\n\n"
				+ "type=Suppress\nptype=TValue\npattern=TRUE\n\n"
				+ "type=Single\nptype=SubStr\npattern=b\ndesc=b\naction=none\n";
		assertEquals(List.of("W@9 [pattern]: This rule is never reached: the rule at line 1 has the same pattern and ends the search",
				"W@17 [type]: This rule is never reached: the rule at line 13 matches every event and ends the search"),
				lints(text));
	}

	@Test
	void contextTestedButNeverCreated() {
		String text = SINGLE + "pattern=login (\\w+)\ndesc=login\naction=create USER_$1 60\n\n"
				+ "type=Single\nptype=RegExp\npattern=x (\\w+)\ncontext=USER_$1 && ADMIN_MODE && USER_bob\ndesc=x\naction=none\n";
		assertEquals(List.of("W@10 [ADMIN_MODE]: Context ADMIN_MODE is tested but no rule in this file creates it"), lints(text));
	}

	@Test
	void perlCodeNeedsTheBridge() {
		assertEquals(List.of("W@1 [type]: ptype=PerlFunc needs the Perl bridge: jsec and the simulator run it in a perl process,"
				+ " slower than rules in Java"), lints("type=Single\nptype=PerlFunc\npattern=sub { 1 }\ndesc=x\naction=none\n"));
	}

	@Test
	void perlCodeReachingIntoSecsStateIsNamed() {
		assertEquals(List.of("W@1 [type]: eval/call/lcall action needs the Perl bridge: jsec and the simulator run it in a perl"
				+ " process, slower than rules in Java",
				"W@1 [type]: Perl code uses sec's internal %main::corr_list: jsec and the simulator do not have it,"
						+ " the code sees an empty variable"),
				lints("type=Single\nptype=SubStr\npattern=x\ndesc=x\n"
						+ "action=lcall %n -> ( sub { scalar(keys %main::corr_list) } )\n"));
	}

	@Test
	void eventGroupPatternBehindAnEarlierOneNeverCounts() {
		String text = "type=EventGroup3\nptype=SubStr\npattern=sshd\nptype2=SubStr\npattern2=sshd: Failed\nthresh2=2\n"
				+ "ptype3=RegExp\npattern3=x\ndesc=x\naction=none\nwindow=60\n";
		assertEquals(List.of("W@5 [pattern2]: pattern2 never counts an event: pattern is tried first and matches every event that"
				+ " pattern2 matches, so thresh2=2 is never reached and the rule never fires"), lints(text));
	}

	@Test
	void eventGroupPatternBehindAContextCanCount() {
		String text = "type=EventGroup2\nptype=SubStr\npattern=sshd\ncontext=ON\nptype2=SubStr\npattern2=sshd\n"
				+ "desc=x\naction=create ON\nwindow=60\n";
		assertEquals(List.of(), lints(text));
	}

	@Test
	void eventGroupFalsePatternNeverCounts() {
		String text = "type=EventGroup2\nptype=RegExp\npattern=a\nptype2=TValue\npattern2=FALSE\ndesc=x\naction=none\nwindow=60\n";
		assertEquals(List.of("W@5 [pattern2]: pattern2 is FALSE and matches nothing, so thresh2=1 is never reached and the rule"
				+ " never fires"), lints(text));
	}

	@Test
	void calendarSpecWithoutAnyDateNeverFires() {
		assertEquals(List.of("W@2 [time]: This Calendar rule never fires: no date from 1970 to 2099 has the day, month,"
				+ " weekday and year it asks for"), lints("type=Calendar\ntime=0 0 30,31 2 *\ndesc=x\naction=none\n"));
		// day 0 is the last day of the month, February 29 exists in leap years, 13 January 2023 was a Friday
		assertEquals(List.of(), lints("type=Calendar\ntime=0 0 0 2 *\ndesc=x\naction=none\n"));
		assertEquals(List.of(), lints("type=Calendar\ntime=0 0 29 2 *\ndesc=x\naction=none\n"));
		assertEquals(List.of(), lints("type=Calendar\ntime=0 0 13 1 5 23\ndesc=x\naction=none\n"));
		assertEquals(List.of("W@2 [time]: This Calendar rule never fires: no date from 1970 to 2099 has the day, month,"
				+ " weekday and year it asks for"), lints("type=Calendar\ntime=0 0 13 1 4 23\ndesc=x\naction=none\n"));
	}

	@Test
	void unusedLabel() {
		String text = "type=Single\ncontinue=GoTo used\nptype=SubStr\npattern=a\ndesc=a\naction=none\n\n"
				+ "label=used\nlabel=spare\ntype=Single\nptype=SubStr\npattern=b\ndesc=b\naction=none\n";
		assertEquals(List.of("W@9 [spare]: Label spare is not used by any continue=GoTo"), lints(text));
	}

	@Test
	void extendedModeCommentAcrossContinuationLines() {
		String text = SINGLE + "pattern=(?x) ^ user \\s+ (\\w+) # the name \\\n   \\s+ logged \\s+ in\ndesc=$1\naction=none\n";
		assertEquals(List.of("W@3 [pattern]: In (?x) mode '#' starts a comment that runs to the end of the joined pattern:"
				+ " the continuation lines after it are ignored"), lints(text));
	}

	@Test
	void aCleanRuleHasNoLints() {
		assertEquals(List.<Issue>of().size(), lints(SINGLE + "pattern=(\\w+) (\\d+)\ndesc=$1\naction=write - $2\n").size());
	}
}

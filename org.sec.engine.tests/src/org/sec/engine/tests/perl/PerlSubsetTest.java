package org.sec.engine.tests.perl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlException;
import org.sec.engine.perl.PerlSubset;

/**
 * The Java fast path for context functions must give what perl gives. Each function of
 * the subset is run on many argument values both ways; a call the subset declines
 * (Unsupported) goes to perl in the engine, so it is counted, not compared.
 */
class PerlSubsetTest {

	private static final List<String> VALUES = Arrays.asList(null, "", "0", "00", "0.0", "0E0", "1", "10", "9", "-5",
			"+3", ".5", "5.", " 12abc", "abc", "1e3", "2048", "2047", "Accepted", "accepted", "Inf", "nan",
			"1234567890123456789", "0 but true", "\t7");

	private static PerlBridge perl;

	@BeforeAll
	static void startPerl() {
		perl = PerlBridge.fromPath();
	}

	@AfterAll
	static void stopPerl() {
		perl.close();
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"sub { $_[0]->{\"status\"} eq \"Accepted\" }",
			"sub { $_[0]->{'port'} < 2048 }",
			"( sub { return $_[0]{port} >= 2048; } )",
			"sub { $_[0]->{status} ne 'Accepted' && $_[0]->{port} == 10 }",
			"sub { !($_[0]->{port} > 9) || $_[0]->{status} lt 'b' }",
			"sub { $_[0]->{port} }",
			"sub { $_[0]->{missing} || $_[0]->{port} }",
			"sub { $_[0]->{port} != 0.5 && $_[0]->{status} ge \"1\" }",
			"sub { $_[0]->{port} <= 10 }",
			"sub { $_[0]->{status} le $_[0]->{port} }",
			"sub { $_[0]->{status} gt '' }" })
	void hashFunctionsAgreeWithPerl(String code) throws Exception {
		assumePerl();
		PerlSubset subset = PerlSubset.compile(code.strip().replaceAll("^\\(|\\)$", ""));
		assertNotNull(subset, code);
		int compared = 0;
		for (String status : VALUES) {
			for (String port : VALUES) {
				Map<String, String> entry = new HashMap<>();
				entry.put("status", status);
				entry.put("port", port);
				compared += compareOne(subset, code, List.of(entry));
			}
		}
		List<Object> undefEntry = new ArrayList<>();
		undefEntry.add(null);
		compared += compareOne(subset, code, undefEntry);
		assertTrue(compared > VALUES.size() * VALUES.size() / 2, "too few calls stayed in the subset: " + compared);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"sub { $_[0] > 100 }",
			"sub { $_[0] eq $_[1] }",
			"sub { $_[0] == $_[1] }",
			"sub { $_[1] }",
			"sub { return !$_[0]; }",
			"sub { $_[0] lt '5' || $_[1] > 3 }" })
	void scalarFunctionsAgreeWithPerl(String code) throws Exception {
		assumePerl();
		PerlSubset subset = PerlSubset.compile(code);
		assertNotNull(subset, code);
		for (String a : VALUES) {
			for (String b : VALUES) {
				compareOne(subset, code, Arrays.asList(a, b));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"sub { $_[0] =~ /x/ }",
			"sub { my $x = 1; $x }",
			"sub { $_[0] + 1 }",
			"sub { \"$_[0]\" eq 'a' }",
			"sub { $_[0] eq \"a\\n\" }",
			"sub { $_[0] == 010 }",
			"sub { $count++ }",
			"sub { $_[0]->[1] }",
			"42",
			"sub { 1 } sub { 2 }" })
	void codeOutsideTheSubsetIsLeftToPerl(String code) {
		assertNull(PerlSubset.compile(code));
	}

	private static int compareOne(PerlSubset subset, String code, List<?> args) throws PerlException {
		boolean java;
		try {
			java = subset.callBoolean(args);
		} catch (PerlSubset.Unsupported e) {
			return 0;
		}
		assertEquals(perl.callBoolean(code, args), java, code + " with " + args);
		return 1;
	}

	private static void assumePerl() {
		try {
			perl.version();
		} catch (PerlException e) {
			assumeTrue(false, "perl is not installed: " + e.getMessage());
		}
	}
}

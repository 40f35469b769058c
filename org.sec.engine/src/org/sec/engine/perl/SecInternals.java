package org.sec.engine.perl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sec's own global data that rule code can reach through package main (FAQ Q15 saves
 * and restores %main::context_list with Storable). jsec keeps that state in Java; the
 * tables in {@link #SHARED} are handed to perl as sec's structures before each call of
 * rules that name them and taken back after it. The others stay empty in the Perl bridge;
 * loaders and lints name them with {@link #notShared}.
 */
public final class SecInternals {

	/** The data structures among sec 2.9.1's "use vars" globals (L62). */
	private static final Set<String> STATE = Set.of("context_list", "corr_list", "variables", "pmatch_cache",
			"children", "configuration", "pending_events", "input_buffer", "input_buffers", "input_sources",
			"event_buffer", "inputsrc", "output_files", "calendar", "cfset2cfile", "conffiles", "inputfiles",
			"processedlines", "dyninputfiles", "terminate", "int_context", "intcontextname");

	/** $main::x{...}, %main::x, @main::x, $::x[...], \%main::x and the like. */
	private static final Pattern GLOBAL = Pattern.compile("([$%@])(?:main)?::(\\w+)(\\s*[\\[{])?");

	/** The tables jsec hands to perl and takes back (context_list, variables). */
	public static final Set<String> SHARED = Set.of("%main::context_list", "%main::variables");

	private SecInternals() {
	}

	/** {@link #referencedBy}, without the tables jsec hands over. */
	public static List<String> notShared(String code) {
		List<String> names = referencedBy(code);
		names.removeIf(SHARED::contains);
		return names;
	}

	/** True when {@code code} names one of the {@link #SHARED} tables. */
	public static boolean namesShared(String code) {
		return referencedBy(code).stream().anyMatch(SHARED::contains);
	}

	/** sec's internal variables that {@code code} names, as %name / @name / $name with "main::", once each. */
	public static List<String> referencedBy(String code) {
		List<String> names = new ArrayList<>();
		Matcher m = GLOBAL.matcher(code);
		while (m.find()) {
			if (!STATE.contains(m.group(2))) {
				continue;
			}
			// $x{key} is an element of %x, $x[0] of @x
			String sigil = m.group(1).equals("$") && m.group(3) != null
					? (m.group(3).trim().equals("{") ? "%" : "@")
					: m.group(1);
			String name = sigil + "main::" + m.group(2);
			if (!names.contains(name)) {
				names.add(name);
			}
		}
		return names;
	}
}

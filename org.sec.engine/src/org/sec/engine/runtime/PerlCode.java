package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlException;
import org.sec.engine.perl.PerlRef;
import org.sec.engine.perl.PerlSubset;

/**
 * The engine's side of the Perl bridge: each call as sec makes it, with sec's log
 * message when the code dies. Without a bridge every call logs once why it cannot run.
 */
final class PerlCode {

	/** What an eval/call/lcall action stores: {@code present} false leaves the variable unchanged. */
	record Assignment(boolean present, String text, PerlRef ref) {
		static final Assignment UNCHANGED = new Assignment(false, null, null);
	}

	private final PerlBridge perl;
	private final SecLog log;
	/** Context functions that run in Java (see {@link PerlSubset}); empty when outside the subset. */
	private final Map<String, Optional<PerlSubset>> subsets = new HashMap<>();

	PerlCode(PerlBridge perl, SecLog log) {
		this.perl = perl;
		this.log = log;
	}

	/** Hands sec's tables to perl before a call and takes them back after it (see SecInternals). */
	interface StateSync {
		void toPerl(PerlBridge perl) throws PerlException;

		void fromPerl(PerlBridge perl) throws PerlException;
	}

	private StateSync stateSync;

	/** Set when the rules' code names sec's tables; every call to perl then carries them. */
	void setStateSync(StateSync sync) {
		this.stateSync = sync;
	}

	private interface PerlCall<T> {
		T run() throws PerlException;
	}

	private <T> T withState(PerlCall<T> call) throws PerlException {
		if (stateSync == null) {
			return call.run();
		}
		stateSync.toPerl(perl);
		T result;
		try {
			result = call.run();
		} catch (PerlException e) {
			stateSync.fromPerl(perl); // what the code changed before it died stays changed
			throw e;
		}
		stateSync.fromPerl(perl);
		return result;
	}

	/** Whether perl can run code here (a bridge was given and perl starts). */
	boolean canRunPerl() {
		return perl != null && perl.available();
	}

	private boolean available() {
		if (perl == null) {
			log.log(SecLog.Level.ERR, "Perl code needs the Perl bridge, and these rules were loaded without it");
			return false;
		}
		return true;
	}

	/** {@code params -> code} (tval_context_expr L7311). */
	boolean contextCall(String code, List<String> params) {
		return callForTruth(code, params);
	}

	/** {@code params :> code}: each parameter becomes its match cache entry or undef (L7363). */
	boolean contextCallWithCache(String code, List<String> params, Map<String, Map<String, String>> cache) {
		List<Object> args = new ArrayList<>(params.size());
		for (String p : params) {
			args.add(cache.get(p));
		}
		return callForTruth(code, args);
	}

	private boolean callForTruth(String code, List<?> args) {
		PerlSubset subset = subsets.computeIfAbsent(code, c -> Optional.ofNullable(PerlSubset.compile(c))).orElse(null);
		if (subset != null) {
			try {
				return subset.callBoolean(args);
			} catch (PerlSubset.Unsupported e) {
				// this call's values need real Perl
			}
		}
		if (!available()) {
			return false;
		}
		try {
			return withState(() -> perl.callBoolean(code, args));
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, "Context expression runtime error: " + e.getMessage());
			return false;
		}
	}

	/** {@code =code} (L7284): evaluated at every check. */
	boolean contextEval(String code) {
		if (!available()) {
			return false;
		}
		try {
			return withState(() -> perl.evalBoolean(code));
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, "Error evaluating code '" + code + "': " + e.getMessage());
			return false;
		}
	}

	/** match_perlfunc (L7664): called with the lines and their sources; {@code null} on error. */
	PerlBridge.MatchResult patternCall(String code, List<String> lines, List<String> sources) {
		if (!available()) {
			return null;
		}
		List<Object> args = new ArrayList<>(lines);
		args.addAll(sources);
		try {
			return withState(() -> perl.callMatch(code, args));
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, "PerlFunc pattern runtime error: " + e.getMessage());
			return null;
		}
	}

	/** match_eventgroup_perlfunc (L8440): (string, \@tokens), scalar truth; an error is no match. */
	boolean groupPatternCall(String code, String tokens, List<String> tokenList, List<Long> times, boolean negated) {
		if (!available()) {
			return false;
		}
		// match_eventgroup_perlfunc (L8440): (string, \@tokens), from 2.9.2 also \@times
		List<Object> args = times == null ? Arrays.asList(tokens, tokenList)
				: Arrays.asList(tokens, tokenList, times.stream().map(String::valueOf).toList());
		try {
			return withState(() -> perl.callBoolean(code, args)) != negated;
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, (negated ? "NPerlFunc" : "PerlFunc") + " pattern runtime error: " + e.getMessage());
			return false;
		}
	}

	/** A match of a pattern that only perl can run, or null (no match, or no perl: logged). */
	PerlBridge.RegexMatch regexMatch(String pattern, String text) {
		if (perl == null) {
			return null;
		}
		try {
			return perl.regexMatch(pattern, text);
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, "Perl could not match regular expression '" + pattern + "': " + e.getMessage());
			return null;
		}
	}

	/**
	 * udgram and closeudgr (L4897, L4967): Java has no UNIX datagram sockets, so the Perl
	 * bridge does what sec does and hands back the log lines sec would write.
	 */
	void unixDatagram(String function, List<String> args) {
		if (perl == null) {
			log.log(SecLog.Level.WARN, function + ": UNIX datagram sockets need the Perl bridge (Java has no API"
					+ " for them), and these rules were loaded without it");
			return;
		}
		try {
			List<Object> lines = perl.callList("\\&main::SECWB::" + function, args);
			for (int i = 0; i + 1 < lines.size(); i += 2) {
				log.log(SecLog.Level.ofValue(Integer.parseInt(String.valueOf(lines.get(i)))), String.valueOf(lines.get(i + 1)));
			}
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, function + " failed in the Perl bridge: " + e.getMessage());
		}
	}

	/** execute_eval_action (L6642). */
	Assignment evalAction(String variable, String code) {
		log.log(SecLog.Level.DEBUG, "Evaluating code '" + code + "' and setting variable '%" + variable + "'");
		if (!available()) {
			return Assignment.UNCHANGED;
		}
		try {
			List<Object> values = withState(() -> perl.evalList(code));
			if (values.size() == 1 && values.get(0) instanceof PerlRef ref) {
				return announced(variable, new Assignment(true, ref.text(), ref));
			}
			return announced(variable, joined(values));
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, "Error evaluating code '" + code + "': " + e.getMessage());
			return Assignment.UNCHANGED;
		}
	}

	/** execute_call_action (L6683): the code reference is the one held by variable {@code name}. */
	Assignment callAction(String variable, String name, PerlRef ref, List<String> params) {
		log.log(SecLog.Level.DEBUG, "Calling code '%" + name + "->()' and setting variable '%" + variable + "'");
		if (ref == null) {
			log.log(SecLog.Level.WARN, "Variable '%" + name + "' is not a code reference");
			return Assignment.UNCHANGED;
		}
		if (!available()) {
			return Assignment.UNCHANGED;
		}
		try {
			return announced(variable, joined(withState(() -> perl.callRef(ref, params))));
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, "Code '%" + name + "->()' runtime error: " + e.getMessage());
			return Assignment.UNCHANGED;
		}
	}

	/** execute_lcall_action (L6723); {@code withCache} is the {@code :>} form. */
	Assignment lcallAction(String variable, String code, List<String> params, Map<String, Map<String, String>> cache,
			boolean withCache) {
		if (!available()) {
			return Assignment.UNCHANGED;
		}
		String codeName = perl.codeName(code); // sec logs the compiled code reference
		log.log(SecLog.Level.DEBUG, "Calling code '" + codeName + "' and setting variable '%" + variable + "'");
		List<Object> args = new ArrayList<>(params.size());
		for (String p : params) {
			args.add(withCache ? cache.get(p) : p);
		}
		try {
			return announced(variable, joined(withState(() -> perl.callList(code, args))));
		} catch (PerlException e) {
			log.log(SecLog.Level.ERR, "Code '" + codeName + "' runtime error: " + e.getMessage());
			return Assignment.UNCHANGED;
		}
	}

	/** sec's debug message for the variable an eval, call or lcall set (L6664-6672). */
	private Assignment announced(String variable, Assignment value) {
		if (value.present()) {
			if (value.text() == null) {
				log.log(SecLog.Level.DEBUG, "No value received for variable '%" + variable + "', set to undef");
			} else {
				log.log(SecLog.Level.DEBUG, "Variable '%" + variable + "' set to '" + value.text() + "'");
			}
		}
		return value;
	}

	/** Several values are joined with newlines (undef as ""); none sets the variable to undef. */
	private static Assignment joined(List<Object> values) {
		if (values.isEmpty()) {
			return new Assignment(true, null, null);
		}
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				b.append('\n');
			}
			Object v = values.get(i);
			b.append(v == null ? "" : v.toString());
		}
		return new Assignment(true, b.toString(), null);
	}
}

package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.sec.engine.log.SecLog;
import org.sec.engine.pattern.MatchBudget;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.pattern.PerlRegexException;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.rules.PatternSpec;
import org.sec.engine.syntax.MatchVariables;

/**
 * The pattern types against the input buffers (match_substr L7462, match_regexp L7536 ... match_nperlfunc L7776):
 * the match variables ($0, $N, $+{name}, _inputsrc, _intcontext), varmap and the match
 * cache it fills, one reusable Matcher per regex, and perl for what Java cannot match.
 */
final class PatternMatcher {

	private final EngineState state;
	private final EngineServices services;
	/** One reusable Matcher per pattern, indexed by pattern id: the engine runs on one thread. */
	private Matcher[] matchers = new Matcher[64];
	/** Per pattern id: the line (by identity) its matcher last ran on, and the result. */
	private String[] matchedLine = new String[64];
	private boolean[] matchedFound = new boolean[64];
	/** Ids of patterns whose Java match ran past its budget: perl matches them from then on. */
	private final java.util.BitSet slowInJava = new java.util.BitSet();

	PatternMatcher(EngineState state, EngineServices services) {
		this.state = state;
		this.services = services;
	}

	/** The match variables of a successful match (empty for SubStr etc.), or {@code null}. */
	Map<String, String> match(PatternSpec p, Map<String, Integer> varmap) {
		switch (p.type()) {
		case TVALUE:
			return p.truth() ? Map.of() : null;
		case SUBSTR: {
			boolean found = state.buffers.lastLines(p.lines()).contains(p.text());
			return found != p.negated() ? Map.of() : null;
		}
		case CACHED: {
			Map<String, String> entry = state.matchCache.get(p.text());
			if (p.negated()) {
				return entry == null ? Map.of() : null;
			}
			return entry == null ? null : new VariableMap(entry);
		}
		case REGEXP:
			return matchRegexp(p, varmap);
		default:
			return matchPerlFunc(p, varmap);
		}
	}

	/** match_perlfunc / match_nperlfunc (L7664). */
	private Map<String, String> matchPerlFunc(PatternSpec p, Map<String, Integer> varmap) {
		PerlBridge.MatchResult result = services.perl.patternCall(p.text(), state.buffers.lastLineList(p.lines()),
				state.buffers.sourceList(p.lines()));
		boolean matched = result != null && result.matched();
		if (p.negated()) {
			if (result == null || matched) {
				return null;
			}
			return baseVariables(p, new VariableMap());
		}
		if (!matched) {
			return null;
		}
		Map<String, String> vars = new VariableMap();
		int count;
		if (result.named() != null) {
			vars.putAll(result.named());
			count = 1;
		} else {
			count = result.values().size();
			for (int i = 0; i < count; i++) {
				Object v = result.values().get(i);
				vars.put(MatchVariables.groupName(i + 1), v == null ? null : v.toString());
			}
		}
		baseVariables(p, vars);
		applyVarmap(vars, varmap, count);
		return vars;
	}

	private Map<String, String> baseVariables(PatternSpec p, Map<String, String> vars) {
		vars.put("0", state.buffers.lastLines(p.lines()));
		vars.put("_inputsrc", state.buffers.inputSource(p.lines()));
		vars.put("_intcontext", state.internalContextName);
		return vars;
	}

	private Map<String, String> matchRegexp(PatternSpec p, Map<String, Integer> varmap) {
		String line = state.buffers.lastLines(p.lines());
		PerlRegex.Compiled regex = p.regex();
		if (regex.inPerl() || slowInJava.get(regex.id())) {
			return matchInPerl(p, line, varmap);
		}
		boolean found;
		Matcher m = null;
		if (regex.literalAlternatives() != null) {
			found = regex.containsAlternative(line);
		} else if (!regex.mayMatch(line)) {
			found = false;
		} else {
			m = matcher(regex);
			int id = regex.id();
			if (matchedLine[id] == line) {
				found = matchedFound[id]; // the same pattern already ran on this very line
			} else {
				try {
					found = regex.findHavingLiterals(m, line); // mayMatch passed above
				} catch (MatchBudget.Exceeded e) {
					if (overBudget(regex, line)) {
						return matchInPerl(p, line, varmap);
					}
					found = false;
				}
				matchedLine[id] = line;
				matchedFound[id] = found;
			}
		}
		if (p.negated()) {
			return found ? null : negatedMatch(p, line);
		}
		if (!found) {
			return null;
		}
		int groups = m == null ? 0 : regex.groupCount(m);
		// the groups (or "1"), the named ones, $0, _inputsrc and _intcontext: no array growth
		Map<String, String> vars = new VariableMap(Math.max(1, groups) + regex.groupNames().size() + 3);
		if (m != null && !regex.groupNames().isEmpty()) {
			for (String name : regex.groupNames().keySet()) {
				String value = regex.named(m, name);
				if (value != null) {
					vars.put(name, value);
				}
			}
		}
		if (groups == 0) {
			vars.put("1", "1"); // Perl's list-context match without groups returns (1)
		} else {
			for (int i = 1; i <= groups; i++) {
				vars.put(MatchVariables.groupName(i), regex.group(m, i));
			}
		}
		return positiveMatch(p, line, vars, varmap, groups);
	}

	/** pattern2 after $N substitution, compiled as sec does at run time; null (logged) when invalid. */
	PerlRegex.Compiled runtimeRegex(String text, String typeName, String key) {
		try {
			return PerlRegex.compile(text);
		} catch (PerlRegexException e) {
			if (e.unsupported() && services.perl.canRunPerl()) {
				return PerlRegex.matchedInPerl(text); // valid Perl that only perl runs
			}
			services.log.log(SecLog.Level.ERR, "Runtime variable evaluation yielded an invalid regular expression '" + text + "' for "
					+ typeName + " rule: " + e.getMessage());
			services.log.log(SecLog.Level.ERR, "Can't start " + typeName + " event correlation operation with the key '" + key + "'");
			return null;
		}
	}

	private Map<String, String> negatedMatch(PatternSpec p, String line) {
		Map<String, String> vars = new VariableMap();
		vars.put("0", line);
		vars.put("_inputsrc", state.buffers.inputSource(p.lines()));
		vars.put("_intcontext", state.internalContextName);
		return vars;
	}

	private Map<String, String> positiveMatch(PatternSpec p, String line, Map<String, String> vars,
			Map<String, Integer> varmap, int groups) {
		vars.put("0", line);
		vars.put("_inputsrc", state.buffers.inputSource(p.lines()));
		vars.put("_intcontext", state.internalContextName);
		applyVarmap(vars, varmap, Math.max(groups, 1));
		return vars;
	}

	/** A pattern Java cannot express, matched by perl: the groups and %+ are Perl's. */
	private Map<String, String> matchInPerl(PatternSpec p, String line, Map<String, Integer> varmap) {
		PerlRegex.Compiled regex = p.regex();
		PerlBridge.RegexMatch match = regex.mayMatch(line) ? perlRegexMatch(regex.perl(), line) : null;
		if (p.negated()) {
			return match != null ? null : negatedMatch(p, line);
		}
		if (match == null) {
			return null;
		}
		Map<String, String> vars = new VariableMap(match.named());
		List<String> groups = match.groups();
		if (groups.isEmpty()) {
			vars.put("1", "1");
		} else {
			for (int i = 0; i < groups.size(); i++) {
				vars.put(MatchVariables.groupName(i + 1), groups.get(i));
			}
		}
		return positiveMatch(p, line, vars, varmap, groups.size());
	}

	private PerlBridge.RegexMatch perlRegexMatch(String pattern, String text) {
		return services.perl.regexMatch(pattern, text);
	}

	private Matcher matcher(PerlRegex.Compiled regex) {
		int id = regex.id();
		if (id >= matchers.length) {
			int size = Math.max(id + 1, matchers.length * 2);
			matchers = java.util.Arrays.copyOf(matchers, size);
			matchedLine = java.util.Arrays.copyOf(matchedLine, size);
			matchedFound = java.util.Arrays.copyOf(matchedFound, size);
		}
		Matcher m = matchers[id];
		if (m == null) {
			m = regex.pattern().matcher("");
			matchers[id] = m;
		}
		return m;
	}

	/** Named variables from the varmap, and copies of all variables into the match cache entries it names. */
	private void applyVarmap(Map<String, String> vars, Map<String, Integer> varmap, int count) {
		if (varmap.isEmpty()) {
			return;
		}
		List<String> cacheNames = new ArrayList<>();
		for (Map.Entry<String, Integer> e : varmap.entrySet()) {
			if (e.getValue() == null) {
				cacheNames.add(e.getKey());
			} else {
				vars.put(e.getKey(), e.getValue() <= count ? vars.get(MatchVariables.groupName(e.getValue())) : null);
			}
		}
		for (String name : cacheNames) {
			state.matchCache.put(name, new VariableMap(vars));
		}
	}

	/** An EventGroup's egpattern against the tokens of its events, joined by spaces. */
	boolean matchesTokens(PatternSpec p, List<String> tokenList, List<Long> times) {
		String tokens = String.join(" ", tokenList);
		return switch (p.type()) {
		case SUBSTR -> tokens.contains(p.text()) != p.negated();
		case REGEXP -> (p.regex().inPerl() ? perlRegexMatch(p.regex().perl(), tokens) != null
				: groupRegexFind(p.regex(), tokens)) != p.negated();
		default -> services.perl.groupPatternCall(p.text(), tokens, tokenList, times, p.negated());
		};
	}

	private boolean groupRegexFind(PerlRegex.Compiled regex, String tokens) {
		if (slowInJava.get(regex.id())) {
			return perlRegexMatch(regex.perl(), tokens) != null;
		}
		try {
			return regex.find(matcher(regex), tokens);
		} catch (MatchBudget.Exceeded e) {
			return overBudget(regex, tokens) ? perlRegexMatch(regex.perl(), tokens) != null : false;
		}
	}

	/**
	 * A Java match ran past its budget (where sec, with Perl's caches, is quick): says so in
	 * the log, and from then on perl matches the pattern. False, and the text counts as not
	 * matching, when there is no perl to ask.
	 */
	private boolean overBudget(PerlRegex.Compiled regex, String text) {
		long seconds = MatchBudget.BUDGET_NANOS / 1_000_000_000L;
		if (services.perl.canRunPerl()) {
			slowInJava.set(regex.id());
			services.log.log(SecLog.Level.WARN, "Regular expression '" + regex.perl() + "' ran past " + seconds
					+ " s in Java on a text of " + text.length() + " characters, perl matches it from now on");
			return true;
		}
		services.log.log(SecLog.Level.WARN, "Regular expression '" + regex.perl() + "' ran past " + seconds + " s on a text of "
				+ text.length() + " characters and perl is not installed: it counts as not matching");
		return false;
	}
}

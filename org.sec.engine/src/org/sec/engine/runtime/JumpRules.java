package org.sec.engine.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sec.engine.log.SecLog;
import org.sec.engine.rules.Rule;

/**
 * Jump (process_jump_rule L9367): a match sends the event through the files of the rule
 * sets in cfset, with loop detection; EndMatch from one of them ends the event.
 */
final class JumpRules implements RuleFamily {

	/** Runs the rules of one file for the current event: true on EndMatch (the engine's process_rules). */
	@FunctionalInterface
	interface FileRules {
		boolean process(String file, Set<String> trace);
	}

	private final EngineServices services;
	private final RuleEvaluation eval;
	private final RuleIndex rules;
	private final FileRules fileRules;

	JumpRules(EngineServices services, RuleEvaluation eval, RuleIndex rules, FileRules fileRules) {
		this.services = services;
		this.eval = eval;
		this.rules = rules;
		this.fileRules = fileRules;
	}

	@Override
	public int match(String file, Rule rule, int index, Set<String> trace) {
		Map<String, String> vars = eval.matchSlot(rule, 0);
		if (vars == null) {
			return index + 1;
		}
		eval.countMatch(rule, vars);
		return jump(rule, vars, file, trace) ? -1 : rule.slots().get(0).gotoRule();
	}

	private boolean jump(Rule rule, Map<String, String> vars, String file, Set<String> trace) {
		List<String> sets = rule.cfset();
		if (sets.isEmpty()) {
			return false;
		}
		if (trace == null) {
			trace = new LinkedHashSet<>(); // created on the first jump of an event only
		}
		if (!rule.constSet() && !vars.isEmpty()) {
			sets = sets.stream().map(s -> eval.text(vars, s)).toList();
		}
		for (String set : sets) {
			if (trace.contains(set)) {
				services.log.log(SecLog.Level.WARN, "Can't jump to fileset '" + set + "' from " + file + ", loop detected");
				continue;
			}
			List<String> setFiles = rules.cfset(set);
			if (setFiles == null) {
				services.log.log(SecLog.Level.WARN,
						"Can't jump to fileset '" + set + "' from " + file + ", set does not exist");
				continue;
			}
			trace.add(set);
			for (String cf : setFiles) {
				if (fileRules.process(cf, trace)) {
					trace.remove(set);
					return true;
				}
			}
			trace.remove(set);
		}
		return false;
	}
}

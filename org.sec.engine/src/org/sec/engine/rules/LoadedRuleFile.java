package org.sec.engine.rules;

import java.util.List;

import org.sec.engine.config.ConfigDiagnostic;

/**
 * What loading one rule file gave: the valid rules in order (numbered 0..n-1 as sec
 * numbers them), the messages sec would log, in sec's order, and sec's verdict.
 */
public record LoadedRuleFile(String fileName, List<Rule> rules, Rule options, List<ConfigDiagnostic> messages,
		boolean valid, List<NewerSecFeature> newerFeatures) {

	public LoadedRuleFile {
		rules = List.copyOf(rules);
		messages = List.copyOf(messages);
		newerFeatures = List.copyOf(newerFeatures);
	}

	/** The rule that physical line {@code line} (from 1) belongs to: the last one starting at or before it; null before the first. */
	public Rule ruleHolding(int line) {
		Rule holding = null;
		for (Rule rule : rules) {
			if (rule.line() <= line) {
				holding = rule;
			}
		}
		return holding;
	}

	/** Messages of one severity. */
	public List<ConfigDiagnostic> messages(ConfigDiagnostic.Severity severity) {
		return messages.stream().filter(m -> m.severity() == severity).toList();
	}
}

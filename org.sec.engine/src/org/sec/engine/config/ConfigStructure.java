package org.sec.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A configuration file split into rule definitions, following the separator logic of
 * sec 2.9.1's read_configfile (L3774-3788): blank lines, comments and end of file end a
 * rule; a malformed line is reported but the rule being built continues.
 */
public final class ConfigStructure {

	private final List<ConfigLine> lines;
	private final List<RawRule> rules;

	private ConfigStructure(List<ConfigLine> lines, List<RawRule> rules) {
		this.lines = List.copyOf(lines);
		this.rules = List.copyOf(rules);
	}

	public static ConfigStructure parse(String text) {
		return of(ConfigLineReader.read(text));
	}

	public static ConfigStructure of(List<ConfigLine> lines) {
		List<RawRule> rules = new ArrayList<>();
		List<ConfigLine> current = new ArrayList<>();
		int ruleStart = 1;
		for (ConfigLine line : lines) {
			if (line.endsRule()) {
				addIfRule(rules, ruleStart, current);
				current = new ArrayList<>();
				ruleStart = line.lastLine() + 1;
			} else {
				current.add(line);
			}
		}
		addIfRule(rules, ruleStart, current);
		return new ConfigStructure(lines, rules);
	}

	private static void addIfRule(List<RawRule> rules, int ruleStart, List<ConfigLine> lines) {
		RawRule rule = new RawRule(ruleStart, lines);
		if (rule.isRuleDefinition()) {
			rules.add(rule);
		}
	}

	/** The rule definition whose lines include {@code line} (1-based), if any. */
	public java.util.Optional<RawRule> ruleAt(int line) {
		return rules.stream().filter(r -> r.startLine() <= line && line <= r.endLine()).findFirst();
	}

	/** Every logical line of the file. */
	public List<ConfigLine> lines() {
		return lines;
	}

	/** Groups that sec checks as rules (at least one field besides label and rem). */
	public List<RawRule> rules() {
		return rules;
	}

	/** Lines that sec rejects with "Line not in keyword=value format or non-alphanumeric keyword". */
	public List<ConfigLine> malformedLines() {
		return lines.stream().filter(l -> l.kind() == ConfigLine.Kind.MALFORMED).toList();
	}
}

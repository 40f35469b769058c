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

	/** Every logical line of the file. */
	public List<ConfigLine> lines() {
		return lines;
	}

	/** Groups that sec checks as rules (at least one field besides label and rem). */
	public List<RawRule> rules() {
		return rules;
	}

	/**
	 * The messages sec 2.9.1 logs while splitting the file (L3791-3812), in sec's order:
	 * malformed lines (errors) and duplicate keywords (warnings, the last value wins).
	 * Rule-level checks of fields are not part of this.
	 *
	 * @param fileName the file name as sec would print it (as given on --conf)
	 */
	public List<ConfigDiagnostic> diagnostics(String fileName) {
		List<ConfigDiagnostic> result = new ArrayList<>();
		java.util.Map<String, String> ruleFields = new java.util.HashMap<>();
		for (ConfigLine line : lines) {
			switch (line.kind()) {
			case BLANK, COMMENT, DANGLING_CONTINUATION -> ruleFields.clear();
			case MALFORMED -> result.add(new ConfigDiagnostic(ConfigDiagnostic.Severity.ERROR, line.lastLine(),
					ConfigDiagnostic.malformedLineMessage(fileName, line.lastLine(), line.text())));
			case FIELD -> {
				String keyword = line.keyword();
				if (keyword.equals("label") || keyword.equals("rem")) {
					break;
				}
				String previous = ruleFields.put(keyword, line.value());
				if (previous != null) {
					result.add(new ConfigDiagnostic(ConfigDiagnostic.Severity.WARNING, line.lastLine(),
							ConfigDiagnostic.duplicateKeywordMessage(keyword, previous, line.value())));
				}
			}
			}
		}
		return result;
	}

	/** Lines that sec rejects with "Line not in keyword=value format or non-alphanumeric keyword". */
	public List<ConfigLine> malformedLines() {
		return lines.stream().filter(l -> l.kind() == ConfigLine.Kind.MALFORMED).toList();
	}
}

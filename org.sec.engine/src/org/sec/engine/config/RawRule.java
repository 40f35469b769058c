package org.sec.engine.config;

import java.util.List;
import java.util.Optional;

/**
 * The lines of one rule definition before its fields are checked: everything between
 * two rule separators (blank line, comment, end of file), as sec groups them.
 */
public final class RawRule {

	private final int startLine;
	private final List<ConfigLine> lines;

	RawRule(int startLine, List<ConfigLine> lines) {
		this.startLine = startLine;
		this.lines = List.copyOf(lines);
	}

	/** The line sec names as the rule's start: the line after the previous separator. */
	public int startLine() {
		return startLine;
	}

	/** FIELD and MALFORMED lines in file order, including label and rem lines. */
	public List<ConfigLine> lines() {
		return lines;
	}

	/** The last physical line of the rule. */
	public int endLine() {
		return lines.isEmpty() ? startLine : lines.get(lines.size() - 1).lastLine();
	}

	/** The fields by keyword, in file order, the last value of a repeated keyword winning (as in sec). */
	public java.util.Map<String, String> fields() {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		for (ConfigLine line : lines) {
			if (line.kind() == ConfigLine.Kind.FIELD) {
				fields.put(line.keyword(), line.value());
			}
		}
		return fields;
	}

	/** Value of the last field with this keyword (sec: last one wins), if any. */
	public Optional<String> value(String keyword) {
		String found = null;
		for (ConfigLine line : lines) {
			if (keyword.equals(line.keyword())) {
				found = line.value();
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * True when sec would check this group as a rule: it holds a field other than
	 * label and rem, which sec does not store in the rule.
	 */
	public boolean isRuleDefinition() {
		for (ConfigLine line : lines) {
			if (line.kind() == ConfigLine.Kind.FIELD && !"label".equals(line.keyword())
					&& !"rem".equals(line.keyword())) {
				return true;
			}
		}
		return false;
	}
}

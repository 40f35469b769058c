package org.sec.engine.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sec.engine.rules.LoadedRuleFile;
import org.sec.engine.rules.PatternSlot;
import org.sec.engine.rules.Rule;
import org.sec.engine.rules.RuleKind;

/**
 * The loaded rule files as the event loop walks them: the rules of each file, the files
 * that see every event (procallin), the rule sets Jump rules go to (joincfset), and the
 * Calendar rules handed to {@link CalendarRules}.
 */
final class RuleIndex {

	private List<LoadedRuleFile> files = List.of();
	private final Map<String, List<Rule>> rulesByFile = new LinkedHashMap<>();
	private final Map<String, LiteralIndex> literalsByFile = new LinkedHashMap<>();
	private final List<String> mainFiles = new ArrayList<>();
	private final Map<String, List<String>> cfsetFiles = new LinkedHashMap<>();

	/** Indexes {@code newFiles}; their Calendar rules replace those in {@code calendar}. */
	void rebuild(List<LoadedRuleFile> newFiles, CalendarRules calendar) {
		files = List.copyOf(newFiles);
		rulesByFile.clear();
		literalsByFile.clear();
		mainFiles.clear();
		cfsetFiles.clear();
		calendar.clear();
		for (LoadedRuleFile file : files) {
			rulesByFile.put(file.fileName(), file.rules());
			literalsByFile.put(file.fileName(), new LiteralIndex(file.rules()));
			Rule opts = file.options();
			if (opts == null || opts.procAllInput()) {
				mainFiles.add(file.fileName());
			}
			if (opts != null && opts.joinCfset() != null) {
				for (String set : opts.joinCfset()) {
					cfsetFiles.computeIfAbsent(set, s -> new ArrayList<>()).add(file.fileName());
				}
			}
			for (Rule rule : file.rules()) {
				if (rule.kind() == RuleKind.CALENDAR) {
					calendar.add(rule);
				}
			}
		}
	}

	List<LoadedRuleFile> files() {
		return files;
	}

	/** The rules of a file, or null for a file not loaded. */
	List<Rule> rules(String file) {
		return rulesByFile.get(file);
	}

	/** Which rules of a file a line may match (null for a file not loaded). */
	LiteralIndex literals(String file) {
		return literalsByFile.get(file);
	}

	/** The files every event goes through, in load order. */
	List<String> mainFiles() {
		return mainFiles;
	}

	/** The files of a rule set, or null when no file joins it. */
	List<String> cfset(String set) {
		return cfsetFiles.get(set);
	}

	/** set_bufsize_option (L13770): without --bufsize, the most lines any pattern matches. */
	static int bufsizeFor(List<LoadedRuleFile> files) {
		int bufsize = 1;
		for (LoadedRuleFile file : files) {
			for (Rule rule : file.rules()) {
				for (PatternSlot slot : rule.slots()) {
					if (slot.pattern() != null) {
						bufsize = Math.max(bufsize, slot.pattern().lines());
					}
				}
			}
		}
		return bufsize;
	}
}

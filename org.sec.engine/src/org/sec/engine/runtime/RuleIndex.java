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
	private final Map<String, RuleFile> byName = new LinkedHashMap<>();
	private final List<RuleFile> mainFiles = new ArrayList<>();
	private final Map<String, List<String>> cfsetFiles = new LinkedHashMap<>();

	/** Indexes {@code newFiles}; their Calendar rules replace those in {@code calendar}. */
	void rebuild(List<LoadedRuleFile> newFiles, CalendarRules calendar) {
		files = List.copyOf(newFiles);
		byName.clear();
		mainFiles.clear();
		cfsetFiles.clear();
		calendar.clear();
		for (LoadedRuleFile file : files) {
			RuleFile entry = new RuleFile(file.fileName(), file.rules(), new LiteralIndex(file.rules()));
			byName.put(file.fileName(), entry);
			Rule opts = file.options();
			if (opts == null || opts.procAllInput()) {
				mainFiles.add(entry);
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
		RuleFile entry = byName.get(file);
		return entry == null ? null : entry.rules();
	}

	/** A loaded file with its rules and literal index, or null for a file not loaded. */
	RuleFile file(String file) {
		return byName.get(file);
	}

	/** The files every event goes through, in load order (resolved once, not per line). */
	List<RuleFile> mainFiles() {
		return mainFiles;
	}

	/** The files of a rule set, or null when no file joins it. */
	List<String> cfset(String set) {
		return cfsetFiles.get(set);
	}

	/** One loaded file as the event loop walks it: its name, its rules and which of them a line may match. */
	record RuleFile(String name, List<Rule> rules, LiteralIndex literals) {
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

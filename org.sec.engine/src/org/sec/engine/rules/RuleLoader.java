package org.sec.engine.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionListParser;
import org.sec.engine.action.ActionType;
import org.sec.engine.calendar.TimeSpec;
import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.config.ConfigDiagnostic.Code;
import org.sec.engine.config.ConfigDiagnostic.Severity;
import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigLineReader;
import org.sec.engine.context.ContextExpression;
import org.sec.engine.context.ContextExpressionParser;
import org.sec.engine.context.ContextToken;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlException;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.pattern.PerlRegexException;
import org.sec.engine.syntax.MatchVariables;
import org.sec.engine.syntax.PerlText;

/**
 * Loads a rule file as sec 2.9.1 does: read_configfile (L3710), check_rule (L2379) for
 * each rule, resolve_labels (L3578). The order of checks per rule type follows sec, so
 * the first error reported is sec's. Messages keep sec's wording; where sec prints a
 * Perl error text (invalid regular expressions) ours describes the Java-side problem.
 */
public final class RuleLoader {

	private static final Pattern NUMBER = Pattern.compile("^0*([0-9]+)$");
	private static final Pattern EVENT_GROUP = Pattern.compile("^EVENTGROUP(?:0*\\B)?([0-9]*)$");
	private static final Pattern PTYPE_REGEXP = Pattern.compile("^(n?)regexp(?:0*([1-9][0-9]*))?$", Pattern.CASE_INSENSITIVE);
	private static final Pattern PTYPE_SUBSTR = Pattern.compile("^(n?)substr(?:0*([1-9][0-9]*))?$", Pattern.CASE_INSENSITIVE);
	private static final Pattern PTYPE_PERLFUNC = Pattern.compile("^(n?)perlfunc(?:0*([1-9][0-9]*))?$", Pattern.CASE_INSENSITIVE);
	private static final Pattern PTYPE_CACHED = Pattern.compile("^(n?)cached$", Pattern.CASE_INSENSITIVE);
	private static final Pattern PTYPE_TVALUE = Pattern.compile("^tvalue$", Pattern.CASE_INSENSITIVE);
	private static final Pattern EG_REGEXP = Pattern.compile("^(n?)regexp$", Pattern.CASE_INSENSITIVE);
	private static final Pattern EG_SUBSTR = Pattern.compile("^(n?)substr$", Pattern.CASE_INSENSITIVE);
	private static final Pattern EG_PERLFUNC = Pattern.compile("^(n?)perlfunc$", Pattern.CASE_INSENSITIVE);
	private static final Pattern CACHED_NAME = Pattern.compile("^[A-Za-z]\\w*$");
	private static final Pattern VARMAP_SEPARATOR = Pattern.compile("\\s*;\\s*");
	private static final Pattern VARMAP_ENTRY = Pattern.compile("^\\s*([A-Za-z]\\w*)(?:\\s*=\\s*0*([0-9]+))?\\s*$");
	private static final Pattern SUBSTR_SPECIAL = Pattern.compile("\\\\(0|n|r|s|t|\\\\)");

	private final String file;
	private final int bufsize;
	/** Compiles Perl code as sec does at load time; {@code null} leaves it unchecked (no perl). */
	private final PerlBridge perl;
	private final List<ConfigDiagnostic> messages = new ArrayList<>();
	private final List<NewerSecFeature> newerFeatures = new ArrayList<>();
	private final Map<String, PerlRegex.Compiled> compiled = new HashMap<>();
	/** Line of the rule being checked, for messages. */
	private int ruleLine;
	/** $. of sec's config handle while the current rule is checked; Perl's messages name it (", <$fh> line N."). */
	private int readerLine;

	/** Thrown inside a rule check after sec's message was logged; the rule is rejected. */
	private static final class Reject extends Exception {
		private static final long serialVersionUID = 1L;

		Reject() {
			super(null, null, false, false);
		}
	}

	private final org.sec.engine.api.SecVersion secVersion;

	private RuleLoader(String file, int bufsize, org.sec.engine.api.SecVersion secVersion, PerlBridge perl) {
		this.secVersion = secVersion;
		this.file = file;
		this.bufsize = bufsize;
		this.perl = perl;
	}

	/**
	 * Loads a rule file.
	 *
	 * @param fileName the name as sec prints it (as given on --conf)
	 * @param text     the file's contents
	 * @param bufsize  the --bufsize option; 0 = automatic (no limit while loading)
	 */
	public static LoadedRuleFile load(String fileName, String text, int bufsize) {
		return load(fileName, text, bufsize, null);
	}

	/**
	 * Like {@link #load(String, String, int)}, and compiles the rules' Perl code with
	 * {@code perl} as sec does, rejecting rules whose code is not a code reference.
	 */
	public static LoadedRuleFile load(String fileName, String text, int bufsize, PerlBridge perl) {
		return load(fileName, text, bufsize, org.sec.engine.api.SecVersion.target(), perl);
	}

	/** Like {@link #load(String, String, int, PerlBridge)}, as sec {@code version} reads rules. */
	public static LoadedRuleFile load(String fileName, String text, int bufsize, org.sec.engine.api.SecVersion version,
			PerlBridge perl) {
		return new RuleLoader(fileName, bufsize, version, perl).read(text);
	}

	private LoadedRuleFile read(String text) {
		log(Severity.NOTICE, 0, "Reading configuration from " + file, Code.PROGRESS, null, null);
		List<Rule> rules = new ArrayList<>();
		Rule options = null;
		Map<String, Integer> labels = new HashMap<>();
		Map<String, String> fields = new LinkedHashMap<>();
		boolean valid = true;
		int ruleStart = 1;
		List<ConfigLine> lines = ConfigLineReader.read(text);
		for (int k = 0; k <= lines.size(); k++) {
			ConfigLine line = k < lines.size() ? lines.get(k) : null;
			if (line == null || line.endsRule()) {
				if (!fields.isEmpty()) {
					// Perl's $. while sec checks the rule: the line that ended it, or the file's last line
					readerLine = line != null ? line.lastLine() : lines.isEmpty() ? 0 : lines.get(lines.size() - 1).lastLine();
					int result = checkRule(fields, ruleStart, rules.size(), rules);
					if (result == 0) {
						valid = false;
					} else if (result == 2) {
						options = lastOptions;
					}
					fields = new LinkedHashMap<>();
				}
				if (line != null) {
					ruleStart = line.lastLine() + 1;
				}
				continue;
			}
			if (line.kind() == ConfigLine.Kind.MALFORMED) {
				log(Severity.ERROR, line.lastLine(), ConfigDiagnostic.malformedLineMessage(file, line.lastLine(), line.text()),
						Code.MALFORMED_LINE, null, line.text());
				valid = false;
				continue;
			}
			String keyword = line.keyword();
			if (keyword.equals("label")) {
				labels.put(line.value(), rules.size());
			} else if (!keyword.equals("rem")) {
				String previous = fields.put(keyword, line.value());
				if (previous != null) {
					log(Severity.WARNING, line.lastLine(),
							ConfigDiagnostic.duplicateKeywordMessage(keyword, previous, line.value()), Code.DUPLICATE_KEYWORD,
							keyword, previous);
				}
			}
		}
		if (!rules.isEmpty()) {
			resolveLabels(rules, labels);
			log(Severity.DEBUG, 0, rules.size() + " rules loaded from " + file, Code.PROGRESS, null, null);
		} else {
			log(Severity.WARNING, 0, "No valid rules found in configuration file " + file, Code.NO_VALID_RULES, null, null);
		}
		return new LoadedRuleFile(file, rules, options, messages, valid, newerFeatures);
	}

	private Rule lastOptions;

	private void log(Severity severity, int line, String message, Code code, String keyword, String subject) {
		messages.add(new ConfigDiagnostic(severity, line, message, code, keyword, subject));
	}

	/** sec's "Rule in F at line N: message" error; the rule is rejected. */
	private Reject reject(Code code, String keyword, String subject, String message) {
		log(Severity.ERROR, ruleLine, "Rule in " + file + " at line " + ruleLine + ": " + message, code, keyword, subject);
		return new Reject();
	}

	private void warn(Code code, String keyword, String subject, String message) {
		log(Severity.WARNING, ruleLine, "Rule in " + file + " at line " + ruleLine + ": " + message, code, keyword,
				subject);
	}

	/** Returns 1 for a valid rule (added to {@code rules}), 2 for valid Options, 0 for an invalid rule. */
	private int checkRule(Map<String, String> ref, int line, int number, List<Rule> rules) {
		ruleLine = line;
		try {
			if (!ref.containsKey("type")) {
				throw reject(Code.MISSING_KEYWORD, "type", null, "Keyword 'type' missing");
			}
			String type = PerlText.uc(ref.get("type"));
			Rule rule = switch (type) {
			case "SINGLE" -> single(ref, type, RuleKind.SINGLE, number);
			case "SINGLEWITHSCRIPT" -> singleWithScript(ref, type, number);
			case "SINGLEWITHSUPPRESS" -> singleWithSuppress(ref, type, number);
			case "PAIR" -> pair(ref, type, RuleKind.PAIR, number);
			case "PAIRWITHWINDOW" -> pair(ref, type, RuleKind.PAIR_WITH_WINDOW, number);
			case "SINGLEWITHTHRESHOLD" -> singleWithThreshold(ref, type, number);
			case "SINGLEWITH2THRESHOLDS" -> singleWith2Thresholds(ref, type, number);
			case "SUPPRESS" -> suppress(ref, type, number);
			case "CALENDAR" -> calendar(ref, type, number);
			case "JUMP" -> jump(ref, type, number);
			case "OPTIONS" -> {
				lastOptions = options(ref, type);
				yield null;
			}
			default -> {
				Matcher eg = EVENT_GROUP.matcher(type);
				if (eg.matches()) {
					yield eventGroup(ref, type, eg.group(1), number);
				}
				throw reject(Code.INVALID_RULE_TYPE, "type", ref.get("type"), "Invalid rule type " + type);
			}
			};
			if (rule == null) {
				return 2;
			}
			rule.id = number;
			rule.hashedFields(ref);
			rules.add(rule);
			return 1;
		} catch (Reject r) {
			return 0;
		}
	}

	// ---- keyword tables (missing_keywords L2336) ----

	private static Map<String, Boolean> keywords(Object... requiredPairs) {
		Map<String, Boolean> map = new LinkedHashMap<>();
		for (int i = 0; i < requiredPairs.length; i += 2) {
			map.put((String) requiredPairs[i], (Boolean) requiredPairs[i + 1]);
		}
		return map;
	}

	private static final Object[] SINGLE_KEYS = { "type", true, "continue", false, "ptype", true, "pattern", true,
			"varmap", false, "context", false, "desc", true, "action", true };

	/**
	 * The keywords a rule with {@code type=typeValue} may have (see
	 * {@link #keywordsFor(RuleKind, int)}), or an empty map when sec knows no such type.
	 */
	public static Map<String, Boolean> keywordsForType(String typeValue) {
		String type = PerlText.uc(typeValue.strip());
		for (RuleKind kind : RuleKind.values()) {
			if (kind != RuleKind.EVENT_GROUP && PerlText.uc(kind.displayName()).equals(type)) {
				return keywordsFor(kind, 1);
			}
		}
		Matcher eg = EVENT_GROUP.matcher(type);
		if (eg.matches()) {
			int n = eg.group(1).isEmpty() ? 1 : parseCount(eg.group(1));
			return n >= 1 && n <= 100 ? keywordsFor(RuleKind.EVENT_GROUP, n) : Map.of();
		}
		return Map.of();
	}

	/**
	 * The keywords a rule of {@code kind} may have, in sec's order, each with whether it is
	 * required (missing_keywords L2336 and the check_rule branches). {@code eventCount} is
	 * N of EventGroupN (1 for other kinds).
	 */
	public static Map<String, Boolean> keywordsFor(RuleKind kind, int eventCount) {
		Map<String, Boolean> keys;
		switch (kind) {
		case SINGLE -> keys = keywords(SINGLE_KEYS);
		case SINGLE_WITH_SCRIPT -> {
			keys = keywords(SINGLE_KEYS);
			keys.put("script", true);
			keys.put("shell", false);
			keys.put("action2", false);
		}
		case SINGLE_WITH_SUPPRESS -> {
			keys = keywords(SINGLE_KEYS);
			keys.put("window", true);
		}
		case PAIR, PAIR_WITH_WINDOW -> {
			keys = keywords(SINGLE_KEYS);
			keys.put("continue2", false);
			keys.put("ptype2", true);
			keys.put("pattern2", true);
			keys.put("varmap2", false);
			keys.put("context2", false);
			keys.put("desc2", true);
			keys.put("action2", true);
			keys.put("window", kind == RuleKind.PAIR_WITH_WINDOW);
		}
		case SINGLE_WITH_THRESHOLD -> {
			keys = keywords(SINGLE_KEYS);
			keys.put("action2", false);
			keys.put("window", true);
			keys.put("thresh", true);
		}
		case SINGLE_WITH_2_THRESHOLDS -> {
			keys = keywords(SINGLE_KEYS);
			keys.put("window", true);
			keys.put("thresh", true);
			keys.put("desc2", true);
			keys.put("action2", true);
			keys.put("window2", true);
			keys.put("thresh2", true);
		}
		case EVENT_GROUP -> {
			keys = keywords("type", true, "desc", true, "action", true, "multact", false, "init", false, "slide",
					false, "end", false, "window", true, "egptype", false, "egpattern", false);
			for (int i = 0; i < eventCount; i++) {
				String j = i == 0 ? "" : Integer.toString(i + 1);
				keys.put("continue" + j, false);
				keys.put("ptype" + j, true);
				keys.put("pattern" + j, true);
				keys.put("varmap" + j, false);
				keys.put("context" + j, false);
				keys.put("count" + j, false);
				keys.put("thresh" + j, false);
				keys.put("egtoken" + j, false);
			}
		}
		case SUPPRESS -> keys = keywords("type", true, "ptype", true, "pattern", true, "varmap", false, "context",
				false, "desc", false);
		case CALENDAR -> keys = keywords("type", true, "time", true, "context", false, "desc", true, "action", true);
		case JUMP -> keys = keywords("type", true, "continue", false, "ptype", true, "pattern", true, "varmap", false,
				"context", false, "cfset", false, "constset", false, "desc", false);
		default -> keys = keywords("type", true, "joincfset", false, "procallin", false);
		}
		return keys;
	}

	private void missingKeywords(Map<String, String> ref, Map<String, Boolean> keys, String type) throws Reject {
		boolean error = false;
		for (Map.Entry<String, Boolean> key : keys.entrySet()) {
			if (key.getValue() && !ref.containsKey(key.getKey())) {
				reject(Code.MISSING_KEYWORD, key.getKey(), type, "Keyword '" + key.getKey() + "' missing (needed for " + type + " rule)");
				error = true;
			}
		}
		for (String key : ref.keySet()) {
			if (!keys.containsKey(key)) {
				reject(Code.ILLEGAL_KEYWORD, key, type, "Keyword '" + key + "' illegal (not allowed for " + type + " rule)");
				error = true;
			}
		}
		if (error) {
			throw new Reject();
		}
	}

	// ---- per-type checks, in sec's order ----

	private Rule single(Map<String, String> ref, String type, RuleKind kind, int number) throws Reject {
		missingKeywords(ref, keywordsFor(kind, 1), type);
		Rule rule = new Rule(kind, file, ruleLine);
		rule.desc = ref.get("desc");
		PatternSlot slot = firstSlot(ref, rule, "");
		slot.context = context(ref, "context");
		putActions(rule, ref, ActionField.ACTION, number);
		return rule;
	}

	private Rule singleWithScript(Map<String, String> ref, String type, int number) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.SINGLE_WITH_SCRIPT, 1), type);
		Rule rule = new Rule(RuleKind.SINGLE_WITH_SCRIPT, file, ruleLine);
		rule.desc = ref.get("desc");
		PatternSlot slot = firstSlot(ref, rule, "");
		slot.context = context(ref, "context");
		rule.script = ref.get("script");
		if (ref.containsKey("shell")) {
			String shell = PerlText.uc(ref.get("shell"));
			if (shell.equals("NO")) {
				rule.scriptWords = PerlText.splitWords(ref.get("script"));
			} else if (!shell.equals("YES")) {
				throw reject(Code.INVALID_VALUE, "shell", ref.get("shell"), "Invalid shell value ' " + ref.get("shell") + " '");
			}
		}
		putActions(rule, ref, ActionField.ACTION, number);
		if (ref.containsKey("action2")) {
			putActions(rule, ref, ActionField.ACTION2, number);
		}
		return rule;
	}

	private Rule singleWithSuppress(Map<String, String> ref, String type, int number) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.SINGLE_WITH_SUPPRESS, 1), type);
		Rule rule = new Rule(RuleKind.SINGLE_WITH_SUPPRESS, file, ruleLine);
		rule.desc = ref.get("desc");
		PatternSlot slot = firstSlot(ref, rule, "");
		slot.context = context(ref, "context");
		putActions(rule, ref, ActionField.ACTION, number);
		rule.window = positive(ref, "window", "Invalid time window");
		return rule;
	}

	private Rule pair(Map<String, String> ref, String type, RuleKind kind, int number) throws Reject {
		missingKeywords(ref, keywordsFor(kind, 1), type);
		Rule rule = new Rule(kind, file, ruleLine);
		rule.desc = ref.get("desc");
		PatternSlot first = new PatternSlot();
		PatternSlot second = new PatternSlot();
		rule.slots.add(first);
		rule.slots.add(second);
		first.whatNext = continueValue(ref, "continue");
		second.whatNext = continueValue(ref, "continue2");
		first.pattern = pattern(ref, "", null);
		second.pattern = pattern(ref, "2", first.pattern);
		first.varmap = varmap(first.pattern, ref, "varmap");
		second.varmap = varmap(second.pattern, ref, "varmap2");
		first.context = context(ref, "context");
		second.context = context(ref, "context2");
		putActions(rule, ref, ActionField.ACTION, number);
		putActions(rule, ref, ActionField.ACTION2, number);
		rule.desc2 = ref.get("desc2");
		if (kind == RuleKind.PAIR) {
			if (!ref.containsKey("window")) {
				rule.window = 0;
			} else {
				Matcher m = NUMBER.matcher(ref.get("window"));
				if (!m.matches()) {
					throw reject(Code.INVALID_VALUE, "window", ref.get("window"), "Invalid time window ' " + ref.get("window") + " '");
				}
				rule.window = digits(m.group(1));
			}
		} else {
			rule.window = positive(ref, "window", "Invalid time window");
		}
		return rule;
	}

	private Rule singleWithThreshold(Map<String, String> ref, String type, int number) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.SINGLE_WITH_THRESHOLD, 1), type);
		Rule rule = new Rule(RuleKind.SINGLE_WITH_THRESHOLD, file, ruleLine);
		rule.desc = ref.get("desc");
		PatternSlot slot = firstSlot(ref, rule, "");
		slot.context = context(ref, "context");
		putActions(rule, ref, ActionField.ACTION, number);
		if (ref.containsKey("action2")) {
			putActions(rule, ref, ActionField.ACTION2, number);
		}
		rule.window = positive(ref, "window", "Invalid time window");
		rule.threshold = positive(ref, "thresh", "Invalid threshold");
		return rule;
	}

	private Rule singleWith2Thresholds(Map<String, String> ref, String type, int number) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.SINGLE_WITH_2_THRESHOLDS, 1), type);
		Rule rule = new Rule(RuleKind.SINGLE_WITH_2_THRESHOLDS, file, ruleLine);
		rule.desc = ref.get("desc");
		rule.desc2 = ref.get("desc2");
		PatternSlot slot = firstSlot(ref, rule, "");
		slot.context = context(ref, "context");
		putActions(rule, ref, ActionField.ACTION, number);
		putActions(rule, ref, ActionField.ACTION2, number);
		rule.window = positive(ref, "window", "Invalid 1st time window");
		rule.window2 = positive(ref, "window2", "Invalid 2nd time window");
		rule.threshold = positive(ref, "thresh", "Invalid 1st threshold");
		Matcher m = NUMBER.matcher(ref.get("thresh2"));
		if (!m.matches()) {
			throw reject(Code.INVALID_VALUE, "thresh2", ref.get("thresh2"), "Invalid 2nd threshold ' " + ref.get("thresh2") + " '");
		}
		rule.threshold2 = digits(m.group(1));
		return rule;
	}

	private Rule eventGroup(Map<String, String> ref, String type, String n, int number) throws Reject {
		int count = n.isEmpty() ? 1 : parseCount(n);
		if (count < 1) {
			throw reject(Code.INVALID_RULE_TYPE, "type", ref.get("type"),
					"Invalid rule type " + type + " (N must be at least 1 for EventGroupN rule)");
		}
		missingKeywords(ref, keywordsFor(RuleKind.EVENT_GROUP, count), type);
		Rule rule = new Rule(RuleKind.EVENT_GROUP, file, ruleLine);
		rule.desc = ref.get("desc");
		rule.eventCount = count;
		for (int i = 0; i < count; i++) {
			String j = i == 0 ? "" : Integer.toString(i + 1);
			PatternSlot slot = new PatternSlot();
			rule.slots.add(slot);
			slot.whatNext = continueValue(ref, "continue" + j);
			slot.pattern = pattern(ref, "" + j, null);
			slot.varmap = varmap(slot.pattern, ref, "varmap" + j);
			slot.context = context(ref, "context" + j);
			if (ref.containsKey("count" + j)) {
				slot.count = actions(ref, "count" + j, number);
			}
			if (ref.containsKey("thresh" + j)) {
				slot.threshold = positive(ref, "thresh" + j, "Invalid threshold");
			}
			if (ref.containsKey("egtoken" + j) && !ref.containsKey("egpattern")) {
				throw reject(Code.KEYWORD_NEEDS_ANOTHER, "egtoken" + j, "egpattern",
						"'egtoken" + j + "' keyword requires the 'egpattern' keyword");
			}
			if (ref.containsKey("egpattern")) {
				slot.egToken = ref.containsKey("egtoken" + j) ? ref.get("egtoken" + j) : Integer.toString(i + 1);
			}
		}
		putActions(rule, ref, ActionField.ACTION, number);
		for (ActionField field : List.of(ActionField.INIT, ActionField.SLIDE, ActionField.END)) {
			if (ref.containsKey(field.keyword())) {
				putActions(rule, ref, field, number);
			}
		}
		rule.window = positive(ref, "window", "Invalid time window");
		if (ref.containsKey("multact")) {
			String multact = PerlText.uc(ref.get("multact"));
			if (multact.equals("YES")) {
				rule.multipleActions = true;
			} else if (!multact.equals("NO")) {
				throw reject(Code.INVALID_VALUE, "multact", ref.get("multact"), "Invalid multact value ' " + ref.get("multact") + " '");
			}
		}
		if (ref.containsKey("egptype") && !ref.containsKey("egpattern")) {
			throw reject(Code.KEYWORD_NEEDS_ANOTHER, "egptype", "egpattern", "'egptype' keyword requires the 'egpattern' keyword");
		}
		if (ref.containsKey("egpattern") && !ref.containsKey("egptype")) {
			throw reject(Code.KEYWORD_NEEDS_ANOTHER, "egpattern", "egptype", "'egpattern' keyword requires the 'egptype' keyword");
		}
		if (ref.containsKey("egpattern")) {
			rule.egPattern = eventGroupPattern(ref);
		}
		return rule;
	}

	private static int parseCount(String digits) {
		try {
			return Integer.parseInt(digits);
		} catch (NumberFormatException e) {
			return Integer.MAX_VALUE;
		}
	}

	private Rule suppress(Map<String, String> ref, String type, int number) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.SUPPRESS, 1), type);
		Rule rule = new Rule(RuleKind.SUPPRESS, file, ruleLine);
		PatternSlot slot = new PatternSlot();
		rule.slots.add(slot);
		slot.pattern = pattern(ref, "", null);
		slot.varmap = varmap(slot.pattern, ref, "varmap");
		slot.context = context(ref, "context");
		rule.desc = ref.containsKey("desc") ? ref.get("desc") : defaultDesc("Suppress", slot.pattern);
		return rule;
	}

	private Rule calendar(Map<String, String> ref, String type, int number) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.CALENDAR, 1), type);
		Rule rule = new Rule(RuleKind.CALENDAR, file, ruleLine);
		rule.desc = ref.get("desc");
		List<ConfigDiagnostic.Problem> errors = new ArrayList<>();
		rule.time = TimeSpec.parse(ref.get("time"), errors);
		if (rule.time == null) {
			ConfigDiagnostic.Problem p = errors.get(0);
			throw reject(p.code(), "time", p.subject(), p.message());
		}
		PatternSlot slot = new PatternSlot();
		rule.slots.add(slot);
		slot.context = context(ref, "context");
		putActions(rule, ref, ActionField.ACTION, number);
		return rule;
	}

	private Rule jump(Map<String, String> ref, String type, int number) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.JUMP, 1), type);
		Rule rule = new Rule(RuleKind.JUMP, file, ruleLine);
		PatternSlot slot = firstSlot(ref, rule, "");
		slot.context = context(ref, "context");
		rule.desc = ref.containsKey("desc") ? ref.get("desc") : defaultDesc("Jump", slot.pattern);
		if (ref.containsKey("cfset")) {
			rule.cfset = PerlText.splitWords(ref.get("cfset"));
		}
		if (ref.containsKey("constset")) {
			String constset = PerlText.uc(ref.get("constset"));
			if (constset.equals("NO")) {
				rule.constSet = false;
			} else if (!constset.equals("YES")) {
				throw reject(Code.INVALID_VALUE, "constset", ref.get("constset"), "Invalid constset value ' " + ref.get("constset") + " '");
			}
		}
		return rule;
	}

	private Rule options(Map<String, String> ref, String type) throws Reject {
		missingKeywords(ref, keywordsFor(RuleKind.OPTIONS, 1), type);
		Rule rule = new Rule(RuleKind.OPTIONS, file, ruleLine);
		if (ref.containsKey("procallin")) {
			String procallin = PerlText.uc(ref.get("procallin"));
			if (procallin.equals("NO")) {
				rule.procAllInput = false;
			} else if (!procallin.equals("YES")) {
				warn(Code.INVALID_VALUE, "procallin", ref.get("procallin"),
						"Invalid procallin value ' " + ref.get("procallin") + " ', assuming procallin=Yes");
			}
		}
		if (ref.containsKey("joincfset")) {
			rule.joinCfset = new LinkedHashSet<>(PerlText.splitWords(ref.get("joincfset")));
		}
		return rule;
	}

	// ---- field analysers ----

	private PatternSlot firstSlot(Map<String, String> ref, Rule rule, String suffix) throws Reject {
		PatternSlot slot = new PatternSlot();
		rule.slots.add(slot);
		slot.whatNext = continueValue(ref, "continue" + suffix);
		slot.pattern = pattern(ref, suffix, null);
		slot.varmap = varmap(slot.pattern, ref, "varmap" + suffix);
		return slot;
	}

	private ContinueSpec continueValue(Map<String, String> ref, String field) throws Reject {
		if (!ref.containsKey(field)) {
			return ContinueSpec.DONT_CONT;
		}
		ContinueSpec spec = ContinueSpec.parse(ref.get(field));
		if (spec == null) {
			throw reject(Code.INVALID_VALUE, field, ref.get(field), "Invalid continue value '" + ref.get(field) + "'");
		}
		return spec;
	}

	/** A window or threshold that must be a positive integer: {@code /^0*([0-9]+)$/ && $1 != 0}. */
	private long positive(Map<String, String> ref, String field, String message) throws Reject {
		String value = ref.get(field);
		Matcher m = NUMBER.matcher(value);
		if (!m.matches() || isZero(m.group(1))) {
			throw reject(Code.INVALID_VALUE, field, value, message + " ' " + value + " '");
		}
		return digits(m.group(1));
	}

	/**
	 * A window or threshold's digits as a number. Perl turns one beyond 64 bits into a
	 * float (1e+20) that no count or time reaches; Long.MAX_VALUE behaves the same here.
	 */
	private static long digits(String digits) {
		try {
			return Long.parseLong(digits);
		} catch (NumberFormatException e) {
			return Long.MAX_VALUE;
		}
	}

	private static boolean isZero(String digits) {
		return digits.chars().allMatch(c -> c == '0');
	}

	/** analyze_pattern (L690); {@code first} is the first pattern of a Pair rule when this is pattern2. */
	private PatternSpec pattern(Map<String, String> ref, String suffix, PatternSpec first) throws Reject {
		String ptypeKey = "ptype" + suffix;
		String patternKey = "pattern" + suffix;
		String ptype = ref.get(ptypeKey);
		String pat = ref.get(patternKey);
		Matcher m;
		if ((m = PTYPE_REGEXP.matcher(ptype)).matches()) {
			boolean negated = !m.group(1).isEmpty();
			int lines = lineCount(ptypeKey, ptype, m.group(2));
			boolean compileNow = first == null || first.type() == PatternSpec.Type.TVALUE
					|| first.type() == PatternSpec.Type.SUBSTR || !MatchVariables.contains(pat, '$');
			if (!compileNow) {
				return new PatternSpec(PatternSpec.Type.REGEXP, negated, lines, pat, null, true, false);
			}
			return new PatternSpec(PatternSpec.Type.REGEXP, negated, lines, pat, regex(patternKey, pat, SEC_PATTERN_LINE), false, false);
		}
		if ((m = PTYPE_SUBSTR.matcher(ptype)).matches()) {
			boolean negated = !m.group(1).isEmpty();
			int lines = lineCount(ptypeKey, ptype, m.group(2));
			return new PatternSpec(PatternSpec.Type.SUBSTR, negated, lines, substSpecialChars(pat), null, false, false);
		}
		if ((m = PTYPE_PERLFUNC.matcher(ptype)).matches()) {
			boolean negated = !m.group(1).isEmpty();
			int lines = lineCount(ptypeKey, ptype, m.group(2));
			checkFunction(patternKey, pat);
			return new PatternSpec(PatternSpec.Type.PERLFUNC, negated, lines, pat, null, false, false);
		}
		if ((m = PTYPE_CACHED.matcher(ptype)).matches()) {
			if (!CACHED_NAME.matcher(pat).matches()) {
				throw reject(Code.INVALID_PATTERN, patternKey, pat, "Invalid cached pattern name '" + pat + "': the name does not have the form "
						+ "<letter>[<letter>|<digit>|<underscore>]...");
			}
			return new PatternSpec(PatternSpec.Type.CACHED, !m.group(1).isEmpty(), 1, pat, null, false, false);
		}
		if (PTYPE_TVALUE.matcher(ptype).matches()) {
			String upper = PerlText.uc(pat);
			if (!upper.equals("TRUE") && !upper.equals("FALSE")) {
				throw reject(Code.INVALID_PATTERN, patternKey, pat, "Invalid truth value '" + pat + "'");
			}
			return new PatternSpec(PatternSpec.Type.TVALUE, false, 1, pat, null, false, upper.equals("TRUE"));
		}
		throw reject(Code.INVALID_PATTERN_TYPE, ptypeKey, ptype, "Invalid pattern type '" + ptype + "'");
	}

	private int lineCount(String ptypeKey, String ptype, String digits) throws Reject {
		int lines = digits == null ? 1 : parseCount(digits);
		if (bufsize > 0 && lines > bufsize) {
			throw reject(Code.INVALID_PATTERN_TYPE, ptypeKey, ptype, "Pattern type '" + ptype + "' is designed to match " + lines + " lines, "
					+ "please set --bufsize command line option to at least " + lines);
		}
		return lines;
	}

	/** Where sec compiles a rule's pattern (analyze_pattern L711) and an event group pattern (L866). */
	private static final int SEC_PATTERN_LINE = 711;
	private static final int SEC_GROUP_PATTERN_LINE = 866;

	/**
	 * A RegExp pattern as sec's {@code eval { qr/$pat/ }} judges it. Java's translation runs
	 * the pattern; where it fails, or where perl may refuse what Java takes (its nesting and
	 * quantifier limits), perl is asked, so that verdict and message are perl's. Valid Perl
	 * without a Java translation is matched by perl.
	 */
	private PerlRegex.Compiled regex(String key, String pat, int secLine) throws Reject {
		PerlRegex.Compiled known = compiled.get(pat);
		if (known != null) {
			return known; // one compiled pattern per text, so the engine matches it once per line
		}
		PerlRegex.Compiled regex;
		try {
			regex = PerlRegex.compile(pat);
		} catch (PerlRegexException e) {
			regex = untranslated(key, pat, secLine, e);
		}
		compiled.put(pat, regex);
		return regex;
	}

	private PerlRegex.Compiled untranslated(String key, String pat, int secLine, PerlRegexException e) throws Reject {
		if (perl != null && perl.available()) {
			String perlError;
			try {
				perlError = perl.regexError(pat, readerLine, secLine);
			} catch (PerlException pe) {
				perlError = null;
			}
			if (perlError != null) {
				throw reject(Code.INVALID_PATTERN, key, pat, "Invalid regular expression '" + pat + "': " + perlError);
			}
			return PerlRegex.matchedInPerl(pat);
		}
		if (e.unsupported()) {
			// sec accepts it; without perl jsec cannot run it, and says so where the rule is
			warn(Code.PATTERN_DIFFERS_IN_JAVA, key, pat, "Regular expression '" + pat + "' is valid Perl, but " + e.getMessage()
					+ ", and perl is not installed: jsec and the simulator load the rule and it never matches there");
			return PerlRegex.neverMatching();
		}
		String where = e.perlsText() ? " at /usr/bin/sec line " + secLine + ", <$fh> line " + readerLine + ".\n" : "";
		throw reject(Code.INVALID_PATTERN, key, pat, "Invalid regular expression '" + pat + "': " + e.getMessage() + where);
	}

	/** analyze_pattern L756: a PerlFunc pattern must evaluate to a code reference. */
	private void checkFunction(String key, String code) throws Reject {
		String error = perlCodeError(key, code);
		if (error != null) {
			throw reject(Code.INVALID_PATTERN, key, code,
					"Invalid function '" + code + "', eval didn't return a code reference: " + error);
		}
	}

	/** What sec prints after "didn't return a code reference:", or {@code null} if the code is fine. */
	private String perlCodeError(String key, String code) {
		if (perl == null) {
			return null;
		}
		if (!perl.available()) {
			warn(Code.PERL_UNAVAILABLE, key, code, "Perl code '" + code + "' is not compiled: perl is not installed here; sec compiles it and"
					+ " rejects the rule if it is not a code reference");
			return null;
		}
		try {
			perl.compileWhileReading(code, readerLine);
			return null;
		} catch (PerlException e) {
			return e.getMessage();
		}
	}

	/** analyze_context_expr L1916: the code of each -> and :> operand must be a code reference. */
	private boolean checkContextCode(ContextExpression expression, String key) {
		for (ContextToken t : expression.tokens()) {
			if (t.kind() == ContextToken.Kind.CCODE || t.kind() == ContextToken.Kind.CCODE2) {
				String error = perlCodeError(key, t.text());
				if (error != null) {
					log(Severity.ERROR, ruleLine, "Eval '" + t.text() + "' didn't return a code reference: " + error,
							Code.INVALID_CODE, key, t.text());
					return false;
				}
			} else if (t.nested() != null && !checkContextCode(t.nested(), key)) {
				return false;
			}
		}
		return true;
	}

	/** analyze_actionlist L1598: lcall code must be a code reference. */
	private boolean checkActionCode(List<Action> actions, String key) {
		for (Action a : actions) {
			if (a.type() == ActionType.LCALL) {
				String code = a.arg(2);
				String error = perlCodeError(key, code);
				if (error != null) {
					log(Severity.ERROR, ruleLine, "Rule in " + file + " at line " + ruleLine + ": Eval '" + code
							+ "' didn't return a code reference: " + error, Code.INVALID_CODE, key, code);
					return false;
				}
			}
			for (List<Action> nested : a.lists()) {
				if (!checkActionCode(nested, key)) {
					return false;
				}
			}
		}
		return true;
	}

	/** subst_specchar (L488) for SubStr patterns: \0 \n \r \s \t \\. */
	static String substSpecialChars(String pat) {
		Matcher m = SUBSTR_SPECIAL.matcher(pat);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			String replacement = switch (m.group(1)) {
			case "0" -> "";
			case "n" -> "\n";
			case "r" -> "\r";
			case "s" -> " ";
			case "t" -> "\t";
			default -> "\\";
			};
			m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private PatternSpec eventGroupPattern(Map<String, String> ref) throws Reject {
		String ptype = ref.get("egptype");
		String pat = ref.get("egpattern");
		Matcher m;
		if ((m = EG_REGEXP.matcher(ptype)).matches()) {
			return new PatternSpec(PatternSpec.Type.REGEXP, !m.group(1).isEmpty(), 1, pat, regex("egpattern", pat, SEC_GROUP_PATTERN_LINE), false, false);
		}
		if ((m = EG_SUBSTR.matcher(ptype)).matches()) {
			return new PatternSpec(PatternSpec.Type.SUBSTR, !m.group(1).isEmpty(), 1, substSpecialChars(pat), null,
					false, false);
		}
		if ((m = EG_PERLFUNC.matcher(ptype)).matches()) {
			checkFunction("egpattern", pat);
			return new PatternSpec(PatternSpec.Type.PERLFUNC, !m.group(1).isEmpty(), 1, pat, null, false, false);
		}
		throw reject(Code.INVALID_PATTERN_TYPE, "egptype", ptype, "Invalid event group pattern type '" + ptype + "'");
	}

	/** analyze_varmap (L814). */
	private Map<String, Integer> varmap(PatternSpec pattern, Map<String, String> ref, String field) throws Reject {
		if (!ref.containsKey(field)) {
			return Map.of();
		}
		String varmap = ref.get(field);
		boolean supported = !pattern.negated()
				&& (pattern.type() == PatternSpec.Type.REGEXP || pattern.type() == PatternSpec.Type.PERLFUNC);
		if (!supported) {
			warn(Code.INVALID_VARMAP, field, varmap, "Variable maps are supported for RegExp and PerlFunc patterns only, ignoring variable map '" + varmap
					+ "'");
			return Map.of();
		}
		Map<String, Integer> map = new HashMap<>();
		for (String mapping : PerlText.split(VARMAP_SEPARATOR, varmap)) {
			Matcher m = VARMAP_ENTRY.matcher(mapping);
			if (!m.matches()) {
				throw reject(Code.INVALID_VARMAP, field, mapping, "Invalid variable map '" + varmap + "': the variable mapping '" + mapping
						+ "' does not have the form <letter>[<letter>|<digit>|<underscore>]... [= <number>]");
			}
			map.put(m.group(1), m.group(2) == null ? null : parseCount(m.group(2)));
		}
		return map;
	}

	private ContextExpressionParser.FieldValue context(Map<String, String> ref, String field) throws Reject {
		if (!ref.containsKey(field)) {
			return null;
		}
		List<ConfigDiagnostic.Problem> problems = new ArrayList<>();
		ContextExpressionParser.FieldValue value = ContextExpressionParser.parseField(ref.get(field), problems);
		for (ConfigDiagnostic.Problem problem : problems) {
			log(Severity.ERROR, ruleLine, problem.message(), problem.code(), field, problem.subject());
		}
		if (value.expression() == null || !checkContextCode(value.expression(), field)) {
			throw reject(Code.INVALID_CONTEXT, field, value.text(), "Invalid context expression ' " + value.text() + " '");
		}
		return value;
	}

	private void putActions(Rule rule, Map<String, String> ref, ActionField field, int number) throws Reject {
		rule.putActions(field, actions(ref, field.keyword(), number));
	}

	private List<Action> actions(Map<String, String> ref, String field, int number) throws Reject {
		String list = ref.get(field);
		List<ConfigDiagnostic.Problem> errors = new ArrayList<>();
		List<Action> actions = ActionListParser.parse(list, file, number, secVersion, errors,
				(feature, since) -> newerFeatures.add(new NewerSecFeature(ruleLine, field, feature, since, secVersion)));
		for (ConfigDiagnostic.Problem error : errors) {
			log(Severity.ERROR, ruleLine, "Rule in " + file + " at line " + ruleLine + ": " + error.message(), error.code(),
					field, error.subject());
		}
		if (actions == null || !checkActionCode(actions, field)) {
			throw reject(Code.INVALID_ACTION_LIST, field, list, "Invalid action list ' " + list + " '");
		}
		return actions;
	}

	private static String defaultDesc(String kind, PatternSpec pattern) {
		if (pattern.type() == PatternSpec.Type.TVALUE) {
			return kind + " rule with pattern: " + (pattern.truth() ? "TRUE" : "FALSE");
		}
		return kind + " rule with " + (pattern.negated() ? "negative " : "") + "pattern: " + pattern.text();
	}

	/** resolve_labels (L3578): GoTo targets, DontCont = end of file, EndMatch = -1. */
	private void resolveLabels(List<Rule> rules, Map<String, Integer> labels) {
		int n = rules.size();
		for (int i = 0; i < n; i++) {
			Rule rule = rules.get(i);
			if (rule.kind == RuleKind.SUPPRESS) {
				rule.slots.get(0).gotoRule = n;
				continue;
			}
			for (int j = 0; j < rule.slots.size(); j++) {
				if (rule.kind == RuleKind.CALENDAR) {
					continue;
				}
				PatternSlot slot = rule.slots.get(j);
				String suffix = j == 0 ? "" : Integer.toString(j + 1);
				switch (slot.whatNext.kind()) {
				case GOTO -> {
					Integer id = labels.get(slot.whatNext.label());
					ruleLine = rule.line;
					if (id == null) {
						warn(Code.BAD_LABEL, "continue" + suffix, slot.whatNext.label(),
								"label " + slot.whatNext.label() + " does not exist, assuming continue" + suffix + "=DontCont");
						slot.whatNext = ContinueSpec.DONT_CONT;
						slot.gotoRule = n;
					} else if (id <= i) {
						warn(Code.BAD_LABEL, "continue" + suffix, slot.whatNext.label(), "can't go backwards to label " + slot.whatNext.label() + ", assuming continue" + suffix
								+ "=DontCont");
						slot.whatNext = ContinueSpec.DONT_CONT;
						slot.gotoRule = n;
					} else {
						slot.gotoRule = id;
					}
				}
				case TAKENEXT -> slot.gotoRule = i + 1;
				case DONTCONT -> slot.gotoRule = n;
				case ENDMATCH -> slot.gotoRule = -1;
				}
			}
		}
	}
}

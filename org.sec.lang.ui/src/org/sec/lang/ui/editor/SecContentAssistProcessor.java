package org.sec.lang.ui.editor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.sec.engine.action.ActionType;
import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigStructure;
import org.sec.engine.config.RawRule;
import org.sec.lang.docs.SecDocs;
import org.sec.lang.model.ContextCreators;
import org.sec.engine.config.RuleTypes;
import org.sec.engine.rules.RuleLoader;

/**
 * Content assist in rule files: at the start of a line, the keywords the rule's type
 * allows (required ones marked) that the rule does not have yet; after {@code type=},
 * the rule types; after {@code ptype=}, the pattern types; after {@code continue=}, the
 * continue values and {@code GoTo} with the file's labels; in action lists, the action
 * names with their syntax; after '%', the built-in and the file's variables; in context
 * expressions, the contexts the file creates. The keyword tables are the engine's
 * ({@link RuleLoader#keywordsForType}), the texts {@link SecDocs}'.
 */
public final class SecContentAssistProcessor implements IContentAssistProcessor {

	private static final Pattern VALUE = Pattern.compile("^(\\w+)=(.*)$", Pattern.DOTALL);
	private static final Pattern LABEL = Pattern.compile("(?m)^label=(.*\\S)\\s*$");

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		try {
			return proposals(viewer.getDocument(), offset).toArray(ICompletionProposal[]::new);
		} catch (BadLocationException e) {
			return new ICompletionProposal[0];
		}
	}

	/** The proposals at {@code offset}, for tests and other editors. */
	public static List<ICompletionProposal> proposals(IDocument doc, int offset) throws BadLocationException {
		IRegion line = doc.getLineInformationOfOffset(offset);
		String before = doc.get(line.getOffset(), offset - line.getOffset());
		if (before.startsWith("#")) {
			return List.of();
		}
		Matcher m = VALUE.matcher(before);
		if (!m.matches()) {
			return keywords(doc, doc.getLineOfOffset(offset), before, offset);
		}
		String keyword = m.group(1);
		String value = m.group(2);
		if (keyword.equals("type")) {
			return choices(RuleTypes.NAMES, value, offset, true);
		}
		if (keyword.matches("ptype\\d*|egptype")) {
			return choices(RuleTypes.PATTERN_TYPES, value, offset, true);
		}
		if (keyword.matches("continue\\d*")) {
			List<String> values = new ArrayList<>(List.of("TakeNext", "DontCont", "EndMatch"));
			Matcher labels = LABEL.matcher(doc.get());
			while (labels.find()) {
				values.add("GoTo " + labels.group(1));
			}
			return choices(values, value, offset, true);
		}
		String word = lastWord(value);
		if (word.startsWith("%")) {
			return variables(doc, word, offset);
		}
		if (keyword.matches("context\\d*")) {
			return contextNames(doc, word, offset);
		}
		if (keyword.matches("action\\d*|init|slide|end|count\\d*")) {
			int start = Math.max(value.lastIndexOf(';'), value.lastIndexOf('(')) + 1;
			String actionWord = value.substring(start).stripLeading();
			if (actionWord.contains(" ")) {
				return List.of();
			}
			List<ICompletionProposal> result = new ArrayList<>();
			for (ActionType t : ActionType.values()) {
				if (t.keyword().startsWith(actionWord)) {
					SecDocs.ActionDoc doc2 = SecDocs.action(t);
					result.add(new CompletionProposal(t.keyword() + " ", offset - actionWord.length(), actionWord.length(),
							t.keyword().length() + 1, null, doc2.syntax() + " - " + doc2.summary(), null, doc2.summary()));
				}
			}
			return result;
		}
		return List.of();
	}

	/** The word being typed: after the last whitespace or operator. */
	private static String lastWord(String value) {
		int start = value.length();
		while (start > 0 && " \t;()&|!".indexOf(value.charAt(start - 1)) < 0) {
			start--;
		}
		return value.substring(start);
	}

	private static final Pattern USER_VARIABLE = Pattern.compile("%\\{?([A-Za-z]\\w*)");

	/** After '%': sec's built-in variables, then the variables the file uses. */
	private static List<ICompletionProposal> variables(IDocument doc, String typed, int offset) {
		List<ICompletionProposal> result = new ArrayList<>();
		SecDocs.builtinVariables().forEach((name, meaning) -> {
			if (name.startsWith(typed)) {
				result.add(new CompletionProposal(name, offset - typed.length(), typed.length(), name.length(), null,
						name + " - " + meaning, null, meaning));
			}
		});
		Set<String> used = new java.util.TreeSet<>();
		Matcher m = USER_VARIABLE.matcher(doc.get());
		while (m.find()) {
			String name = "%" + m.group(1);
			if (!SecDocs.builtinVariables().containsKey(name) && name.startsWith(typed) && !name.equals(typed)) {
				used.add(name);
			}
		}
		used.forEach(name -> result.add(proposal(name, name + " - used in this file", typed, offset)));
		return result;
	}

	/** In a context expression: the context names the file's actions create (those without variables). */
	private static List<ICompletionProposal> contextNames(IDocument doc, String typed, int offset) {
		List<String> names = new ArrayList<>();
		for (String name : ContextCreators.namesCreatedIn(doc.get())) {
			if (!name.contains("$") && !name.contains("%") && !names.contains(name)) {
				names.add(name);
			}
		}
		return choices(names, typed, offset, false);
	}

	private static List<ICompletionProposal> keywords(IDocument doc, int lineNumber, String prefix, int offset)
			throws BadLocationException {
		// the rule the line is in; a blank line right after a rule continues it (the user is adding a field)
		int line = lineNumber + 1;
		ConfigStructure structure = ConfigStructure.parse(doc.get());
		java.util.Optional<RawRule> rule = structure.ruleAt(line);
		if (rule.isEmpty() && blank(doc, lineNumber)) {
			rule = structure.ruleAt(line - 1);
		}
		Set<String> present = new LinkedHashSet<>();
		String type = null;
		for (ConfigLine l : rule.map(RawRule::lines).orElse(List.of())) {
			if (l.kind() == ConfigLine.Kind.FIELD && (line < l.firstLine() || line > l.lastLine())) {
				present.add(l.keyword());
				if (l.keyword().equals("type")) {
					type = l.value();
				}
			}
		}
		List<ICompletionProposal> result = new ArrayList<>();
		if (type == null && present.isEmpty()) {
			result.addAll(ruleTemplates(prefix, offset));
		}
		Map<String, Boolean> allowed = type == null ? Map.of("type", true) : RuleLoader.keywordsForType(type);
		for (Map.Entry<String, Boolean> k : allowed.entrySet()) {
			if (!present.contains(k.getKey()) && k.getKey().startsWith(prefix)) {
				result.add(proposal(k.getKey() + "=", k.getKey() + (k.getValue() ? " (required)" : ""), prefix, offset));
			}
		}
		for (String always : List.of("rem", "label")) {
			if (always.startsWith(prefix) && !prefix.isEmpty()) {
				result.add(proposal(always + "=", always, prefix, offset));
			}
		}
		return result;
	}

	/** Example values for the skeletons; sec accepts each of them. */
	private static final Map<String, String> EXAMPLE_VALUES = Map.ofEntries(Map.entry("ptype", "RegExp"),
			Map.entry("pattern", "sshd\\[\\d+\\]: Failed password for (\\S+) from ([\\d.]+)"),
			Map.entry("desc", "failed logins for $1 from $2"), Map.entry("action", "write - %s"),
			Map.entry("window", "60"), Map.entry("thresh", "3"), Map.entry("ptype2", "RegExp"),
			Map.entry("pattern2", "sshd\\[\\d+\\]: Accepted password for $1 from $2"),
			Map.entry("desc2", "$1 logged in after failures"), Map.entry("action2", "write - %s"),
			Map.entry("window2", "300"), Map.entry("thresh2", "0"), Map.entry("time", "0 * * * *"),
			Map.entry("script", "/usr/local/bin/check-host $2"));

	/** On an empty line outside any rule: a skeleton for each rule type with the keywords it requires. */
	private static List<ICompletionProposal> ruleTemplates(String prefix, int offset) {
		List<ICompletionProposal> result = new ArrayList<>();
		for (String type : RuleTypes.NAMES) {
			if (!("type=" + type).startsWith(prefix) && !type.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
				continue;
			}
			Map<String, Boolean> keys = RuleLoader.keywordsForType(type);
			if (keys.isEmpty() || type.equals("Options")) {
				continue;
			}
			StringBuilder b = new StringBuilder("type=").append(type);
			keys.forEach((k, required) -> {
				if (required && !k.equals("type")) {
					b.append('\n').append(k).append('=').append(EXAMPLE_VALUES.getOrDefault(k, "CHANGE_ME"));
				}
			});
			b.append('\n');
			result.add(new PlaceholderProposal(b.toString(), offset - prefix.length(), prefix.length(),
					type + " rule (template)"));
		}
		return result;
	}

	private static List<ICompletionProposal> choices(List<String> values, String typed, int offset,
			boolean ignoreCase) {
		List<ICompletionProposal> result = new ArrayList<>();
		for (String v : values) {
			boolean matches = ignoreCase ? v.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT))
					: v.startsWith(typed);
			if (matches) {
				result.add(proposal(v, v, typed, offset));
			}
		}
		return result;
	}

	private static ICompletionProposal proposal(String text, String display, String typed, int offset) {
		return new CompletionProposal(text, offset - typed.length(), typed.length(), text.length(), null, display, null,
				null);
	}

	private static boolean blank(IDocument doc, int line) throws BadLocationException {
		return text(doc, line).isBlank();
	}

	private static String text(IDocument doc, int line) throws BadLocationException {
		IRegion r = doc.getLineInformation(line);
		return doc.get(r.getOffset(), r.getLength());
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '=' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}

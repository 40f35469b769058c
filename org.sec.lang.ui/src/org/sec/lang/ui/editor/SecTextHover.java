package org.sec.lang.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.sec.engine.pattern.PerlRegex;
import org.sec.engine.pattern.PerlRegexException;
import org.sec.engine.config.ConfigStructure;
import org.sec.engine.config.RawRule;
import org.sec.engine.rules.RuleLoader;
import org.sec.lang.docs.SecDocs;

/**
 * Hovers in rule files: over a keyword, whether the rule's type requires or allows it and
 * what it means; over an action's name, its syntax and meaning; over a RegExp pattern, its capture groups as {@code $1..$N} and {@code $+{name}}, and
 * the java.util.regex text the engine runs (the Perl translation), or why it has none.
 */
public final class SecTextHover implements ITextHover {

	private static final Pattern FIELD = Pattern.compile("^(\\w+)=(.*)$");

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		try {
			return info(viewer.getDocument(), region.getOffset());
		} catch (BadLocationException e) {
			return null;
		}
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	/** The hover text at {@code offset}, or null. */
	public static String info(IDocument doc, int offset) throws BadLocationException {
		int lineNumber = doc.getLineOfOffset(offset);
		IRegion line = doc.getLineInformation(lineNumber);
		Matcher m = FIELD.matcher(doc.get(line.getOffset(), line.getLength()));
		if (!m.matches()) {
			return null;
		}
		String keyword = m.group(1);
		Map<String, String> rule = ruleFields(doc, lineNumber);
		if (offset - line.getOffset() <= keyword.length()) {
			String type = rule.get("type");
			if (type == null || keyword.equals("type")) {
				return null;
			}
			Boolean required = RuleLoader.keywordsForType(type).get(keyword);
			String meaning = SecDocs.field(keyword);
			return keyword + ": " + (required == null ? "not allowed in " + type + " rules (sec rejects the rule)"
					: (required ? "required" : "optional") + " in " + type + " rules")
					+ (meaning == null ? "" : "\n" + meaning);
		}
		if (keyword.matches("action\\d*|init|slide|end|count\\d*")) {
			return actionInfo(m.group(2), offset - line.getOffset() - keyword.length() - 1);
		}
		Matcher slot = Pattern.compile("pattern(\\d*)").matcher(keyword);
		if (slot.matches()) {
			String ptype = rule.getOrDefault("ptype" + slot.group(1), "");
			if (ptype.toLowerCase(java.util.Locale.ROOT).matches("n?regexp\\d*")) {
				return regexInfo(m.group(2));
			}
		}
		return null;
	}

	/** Over an action's name in an action list: its syntax and meaning. */
	private static String actionInfo(String value, int column) {
		if (column < 0 || column >= value.length() || !Character.isLetter(value.charAt(column))) {
			return null;
		}
		int start = column;
		while (start > 0 && Character.isLetter(value.charAt(start - 1))) {
			start--;
		}
		int end = column;
		while (end < value.length() && Character.isLetter(value.charAt(end))) {
			end++;
		}
		String before = value.substring(0, start).stripTrailing();
		if (!before.isEmpty() && !before.endsWith(";") && !before.endsWith("(")) {
			return null; // an argument, not an action's name
		}
		String word = value.substring(start, end).toLowerCase(java.util.Locale.ROOT);
		for (org.sec.engine.action.ActionType t : org.sec.engine.action.ActionType.values()) {
			if (t.keyword().equals(word)) {
				SecDocs.ActionDoc doc = SecDocs.action(t);
				return doc.syntax() + "\n" + doc.summary();
			}
		}
		return null;
	}

	private static String regexInfo(String perl) {
		StringBuilder b = new StringBuilder();
		try {
			PerlRegex.Compiled c = PerlRegex.compile(perl);
			List<String> groups = groups(perl);
			if (groups.isEmpty()) {
				b.append("No capture groups: $1 is 1 when it matches (Perl's list-context match)\n");
			}
			for (int i = 0; i < groups.size(); i++) {
				b.append('$').append(i + 1).append(" = ").append(groups.get(i)).append('\n');
			}
			c.groupNames().keySet().stream().sorted()
					.forEach(n -> b.append("$+{").append(n).append("} is a named group\n"));
			b.append("java.util.regex: ").append(PerlRegex.translate(perl));
		} catch (PerlRegexException e) {
			b.append("Not a valid regular expression: ").append(e.getMessage());
		}
		return b.toString();
	}

	/** The capturing groups of a Perl regex, in order, as written. */
	static List<String> groups(String perl) {
		List<String> groups = new ArrayList<>();
		List<Integer> open = new ArrayList<>();
		List<Integer> capturing = new ArrayList<>();
		boolean inClass = false;
		for (int i = 0; i < perl.length(); i++) {
			char c = perl.charAt(i);
			if (c == '\\') {
				i++;
			} else if (inClass) {
				inClass = c != ']';
			} else if (c == '[') {
				inClass = true;
				if (i + 1 < perl.length() && perl.charAt(i + 1) == ']') {
					i++;
				}
			} else if (c == '(') {
				boolean named = perl.startsWith("(?<", i) && !perl.startsWith("(?<=", i) && !perl.startsWith("(?<!", i)
						|| perl.startsWith("(?P<", i) || perl.startsWith("(?'", i);
				boolean captures = i + 1 >= perl.length() || perl.charAt(i + 1) != '?' || named;
				open.add(i);
				if (captures) {
					capturing.add(groups.size());
					groups.add(null);
				} else {
					capturing.add(-1);
				}
			} else if (c == ')' && !open.isEmpty()) {
				int start = open.remove(open.size() - 1);
				int index = capturing.remove(capturing.size() - 1);
				if (index >= 0) {
					groups.set(index, perl.substring(start, i + 1));
				}
			}
		}
		groups.replaceAll(g -> g == null ? "(unclosed)" : g);
		return groups;
	}

	/** The fields of the rule around a (0-based) line, as sec groups and joins them. */
	private static Map<String, String> ruleFields(IDocument doc, int lineNumber) {
		return ConfigStructure.parse(doc.get()).ruleAt(lineNumber + 1).map(RawRule::fields).orElse(Map.of());
	}
}

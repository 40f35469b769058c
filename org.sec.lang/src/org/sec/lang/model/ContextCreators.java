package org.sec.lang.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionListParser;
import org.sec.engine.action.ActionType;
import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigLineReader;

/**
 * Which actions bring a context into being, as the engine parses them: create, set, add,
 * prepend, fill and alias, and the internal contexts of cspawn, cevent and addinput. The
 * lint on contexts tested but never created and the editor's context hyperlinks use it.
 */
public final class ContextCreators {

	/** A place in a rule file's text that creates a context: offset and length of the name as written. */
	public record Place(int offset, int length, int line) {
	}

	private static final Pattern ACTION_FIELD = Pattern.compile("action\\d*|init|slide|end|count\\d*");
	private static final Pattern VARIABLE = Pattern
			.compile("\\$(?:[0-9]+|\\{[0-9]+\\}|\\+\\{[^}]*\\}|\\$)|%(?:\\{[^}]*\\}|\\.?[A-Za-z]\\w*|%)");

	private ContextCreators() {
	}

	/** The context names (as written, possibly with $1 or %var) that the actions create, nested lists included. */
	public static Set<String> namesCreatedBy(List<Action> actions) {
		Set<String> names = new LinkedHashSet<>();
		collect(actions, names);
		return names;
	}

	private static void collect(List<Action> list, Set<String> created) {
		for (Action a : list) {
			String name = switch (a.type()) {
			case CREATE, SET, ADD, PREPEND, FILL, CSPAWN, CSPAWNEXEC, CEVENT -> a.arg(0);
			case ALIAS -> a.arg(1);
			case ADDINPUT -> a.arg(2);
			default -> null;
			};
			if (name != null) {
				created.add(name);
			}
			if (a.type() == ActionType.ALIAS) {
				created.add(a.arg(0));
			}
			for (List<Action> nested : a.lists()) {
				collect(nested, created);
			}
		}
	}

	/** A created name as a regex: variables ($1, %x) can stand for any text. */
	public static Pattern template(String written) {
		StringBuilder regex = new StringBuilder();
		Matcher m = VARIABLE.matcher(written);
		int last = 0;
		while (m.find()) {
			regex.append(Pattern.quote(written.substring(last, m.start()))).append(".*");
			last = m.end();
		}
		regex.append(Pattern.quote(written.substring(last)));
		return Pattern.compile(regex.toString(), Pattern.DOTALL);
	}

	/** True when a context created as {@code written} can be the one a rule tests as {@code tested}. */
	public static boolean couldCreate(String written, String tested) {
		if (written.equals(tested)) {
			return true;
		}
		boolean variables = VARIABLE.matcher(written).find();
		if (!variables) {
			return false;
		}
		// a tested name with variables of its own matches a creator with the same fixed text around them
		return template(written).matcher(tested).matches() || template(tested).matcher(written).matches();
	}

	/** Every context name (as written) that the actions of a rule file's text create, in file order. */
	public static Set<String> namesCreatedIn(String text) {
		Set<String> names = new LinkedHashSet<>();
		actionFields(text).forEach(f -> names.addAll(namesCreatedBy(f.actions())));
		return names;
	}

	/**
	 * The places in a rule file's text whose actions create {@code tested}: one per action
	 * field, at the first spelling of the created name there.
	 */
	public static List<Place> places(String text, String tested) {
		int[] lineStarts = lineStarts(text);
		List<Place> places = new ArrayList<>();
		for (ActionField field : actionFields(text)) {
			ConfigLine line = field.line();
			int start = lineStarts[line.firstLine() - 1];
			int end = line.lastLine() < lineStarts.length ? lineStarts[line.lastLine()] : text.length();
			String region = text.substring(start, end);
			for (String written : namesCreatedBy(field.actions())) {
				if (!couldCreate(written, tested)) {
					continue;
				}
				Matcher m = Pattern.compile("(?<![^\\s;(])" + Pattern.quote(written) + "(?![^\\s;)])").matcher(region);
				if (m.find()) {
					places.add(new Place(start + m.start(), written.length(), lineOf(lineStarts, start + m.start()) + 1));
					break;
				}
			}
		}
		return places;
	}

	private record ActionField(ConfigLine line, List<Action> actions) {
	}

	/** The action-list fields of a rule file's text that parse, with their actions. */
	private static List<ActionField> actionFields(String text) {
		List<ActionField> fields = new ArrayList<>();
		for (ConfigLine line : ConfigLineReader.read(text)) {
			if (line.kind() == ConfigLine.Kind.FIELD && ACTION_FIELD.matcher(line.keyword()).matches()) {
				List<Action> actions = ActionListParser.parse(line.value(), "", 0, new ArrayList<>());
				if (actions != null) {
					fields.add(new ActionField(line, actions));
				}
			}
		}
		return fields;
	}

	private static int[] lineStarts(String text) {
		List<Integer> starts = new ArrayList<>(List.of(0));
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				starts.add(i + 1);
			}
		}
		return starts.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int lineOf(int[] lineStarts, int offset) {
		int i = java.util.Arrays.binarySearch(lineStarts, offset);
		return i >= 0 ? i : -i - 2;
	}
}

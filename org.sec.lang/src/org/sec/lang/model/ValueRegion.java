package org.sec.lang.model;

import java.util.List;

import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.sec.engine.config.ConfigLineReader;
import org.sec.lang.sec.Field;
import org.sec.lang.sec.SecPackage;

/**
 * A field's value as sec sees it (continuation lines joined, blanks trimmed) with the
 * document offset of each of its characters, so that a message about part of a value
 * (one action of a list, a variable, a label) marks exactly that part, across
 * continuation lines. The joining itself is the engine's.
 */
public final class ValueRegion {

	private final String value;
	private final int[] offsets;

	private ValueRegion(String value, int[] offsets) {
		this.value = value;
		this.offsets = offsets;
	}

	/** The region of a field's value, or {@code null} when it has none (or sec drops it). */
	public static ValueRegion of(Field field) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(field, SecPackage.Literals.FIELD__VALUE);
		if (nodes.isEmpty()) {
			return null;
		}
		INode node = nodes.get(0);
		String token = node.getText(); // starts with '='
		int[] sources = ConfigLineReader.joinedSourceIndexes(token);
		if (sources == null || sources.length == 0) {
			return null;
		}
		StringBuilder joined = new StringBuilder();
		for (int i : sources) {
			joined.append(token.charAt(i));
		}
		int start = 1; // '=' and the blanks after it are not part of the value
		while (start < joined.length() && ConfigLineReader.isPerlWhitespace(joined.charAt(start))) {
			start++;
		}
		int[] offsets = new int[joined.length() - start];
		for (int i = start; i < joined.length(); i++) {
			offsets[i - start] = node.getOffset() + sources[i];
		}
		return new ValueRegion(joined.substring(start), offsets);
	}

	/** The value sec sees. */
	public String value() {
		return value;
	}

	/** Document offset and length of value characters [from, to); the length spans any continuation between them. */
	public int[] span(int from, int to) {
		if (from < 0 || to > offsets.length || from >= to) {
			throw new IndexOutOfBoundsException(from + ".." + to + " of " + offsets.length);
		}
		return new int[] { offsets[from], offsets[to - 1] + 1 - offsets[from] };
	}

	/** The whole value's span. */
	public int[] span() {
		return span(0, offsets.length);
	}

	/** The span of the first occurrence of {@code text} in the value, or {@code null}. */
	public int[] spanOf(String text) {
		int at = text.isEmpty() ? -1 : value.indexOf(text);
		return at < 0 ? null : span(at, at + text.length());
	}
}

package org.sec.engine.tests.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares transcripts ("second TAB line") second by second. Within one second lines are
 * a multiset, because sec's order there can come from Perl hash order (inventory §17).
 */
public final class Transcripts {

	private Transcripts() {
	}

	public static Map<Long, List<String>> bySecond(List<String> transcript) {
		Map<Long, List<String>> result = new TreeMap<>();
		for (String line : transcript) {
			if (line.startsWith("# made by:")) {
				continue;
			}
			int tab = line.indexOf('\t');
			result.computeIfAbsent(Long.parseLong(line.substring(0, tab)), s -> new ArrayList<>()).add(line);
		}
		result.values().forEach(l -> l.sort(null));
		return result;
	}

	public static List<String> withoutSeconds(List<String> transcript) {
		return transcript.stream().filter(l -> !l.startsWith("# made by:")).map(l -> l.substring(l.indexOf('\t') + 1))
				.sorted().toList();
	}
}

package org.sec.lang.formatting;

import java.util.List;

import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigLineReader;

/**
 * Normalises a rule file without changing what sec loads from it: every logical line
 * becomes one physical line (continuations joined as sec joins them), keywords and
 * values lose surrounding blanks ("key = v" becomes "key=v"), comments stay where they
 * are, runs of separator lines shrink to one blank line, trailing blanks go. A
 * continuation left open at the end of the file is dropped, as sec drops it.
 */
public final class SecFormatter {

	private SecFormatter() {
	}

	public static String format(String text) {
		List<ConfigLine> lines = ConfigLineReader.read(text);
		StringBuilder out = new StringBuilder(text.length());
		boolean pendingBlank = false;
		boolean started = false;
		for (ConfigLine line : lines) {
			if (line.kind() == ConfigLine.Kind.BLANK || line.kind() == ConfigLine.Kind.DANGLING_CONTINUATION) {
				pendingBlank = started;
				continue;
			}
			if (pendingBlank) {
				out.append('\n');
				pendingBlank = false;
			}
			// comments and malformed lines are kept as written (sec reports the latter; the user should see it)
			out.append(line.kind() == ConfigLine.Kind.FIELD ? line.keyword() + "=" + line.value() : line.text())
					.append('\n');
			started = true;
		}
		return out.toString();
	}
}

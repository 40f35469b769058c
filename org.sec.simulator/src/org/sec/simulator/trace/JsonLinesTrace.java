package org.sec.simulator.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Writes trace events as JSON lines: one object per event with {@code time},
 * {@code line}, {@code kind}, {@code subject} and the event's details.
 */
public final class JsonLinesTrace implements Consumer<TraceEvent> {

	private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
	private final Writer out;

	public JsonLinesTrace(Writer out) {
		this.out = out;
	}

	public static String toJson(TraceEvent e) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("time", e.time());
		o.put("line", e.lineNumber());
		o.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
		o.put("subject", e.subject());
		if (!e.detail().isEmpty()) {
			o.put("detail", e.detail());
		}
		return GSON.toJson(o);
	}

	@Override
	public void accept(TraceEvent e) {
		try {
			out.write(toJson(e));
			out.write('\n');
		} catch (IOException x) {
			throw new UncheckedIOException(x);
		}
	}
}

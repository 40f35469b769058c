package org.sec.engine.dump;

import java.util.List;
import java.util.Map;

import org.sec.engine.api.EngineSnapshot;
import org.sec.engine.api.SecVersion;

/**
 * sec's --dumpfjson dump (dump_data_json L11639): one JSON object with the keys sec
 * uses. Written by hand because the engine depends on nothing but the JDK. Fields jsec
 * does not track (env, CPU times, input details) are left out.
 */
public final class JsonDump {

	private JsonDump() {
	}

	public static String render(EngineSnapshot s, long startTime, String options) {
		StringBuilder b = new StringBuilder("{");
		b.append("\"program\":{");
		field(b, "version", "SEC (Simple Event Correlator) " + SecVersion.EMULATED_SEC_VERSION).append(',');
		field(b, "startuptime", startTime).append(',');
		field(b, "dumptime", s.time()).append(',');
		field(b, "options", options).append("},");
		b.append("\"perf\":{");
		field(b, "runtime", s.time() - startTime).append(',');
		field(b, "lines", s.linesProcessed()).append("},");

		b.append("\"rulestats\":{");
		String file = null;
		boolean firstFile = true;
		for (EngineSnapshot.RuleUsage u : s.ruleUsage()) {
			if (!u.file().equals(file)) {
				if (file != null) {
					b.append("]}");
				}
				b.append(firstFile ? "" : ",");
				firstFile = false;
				file = u.file();
				string(b, file).append(":{\"stats\":[");
			} else {
				b.append(',');
			}
			b.append('{');
			field(b, "desc", u.desc()).append(',');
			field(b, "matches", u.matches()).append(',');
			field(b, "ruleline", u.line()).append('}');
		}
		if (file != null) {
			b.append("]}");
		}
		b.append("},");

		b.append("\"pendingevents\":[");
		for (int i = 0; i < s.pendingEvents().size(); i++) {
			EngineSnapshot.PendingEventView p = s.pendingEvents().get(i);
			b.append(i > 0 ? ",{" : "{");
			field(b, "event", p.event()).append(',');
			field(b, "time", p.due()).append('}');
		}
		b.append("],");

		b.append("\"operations\":{");
		for (int i = 0; i < s.operations().size(); i++) {
			EngineSnapshot.OperationView op = s.operations().get(i);
			if (i > 0) {
				b.append(',');
			}
			string(b, op.key()).append(":{");
			field(b, "key", op.key()).append(',');
			field(b, "starttime", op.startTime()).append(',');
			field(b, "windowstart", op.windowStart()).append(',');
			if (op.windowEnd() >= 0) {
				field(b, "windowend", op.windowEnd()).append(',');
			}
			field(b, "configfile", op.file()).append(',');
			field(b, "ruleid", op.ruleId()).append(',');
			field(b, "type", op.type()).append(',');
			field(b, "desc", op.desc()).append(',');
			b.append("\"eventtimes\":");
			numbers(b, op.eventTimes()).append('}');
		}
		b.append("},");

		b.append("\"contexts\":[");
		for (int i = 0; i < s.contexts().size(); i++) {
			EngineSnapshot.ContextView c = s.contexts().get(i);
			b.append(i > 0 ? ",{" : "{");
			b.append("\"name\":");
			strings(b, c.names()).append(',');
			field(b, "creationtime", c.created()).append(',');
			field(b, "lifetime", c.lifetime()).append(',');
			if (c.onExpiry() != null) {
				field(b, "action", c.onExpiry()).append(',');
			}
			b.append("\"buffer\":");
			strings(b, c.events()).append('}');
		}
		b.append("],");

		b.append("\"variables\":{");
		boolean first = true;
		for (Map.Entry<String, String> v : s.variables().entrySet()) {
			if (!first) {
				b.append(',');
			}
			first = false;
			string(b, v.getKey()).append(':');
			if (v.getValue() == null) {
				b.append("null");
			} else {
				string(b, v.getValue());
			}
		}
		b.append("}}\n");
		return b.toString();
	}

	private static StringBuilder field(StringBuilder b, String name, String value) {
		return string(string(b, name).append(':'), value);
	}

	private static StringBuilder field(StringBuilder b, String name, long value) {
		return string(b, name).append(':').append(value);
	}

	private static StringBuilder numbers(StringBuilder b, List<Long> values) {
		b.append('[');
		for (int i = 0; i < values.size(); i++) {
			b.append(i > 0 ? "," : "").append(values.get(i));
		}
		return b.append(']');
	}

	private static StringBuilder strings(StringBuilder b, List<String> values) {
		b.append('[');
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				b.append(',');
			}
			string(b, values.get(i));
		}
		return b.append(']');
	}

	/** A JSON string; the engine's strings are bytes as ISO-8859-1 characters. */
	static StringBuilder string(StringBuilder b, String s) {
		b.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			case '\n' -> b.append("\\n");
			case '\r' -> b.append("\\r");
			case '\t' -> b.append("\\t");
			case '\b' -> b.append("\\b");
			case '\f' -> b.append("\\f");
			default -> {
				if (c < 0x20) {
					b.append(String.format("\\u%04x", (int) c));
				} else {
					b.append(c);
				}
			}
			}
		}
		return b.append('"');
	}
}

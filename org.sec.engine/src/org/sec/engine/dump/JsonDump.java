package org.sec.engine.dump;

import java.util.List;
import java.util.Map;

import org.sec.engine.api.EngineSnapshot;

/**
 * sec's --dumpfjson dump (dump_data_json L11639): one JSON object with the keys sec
 * uses. Written by hand because the engine depends on nothing but the JDK.
 */
public final class JsonDump {

	private JsonDump() {
	}

	private static void buffer(StringBuilder b, EngineSnapshot.InputBufferView v) {
		if (v == null) {
			return;
		}
		b.append("\"buffer\":{");
		field(b, "bufmode", v.joint() ? "joint buffer for all input sources" : "separate buffer for each input source")
				.append(',');
		field(b, "bufsize", v.size()).append(',');
		if (v.joint()) {
			b.append("\"lastlines\":");
			strings(b, v.lines().get(""));
			b.append(",\"lastinputs\":");
			strings(b, v.sources().get(""));
		} else {
			b.append("\"lastlines\":{");
			boolean first = true;
			for (Map.Entry<String, List<String>> e : v.lines().entrySet()) {
				if (e.getKey() == null) {
					continue;
				}
				b.append(first ? "" : ",");
				first = false;
				string(b, e.getKey()).append(':');
				strings(b, e.getValue());
			}
			b.append("},\"lastsynevents\":");
			strings(b, v.lines().getOrDefault(null, List.of()));
		}
		b.append("},");
	}

	public static String render(EngineSnapshot s, long startTime, String options) {
		return render(s, startTime, options, null);
	}

	/** The dump; {@code inputs} are jsec's input sources ({@code null}: no "inputs" key). */
	public static String render(EngineSnapshot s, long startTime, String options, List<InputSourceView> inputs) {
		ProcessInfo process = ProcessInfo.current();
		StringBuilder b = new StringBuilder("{");
		b.append("\"program\":{");
		field(b, "version", s.secVersion().banner()).append(',');
		field(b, "startuptime", startTime).append(',');
		field(b, "confloadtime", startTime).append(',');
		field(b, "dumptime", s.time()).append(',');
		field(b, "rcfile", "none").append(',');
		field(b, "options", options).append(',');
		b.append("\"euid\":").append(process.uid().matches("\\d+") ? process.uid() : "null").append(',');
		b.append("\"egid\":").append(process.gid().matches("\\d+") ? process.gid() : "null").append(',');
		b.append("\"sgid\":[").append(String.join(",", process.groups().isBlank() ? List.of()
				: List.of(process.groups().split("\\s+")))).append("]},");
		b.append("\"env\":{");
		boolean firstEnv = true;
		for (Map.Entry<String, String> e : new java.util.TreeMap<>(System.getenv()).entrySet()) {
			b.append(firstEnv ? "" : ",");
			firstEnv = false;
			field(b, e.getKey(), e.getValue());
		}
		b.append("},");
		b.append("\"perf\":{");
		field(b, "runtime", s.time() - startTime).append(',');
		b.append("\"user\":").append(ProcessInfo.perlNumber(process.user())).append(',');
		b.append("\"system\":").append(ProcessInfo.perlNumber(process.system())).append(',');
		b.append("\"childuser\":").append(ProcessInfo.perlNumber(process.childUser())).append(',');
		b.append("\"childsystem\":").append(ProcessInfo.perlNumber(process.childSystem())).append(',');
		field(b, "lines", s.linesProcessed()).append("},");
		if (inputs != null) {
			b.append("\"inputs\":{");
			for (int i = 0; i < inputs.size(); i++) {
				InputSourceView in = inputs.get(i);
				b.append(i > 0 ? "," : "");
				string(b, in.name()).append(":{");
				field(b, "file", in.name()).append(',');
				if (in.open()) {
					field(b, "status", "Open").append(',');
					if (in.regularFile()) {
						field(b, "type", "regular file").append(',');
						field(b, "offset", in.readOffset()).append(',');
						field(b, "size", in.fileSize()).append(',');
					} else {
						field(b, "type", "pipe").append(',');
					}
					field(b, "dev", in.device()).append(',');
					field(b, "inode", in.inode()).append(',');
				} else {
					field(b, "status", "Closed").append(',');
				}
				if (in.context() != null) {
					field(b, "context", in.context()).append(',');
				}
				field(b, "lines", in.lines()).append('}');
			}
			b.append("},");
		}
		buffer(b, s.inputBuffer());

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
			if (p.context() != null) {
				field(b, "context", p.context()).append(',');
			}
			field(b, "time", p.due()).append('}');
		}
		b.append("],");

		b.append("\"pmatchcache\":{");
		boolean firstMatch = true;
		for (Map.Entry<String, Map<String, String>> m : s.matchCache().entrySet()) {
			b.append(firstMatch ? "" : ",");
			firstMatch = false;
			string(b, m.getKey()).append(':');
			nullableStrings(b, m.getValue());
		}
		b.append("},");

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
			field(b, "type", op.type());
			for (EngineSnapshot.Detail d : op.details()) {
				b.append(',');
				if (d.numeric()) {
					string(b, d.key()).append(':').append(d.value());
				} else {
					field(b, d.key(), d.value());
				}
			}
			if (op.status() != null) {
				b.append(',');
				field(b, "status", op.status()).append(",\"eventtimes\":");
				numbers(b, op.eventTimes());
				if (op.type().startsWith("EventGroup")) {
					b.append(",\"eventpatterns\":");
					numbers(b, op.eventPatterns().stream().map(Integer::longValue).toList());
					if (op.details().stream().anyMatch(d -> d.key().equals("egpattern"))) {
						b.append(",\"eventtokens\":");
						strings(b, op.eventTokens());
					}
				}
			}
			b.append('}');
		}
		b.append("},");

		b.append("\"contexts\":[");
		for (int i = 0; i < s.contexts().size(); i++) {
			EngineSnapshot.ContextView c = s.contexts().get(i);
			b.append(i > 0 ? ",{" : "{");
			b.append("\"name\":");
			strings(b, c.names()).append(',');
			boolean storeTimes = s.secVersion().hasEventStoreTimes();
			if (storeTimes) { // sec 2.9.4 dump_data_json L12101
				field(b, "inittime", c.initialized()).append(',');
			}
			field(b, "creationtime", c.created()).append(',');
			field(b, "lifetime", c.lifetime()).append(',');
			if (c.onExpiry() != null) {
				field(b, "action", c.onExpiry()).append(',');
			}
			b.append("\"buffer\":");
			strings(b, c.events());
			if (storeTimes) {
				b.append(",\"times\":[");
				for (int j = 0; j < c.eventTimes().size(); j++) {
					b.append(j > 0 ? "," : "").append(c.eventTimes().get(j));
				}
				b.append(']');
			}
			b.append('}');
		}
		b.append("],");

		b.append("\"children\":{");
		for (int i = 0; i < s.children().size(); i++) {
			EngineSnapshot.ChildView c = s.children().get(i);
			b.append(i > 0 ? "," : "");
			string(b, Long.toString(c.pid())).append(":{");
			field(b, "pid", c.pid()).append(',');
			field(b, "cmdline", c.command());
			if (c.pipeInput()) {
				b.append(',');
				field(b, "status", "Connected to pipe input");
				if (c.context() != null) {
					b.append(',');
					field(b, "context", c.context());
				}
			}
			b.append('}');
		}
		b.append("},");

		b.append("\"variables\":");
		nullableStrings(b, s.variables()).append("}\n");
		return b.toString();
	}

	/** A JSON object of strings, {@code null} values as JSON null (Perl's undef). */
	private static StringBuilder nullableStrings(StringBuilder b, Map<String, String> values) {
		b.append('{');
		boolean first = true;
		for (Map.Entry<String, String> e : values.entrySet()) {
			b.append(first ? "" : ",");
			first = false;
			string(b, e.getKey()).append(':');
			if (e.getValue() == null) {
				b.append("null");
			} else {
				string(b, e.getValue());
			}
		}
		return b.append('}');
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
			if (values.get(i) == null) {
				b.append("null"); // a synthetic event's source
			} else {
				string(b, values.get(i));
			}
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

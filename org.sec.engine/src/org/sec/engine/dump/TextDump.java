package org.sec.engine.dump;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.sec.engine.api.EngineSnapshot;

/**
 * sec's text dump (dump_data L11007, written on SIGUSR1). Sections and their wording
 * follow sec. Differences: the input sources' read offset counts the bytes of the lines
 * delivered (sec's is where its block reads stand); a PerlFunc pattern prints its code,
 * where sec prints the code reference's address.
 */
public final class TextDump {

	private static final String EQUALS = "=".repeat(60);
	private static final String DASHES = "-".repeat(60);
	/** The zone the dump's times are printed in (the engine clock's). */
	private final ZoneId zone;

	private TextDump(ZoneId zone) {
		this.zone = zone;
	}

	private void inputBuffer(StringBuilder b, EngineSnapshot.InputBufferView v) {
		if (v == null) {
			return;
		}
		if (v.joint()) {
			b.append("Input buffering mode: joint buffer for all input sources\n");
			b.append("Size of input buffer: ").append(v.size()).append("\n\n");
			b.append("Content of input buffer (last ").append(v.size()).append(" input line(s)):\n").append(DASHES)
					.append('\n');
			v.lines().get("").forEach(l -> b.append(l).append('\n'));
			b.append(DASHES).append("\n\n");
			b.append("Last ").append(v.size()).append(" input source(s):\n").append(DASHES).append('\n');
			v.sources().get("").forEach(src -> b.append(src == null ? "synthetic event" : src).append('\n'));
			b.append(DASHES).append("\n\n");
			return;
		}
		b.append("Input buffering mode: separate buffer for each input source\n");
		b.append("Size of each input buffer: ").append(v.size()).append("\n\n");
		v.lines().forEach((source, lines) -> {
			b.append(source == null ? "Content of input buffer for synthetic events:\n"
					: "Content of input buffer for " + source + ":\n").append(DASHES).append('\n');
			lines.forEach(l -> b.append(l).append('\n'));
			b.append(DASHES).append("\n\n");
		});
	}

	/** print_operation (L10658). */
	private void operation(StringBuilder b, EngineSnapshot.OperationView op) {
		b.append("Key: ").append(op.key()).append('\n');
		b.append("Operation started at: ").append(time(op.startTime())).append('\n');
		b.append("Correlation window begins at: ").append(time(op.windowStart())).append('\n');
		if (op.windowEnd() >= 0) {
			b.append("Correlation window ends at: ").append(time(op.windowEnd())).append('\n');
		}
		b.append("Configuration file: ").append(op.file()).append('\n');
		b.append("Rule number: ").append(op.ruleId() + 1).append('\n');
		b.append("Rule internal ID: ").append(op.ruleId()).append('\n');
		b.append("Type: ").append(op.type()).append('\n');
		for (EngineSnapshot.Detail d : op.details()) {
			b.append(d.label()).append(": ");
			if (d.key().startsWith("window")) {
				// a Pair without a window waits forever
				b.append(op.type().equals("Pair") && d.value().equals("0") ? "infinite" : d.value() + " seconds");
			} else {
				b.append(d.value());
			}
			b.append('\n');
		}
		if (op.status() != null) {
			b.append(op.eventTimes().size()).append(" events observed at (").append(switch (op.status()) {
			case "threshold reached" -> "seen before threshold was crossed";
			case "thresholds reached" -> "seen before thresholds were crossed";
			default -> op.status();
			}).append("):\n");
			boolean group = op.type().startsWith("EventGroup");
			for (int i = 0; i < op.eventTimes().size(); i++) {
				b.append(time(op.eventTimes().get(i)));
				if (group) {
					b.append(" (matched by pattern #").append(op.eventPatterns().get(i));
					if (!op.eventTokens().isEmpty()) {
						b.append(", event group token: ").append(op.eventTokens().get(i));
					}
					b.append(')');
				}
				b.append('\n');
			}
		}
		b.append('\n');
	}

	private String time(long epoch) {
		return org.sec.engine.syntax.PerlTime.scalar(epoch, zone);
	}

	/** The dump text without the input sources section (an engine without jsec's inputs). */
	public static String render(EngineSnapshot s, ZoneId zone, long startTime, String options) {
		return render(s, zone, startTime, options, null);
	}

	/**
	 * The dump text, its times in {@code zone}. {@code startTime} is when the engine started,
	 * {@code options} its command line, {@code inputs} what jsec reads ({@code null}: no such section).
	 */
	public static String render(EngineSnapshot s, ZoneId zone, long startTime, String options,
			java.util.List<InputSourceView> inputs) {
		return new TextDump(zone).text(s, startTime, options, inputs);
	}

	private String text(EngineSnapshot s, long startTime, String options, java.util.List<InputSourceView> inputs) {
		StringBuilder b = new StringBuilder();
		b.append("Program information:\n").append(EQUALS).append('\n');
		ProcessInfo process = ProcessInfo.current();
		b.append("Program version: ").append(s.secVersion().banner()).append('\n');
		b.append("Time of the start: ").append(time(startTime)).append('\n');
		b.append("Time of the last configuration load: ").append(time(startTime)).append('\n');
		b.append("Time of the dump: ").append(time(s.time())).append('\n');
		b.append("Program resource file: none\n");
		b.append("Program options: ").append(options).append('\n');
		b.append("Effective user ID: ").append(process.uid()).append('\n');
		b.append("Effective group ID: ").append(process.gid()).append('\n');
		b.append("Supplementary group IDs: ").append(process.groups()).append("\n\n");

		b.append("Environment:\n").append(EQUALS).append('\n');
		new java.util.TreeMap<>(System.getenv()).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
		b.append('\n');

		b.append("Performance statistics:\n").append(EQUALS).append('\n');
		b.append("Run time: ").append(s.time() - startTime).append(" seconds\n");
		b.append("User time: ").append(ProcessInfo.perlNumber(process.user())).append(" seconds\n");
		b.append("System time: ").append(ProcessInfo.perlNumber(process.system())).append(" seconds\n");
		b.append("Child user time: ").append(ProcessInfo.perlNumber(process.childUser())).append(" seconds\n");
		b.append("Child system time: ").append(ProcessInfo.perlNumber(process.childSystem())).append(" seconds\n");
		b.append("Processed input lines: ").append(s.linesProcessed()).append("\n\n");

		b.append("Rule usage statistics:\n").append(EQUALS).append('\n');
		Map<String, java.util.List<EngineSnapshot.RuleUsage>> byFile = new java.util.LinkedHashMap<>();
		s.ruleUsage().forEach(u -> byFile.computeIfAbsent(u.file(), f -> new java.util.ArrayList<>()).add(u));
		byFile.forEach((file, rules) -> {
			b.append("\nStatistics for the rules from ").append(file).append('\n');
			b.append("(loaded at ").append(time(startTime)).append(")\n").append(DASHES).append('\n');
			// sec pads the numbers to the widest of each column (L11116)
			int w1 = Integer.toString(rules.size()).length();
			int w2 = rules.stream().mapToInt(u -> Integer.toString(u.line()).length()).max().orElse(1);
			int w3 = rules.stream().mapToInt(u -> Long.toString(u.matches()).length()).max().orElse(1);
			for (EngineSnapshot.RuleUsage u : rules) {
				b.append(String.format(Locale.ROOT, "Rule %" + w1 + "d line %" + w2 + "d matched %" + w3 + "d events (%s)%n",
						u.ruleNumber(), u.line(), u.matches(), u.desc()));
			}
		});
		b.append('\n');

		if (inputs != null) {
			b.append("Input sources:\n").append(EQUALS).append('\n');
			for (InputSourceView in : inputs) {
				b.append(in.name()).append(' ');
				if (in.open()) {
					b.append("(status: Open, ");
					if (in.regularFile()) {
						b.append("type: regular file, read offset: ").append(in.readOffset()).append(", file size: ")
								.append(in.fileSize());
					} else {
						b.append("type: pipe");
					}
					b.append(", device/inode: ").append(in.device()).append('/').append(in.inode()).append(", ");
				} else {
					b.append("(status: Closed, ");
				}
				b.append("received data: ").append(in.lines()).append(" lines, ");
				b.append(in.context() != null ? "context: " + in.context() : "no context set").append(")\n");
			}
			b.append('\n');
		}
		inputBuffer(b, s.inputBuffer());

		b.append("Pending events:\n").append(EQUALS).append('\n');
		for (EngineSnapshot.PendingEventView p : s.pendingEvents()) {
			b.append("Event: ").append(p.event()).append('\n');
			b.append("Will be created at ").append(time(p.due()));
			if (p.context() != null) {
				b.append(" with context '").append(p.context()).append('\'');
			}
			b.append("\n\n");
		}
		b.append("Total: ").append(s.pendingEvents().size()).append(" elements\n\n");

		b.append("Pattern match cache:\n").append(EQUALS).append('\n');
		s.matchCache().forEach((match, vars) -> {
			b.append("Match: ").append(match).append('\n');
			vars.forEach((name, value) -> b.append(name).append(" = ").append(value == null ? "undef" : value).append('\n'));
			b.append('\n');
		});
		b.append("Total: ").append(s.matchCache().size()).append(" elements\n\n");

		b.append("List of event correlation operations:\n").append(EQUALS).append('\n');
		for (EngineSnapshot.OperationView op : s.operations()) {
			operation(b, op);
			b.append(DASHES).append('\n');
		}
		b.append("Total: ").append(s.operations().size()).append(" elements\n\n");

		b.append("List of contexts:\n").append(EQUALS).append('\n');
		boolean storeTimes = s.secVersion().hasEventStoreTimes();
		for (EngineSnapshot.ContextView c : s.contexts()) {
			for (String name : c.names()) {
				b.append(storeTimes ? "Context name: " : "Context Name: ").append(name).append('\n');
			}
			if (storeTimes) { // sec 2.9.4 dump_data L11543-11547
				b.append("Initialized at: ").append(time(c.initialized())).append('\n');
				b.append("Creation time: ").append(time(c.created())).append('\n');
			} else {
				b.append("Creation Time: ").append(time(c.created())).append('\n');
			}
			b.append(c.lifetime() != 0 ? "Lifetime: " + c.lifetime() + " seconds\n" : "Lifetime: infinite\n");
			if (c.onExpiry() != null) {
				b.append("Action on delete: ").append(c.onExpiry()).append(" (%s = ").append(c.desc()).append(")\n");
			}
			if (!c.events().isEmpty()) {
				b.append(c.events().size()).append(" events associated with context:\n");
				for (int j = 0; j < c.events().size(); j++) {
					b.append(c.events().get(j));
					if (storeTimes) {
						long t = j < c.eventTimes().size() ? c.eventTimes().get(j) : 0;
						b.append(" (received at ").append(time(t)).append(')');
					}
					b.append('\n');
				}
			}
			b.append(DASHES).append('\n');
		}
		b.append("Total: ").append(s.contexts().size()).append(" elements\n\n");

		b.append("Child processes:\n").append(EQUALS).append('\n');
		for (EngineSnapshot.ChildView c : s.children()) {
			b.append("Child PID: ").append(c.pid()).append('\n');
			b.append("Commandline started by child: ").append(c.command()).append('\n');
			if (c.pipeInput()) {
				b.append("Connected to pipe input");
				if (c.context() != null) {
					b.append(" with context '").append(c.context()).append('\'');
				}
				b.append('\n');
			}
			b.append(DASHES).append('\n');
		}
		b.append("Total: ").append(s.children().size()).append(" elements\n\n");

		b.append("Action list variables:\n").append(EQUALS).append('\n');
		for (Map.Entry<String, String> v : s.variables().entrySet()) {
			b.append('%').append(v.getKey());
			b.append(v.getValue() == null ? " = undef\n" : " = '" + v.getValue() + "'\n");
		}
		b.append("Total: ").append(s.variables().size()).append(" elements\n\n");
		return b.toString();
	}
}

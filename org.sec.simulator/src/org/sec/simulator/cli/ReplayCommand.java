package org.sec.simulator.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.sec.engine.api.EngineListener;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;
import org.sec.simulator.trace.JsonLinesTrace;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** secwb replay: a time-warp replay of a log or scenario against rule files. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Replays a log (or a sec-scenario file) against SEC rules on a virtual clock taken from the "
				+ "log's timestamps, as fast as the machine allows.",
				"Writes what the rules write to standard output (with --transcript: each line after the virtual "
						+ "second, counted from the first line, in which it was written, as sec-scenario does).",
				"Commands, sockets, addinput and writes to files are recorded in the trace, not run, unless "
						+ "--allow-exec is given." })
public final class ReplayCommand implements Callable<Integer> {

	@Option(names = "--rules", required = true, split = ",", paramLabel = "FILE",
			description = "Rule files (as sec --conf; several, or comma-separated).")
	List<String> rules;

	static final class Input {
		@Option(names = "--log", paramLabel = "FILE", description = "A log file with timestamps.")
		Path log;

		@Option(names = "--scenario", paramLabel = "FILE", description = "A sec-scenario file (<seconds> <line>).")
		Path scenario;
	}

	@ArgGroup(exclusive = true, multiplicity = "1")
	Input input;

	@Mixin
	TimingOptions timing;

	@Option(names = "--speed", defaultValue = "max", paramLabel = "max|N",
			description = "max (default) or N virtual seconds per real second.")
	String speed;

	@Option(names = "--until", paramLabel = "TIME",
			description = "Go on to this virtual time after the last line, so that windows and lifetimes can run "
					+ "out (epoch seconds or ISO-8601).")
	String until;

	@Option(names = "--trace", paramLabel = "FILE", description = "Write the trace as JSON lines to FILE ('-' for stdout).")
	Path trace;

	@Option(names = "--transcript", description = "Prefix each output line with its virtual second.")
	boolean transcript;

	@Option(names = "--allow-exec", description = "Run commands, sockets, addinput and file writes as sec would.")
	boolean allowExec;

	@Option(names = "--intevents", description = "As sec --intevents.")
	boolean intevents;

	@Option(names = "--intcontexts", description = "As sec --intcontexts.")
	boolean intcontexts;

	@Option(names = "--sec", paramLabel = "OPTION",
			description = "A sec option that changes behaviour (--cleantime=10, --evstoresize=100, --bufsize=5, ...); "
					+ "may repeat. A scenario's @sec lines are applied first.")
	List<String> secArguments = new ArrayList<>();

	@Option(names = "--sec-version", paramLabel = "VERSION", converter = SecVersionConverter.class,
			description = "Behave as this sec release: 2.9.1, 2.9.2, 2.9.3 or 2.9.4 (default: the newest sec on the"
					+ " PATH, else 2.9.4).")
	org.sec.engine.api.SecVersion secVersion = org.sec.engine.api.SecVersion.target();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ZoneId zoneId;
		try {
			zoneId = timing.zoneId();
		} catch (IllegalArgumentException e) {
			err.println("secwb replay: " + e.getMessage());
			return 2;
		}
		SecLog log = new SecLog(() -> 0, 3, null, System.err); // warnings and errors of the rules
		try (PerlBridge perl = PerlBridge.fromPath()) {
			RuleSet ruleSet = RuleSet.load(Path.of(""), rules, 0, secVersion, perl, d -> {
			});
			ruleSet.errors().forEach(m -> err.println("secwb replay: " + m));
			if (ruleSet.files().isEmpty()) {
				err.println("secwb replay: no rule files loaded");
				return 2;
			}
			ReplaySource source;
			Scenario scenario = null;
			try {
				if (input.scenario != null) {
					scenario = Scenario.parse(Files.readString(input.scenario, StandardCharsets.ISO_8859_1), zoneId);
				}
				source = scenario != null ? ReplaySource.of(scenario) : timing.source(input.log);
			} catch (IllegalArgumentException e) {
				err.println("secwb replay: " + e.getMessage());
				return 2;
			}
			OptionalLong untilSecond;
			try {
				untilSecond = untilSecond(source);
			} catch (IllegalArgumentException e) {
				err.println("secwb replay: " + e.getMessage());
				return 2;
			}
			List<String> secArgs = new ArrayList<>();
			if (scenario != null) {
				secArgs.addAll(scenario.secOptions());
			}
			secArgs.addAll(secArguments);
			if (intevents) {
				secArgs.add("--intevents");
			}
			if (intcontexts) {
				secArgs.add("--intcontexts");
			}
			java.io.ByteArrayOutputStream problems = new java.io.ByteArrayOutputStream();
			SecOptions secOptions = SecOptions.parse(secArgs.toArray(new String[0]),
					new java.io.PrintStream(problems, true, StandardCharsets.UTF_8));
			if (problems.size() > 0) {
				err.println("secwb replay: sec options " + secArgs + ": " + problems.toString(StandardCharsets.UTF_8).trim());
				return 2;
			}
			SecOptions settings = secOptions.withSecVersion(secVersion);
			Replay.Options options = new Replay.Options(settings,
					allowExec ? SideEffects.ALLOW : SideEffects.RECORD_ONLY, untilSecond, zoneId); // one zone: log and engine
			return replay(ruleSet, source, options, log, out, err, zoneId);
		}
	}

	private int replay(RuleSet ruleSet, ReplaySource source, Replay.Options options, SecLog log, PrintWriter out,
			PrintWriter err, ZoneId zoneId) throws IOException {
		Writer traceWriter = null;
		long started = System.nanoTime();
		try (Replay replay = Replay.start(ruleSet, source, options, log)) {
			long startSecond = replay.startSecond();
			if (trace != null) {
				traceWriter = trace.toString().equals("-") ? out
						: new BufferedWriter(Files.newBufferedWriter(trace, StandardCharsets.UTF_8), 1 << 16);
				replay.trace().subscribe(new JsonLinesTrace(traceWriter));
			}
			replay.onOutput(line -> out.println(transcript ? (line.second() - startSecond) + "\t" + line.text()
					: line.text()));
			if (!speed.equalsIgnoreCase("max")) {
				try {
					replay.setSpeed(Double.parseDouble(speed));
				} catch (NumberFormatException e) {
					err.println("secwb replay: --speed takes max or a number, not '" + speed + "'");
					return 2;
				}
			}
			Progress progress = new Progress(err, System.console() != null);
			while (!replay.finished()) {
				replay.runTo(replay.now() + 3600); // an hour of virtual time between progress updates
				progress.show(replay, zoneId);
			}
			progress.done();
			out.flush();
			double seconds = (System.nanoTime() - started) / 1e9;
			err.printf("secwb replay: %d lines, virtual %s .. %s, %.2f s, %.0f lines/s%n", replay.linesReplayed(),
					Instant.ofEpochSecond(startSecond), Instant.ofEpochSecond(replay.now()), seconds,
					replay.linesReplayed() / Math.max(seconds, 1e-9));
			replay.warnings().stream().limit(20).forEach(w -> err.println("secwb replay: warning: " + w));
			if (replay.warnings().size() > 20) {
				err.println("secwb replay: ... " + (replay.warnings().size() - 20) + " more out-of-order lines");
			}
			printHits(replay.hitCounts(), err);
		} catch (UncheckedIOException e) {
			err.println("secwb replay: " + e.getMessage());
			return 1;
		} finally {
			if (traceWriter != null && traceWriter != out) {
				traceWriter.close();
			} else if (traceWriter != null) {
				traceWriter.flush();
			}
		}
		return 0;
	}

	private static void printHits(Map<EngineListener.RuleRef, Long> hits, PrintWriter err) {
		hits.entrySet().stream().sorted(Comparator.comparing((Map.Entry<EngineListener.RuleRef, Long> e) -> e.getKey()
				.file()).thenComparingInt(e -> e.getKey().line())).forEach(e -> err.printf(
						"secwb replay:   %s:%d %s matched %d %s%n", e.getKey().file(), e.getKey().line(),
						e.getKey().type(), e.getValue(), e.getValue() == 1 ? "time" : "times"));
	}

	private OptionalLong untilSecond(ReplaySource source) {
		if (until == null) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(TimeArguments.epochSeconds(until, timing.zoneId()));
	}

	/** A progress line on a terminal, rewritten in place. */
	private static final class Progress {
		private final PrintWriter err;
		private final boolean terminal;
		private long lastShown;

		Progress(PrintWriter err, boolean terminal) {
			this.err = err;
			this.terminal = terminal;
		}

		void show(Replay replay, ZoneId zone) {
			if (!terminal || System.nanoTime() - lastShown < 200_000_000L) {
				return;
			}
			lastShown = System.nanoTime();
			long[] p = replay.progress();
			String percent = p[1] > 0 ? String.format(" %3d%%", p[0] * 100 / p[1]) : "";
			err.printf("\rreplay%s  %,d lines  virtual %s ", percent, replay.linesReplayed(),
					Instant.ofEpochSecond(replay.now()).atZone(zone).toLocalDateTime());
			err.flush();
		}

		void done() {
			if (terminal && lastShown != 0) {
				err.print("\r\033[K");
				err.flush();
			}
		}
	}
}

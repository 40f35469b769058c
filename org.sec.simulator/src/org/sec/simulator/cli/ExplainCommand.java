package org.sec.simulator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.explain.Explainer;
import org.sec.simulator.explain.Explanation;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;

import com.google.gson.GsonBuilder;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** secwb explain: why an event did or did not make a rule fire. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Shows how one event goes through the rules: every rule in order, whether the event reached "
				+ "it, its pattern and context results, the operations it had, and what it did.",
				"With --log, the log is replayed first (time-warp), so operations and contexts are as they were "
						+ "after its last line; the event comes at that time." })
public final class ExplainCommand implements Callable<Integer> {

	@Option(names = "--rules", required = true, split = ",", paramLabel = "FILE", description = "Rule files.")
	List<String> rules;

	@Option(names = "--line", required = true, paramLabel = "TEXT", description = "The event to explain.")
	String line;

	@Option(names = "--log", paramLabel = "FILE", description = "Replay this log first.")
	Path log;

	@Option(names = "--time", paramLabel = "TIME",
			description = "Virtual time of the event without --log (epoch seconds or ISO-8601; default "
					+ "2024-01-01T00:00:00Z).")
	String time;

	@Option(names = "--json", description = "Print the explanation as JSON.")
	boolean json;

	@Mixin
	TimingOptions timing;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		try (PerlBridge perl = PerlBridge.fromPath()) {
			RuleSet ruleSet = RuleSet.load(Path.of(""), rules, 0, perl, d -> {
			});
			ruleSet.errors().forEach(m -> err.println("secwb explain: " + m));
			ReplaySource source;
			try {
				if (log != null) {
					source = timing.source(log);
				} else {
					long at = time == null ? Instant.parse("2024-01-01T00:00:00Z").getEpochSecond()
							: TimeArguments.epochSeconds(time, timing.zoneId());
					source = ReplaySource.of(new Scenario(at, 0, List.of(), List.of()));
				}
			} catch (IllegalArgumentException e) {
				err.println("secwb explain: " + e.getMessage());
				return 2;
			}
			Replay.Options options = new Replay.Options(SecOptions.defaults(), SideEffects.RECORD_ONLY,
					OptionalLong.empty(), timing.zoneId());
			try (Replay replay = Replay.start(ruleSet, source, options, SecLog.toTerminal(() -> 0, 3, System.err))) {
				while (source.peek() != null) {
					replay.stepEvent();
				}
				Explanation x = Explainer.explain(replay, ruleSet, line);
				out.print(json ? toJson(x) + "\n" : Explainer.format(x));
				out.flush();
			}
		}
		return 0;
	}

	private static String toJson(Explanation x) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("line", x.line());
		o.put("time", x.time());
		List<Map<String, Object>> steps = new ArrayList<>();
		for (Explanation.RuleStep s : x.steps()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("file", s.rule().file());
			m.put("line", s.rule().line());
			m.put("type", s.rule().type());
			m.put("desc", s.rule().desc());
			m.put("reached", s.reached());
			List<String> results = new ArrayList<>();
			s.evaluations().forEach(e -> results.add(e.getKey() + ":" + e.getValue().name().toLowerCase()));
			m.put("patterns", results);
			m.put("matched", s.matched());
			if (s.patternAlone() != null) {
				m.put("patternAloneMatches", s.patternAlone());
			}
			m.put("variables", s.variables());
			m.put("operationsBefore", s.operationsBefore());
			m.put("effects", s.effects());
			steps.add(m);
		}
		o.put("rules", steps);
		return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(o);
	}
}

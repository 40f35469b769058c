package org.sec.simulator.tests.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;

/**
 * One zone in a replay: the scenario's @start, Calendar rules, %t and the %.-time
 * variables all read local time in the replay's zone, as sec does under TZ. The expected
 * transcript is what sec-scenario made with TZ=Europe/Berlin (re-checked when sec is here).
 */
class ReplayZoneTest {

	private static final String RULES = """
			type=Calendar
			time=0 1 * * *
			desc=one o clock
			action=write - calendar at %t hour %.hour tz %.tzname

			type=Single
			ptype=SubStr
			pattern=ping
			desc=ping
			action=write - ping at %t
			""";
	private static final String SCENARIO = "@start 2024-01-01 00:58:00\n1 ping\n@end 200\n";
	/** sec 2.9.1 under sec-scenario, TZ=Europe/Berlin: offset, tab, line. */
	private static final List<String> SEC_IN_BERLIN = List.of("1\tping at Mon Jan  1 00:58:01 2024",
			"120\tcalendar at Mon Jan  1 01:00:00 2024 hour 01 tz CET");

	@TempDir
	Path dir;

	private List<String> replay(ZoneId zone) throws Exception {
		Files.writeString(dir.resolve("r.sec"), RULES);
		RuleSet rules = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
		});
		Scenario scenario = Scenario.parse(SCENARIO, zone);
		try (Replay replay = Replay.start(rules, ReplaySource.of(scenario), Replay.Options.defaults().withZone(zone),
				new SecLog(() -> 0, 1, null, null))) {
			replay.run();
			return replay.transcript().stream().map(t -> (t.second() - scenario.startEpochSeconds()) + "\t" + t.text()).toList();
		}
	}

	@Test
	void berlinAsSecUnderTzBerlin() throws Exception {
		assertEquals(SEC_IN_BERLIN, replay(ZoneId.of("Europe/Berlin")));
	}

	/**
	 * In UTC the scenario starts an hour later in absolute time and reads the same local
	 * texts; %.tzname is "UTC", as sec writes it with TZ=UTC (checked with sec-scenario).
	 */
	@Test
	void utcReadsTheSameTextsInUtc() throws Exception {
		assertEquals(List.of("1\tping at Mon Jan  1 00:58:01 2024", "120\tcalendar at Mon Jan  1 01:00:00 2024 hour 01 tz UTC"),
				replay(ZoneId.of("UTC")));
		assertEquals(3600, Scenario.parse(SCENARIO, ZoneOffset.UTC).startEpochSeconds()
				- Scenario.parse(SCENARIO, ZoneId.of("Europe/Berlin")).startEpochSeconds());
	}

	@Test
	void theExpectationIsWhatSecWrites() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed");
		Files.writeString(dir.resolve("r.sec"), RULES);
		Files.writeString(dir.resolve("s.scn"), SCENARIO);
		GoldenFiles.run(dir, List.of("python3", GoldenFiles.sharedDir().resolve("tools/sec-scenario").toString(), "-o",
				dir.resolve("out").toString(), dir.resolve("r.sec").toString(), dir.resolve("s.scn").toString()),
				Map.of("TZ", "Europe/Berlin"));
		List<String> sec = Files.readAllLines(dir.resolve("out/transcript")).stream()
				.map(l -> l.replaceAll("#.*$", "")).filter(l -> !l.isEmpty()).toList();
		assertEquals(SEC_IN_BERLIN, sec);
	}
}

package org.sec.engine.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.sec.engine.api.SecVersion;

/**
 * The scenario goldens real sec made with sec-scenario (scripts/sec-scenario-golden.sh):
 * NAME.rules, NAME.scn and NAME.transcript under golden/scenarios (sec 2.9.1) and
 * golden/sec-2.9.4/scenarios (sec 2.9.4) of the engine tests. A scenario is named
 * "scenarios/NAME" or "sec-2.9.4/scenarios/NAME".
 */
public final class ScenarioGoldens {

	private ScenarioGoldens() {
	}

	/** Every scenario, sorted within each folder. */
	public static Stream<String> names() throws IOException {
		List<String> names = new ArrayList<>();
		for (String folder : List.of("scenarios", GoldenFiles.SEC_294_DIR + "/scenarios")) {
			try (Stream<Path> list = Files.list(GoldenFiles.engineGoldenDir().resolve(folder))) {
				list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".scn"))
						.map(n -> folder + "/" + n.substring(0, n.length() - 4)).sorted().forEach(names::add);
			}
		}
		if (names.isEmpty()) {
			throw new IllegalStateException("no scenarios in " + GoldenFiles.engineGoldenDir());
		}
		return names.stream();
	}

	/** The folder of a scenario. */
	public static Path dir(String qualified) {
		return GoldenFiles.engineGoldenDir().resolve(qualified).getParent();
	}

	/** The scenario's file name without folder and extension. */
	public static String base(String qualified) {
		return qualified.substring(qualified.lastIndexOf('/') + 1);
	}

	/** The sec release that made the scenario's golden transcript. */
	public static SecVersion version(String qualified) {
		return SecVersion.parse(GoldenFiles.secVersionOf(qualified));
	}

	/** The transcript sec wrote, as "second TAB line" (with its "# made by:" line). */
	public static List<String> golden(String qualified) throws IOException {
		return List.of(GoldenFiles.read(dir(qualified).resolve(base(qualified) + ".transcript")).split("\n"));
	}

	/** Scenarios whose commands' output arrives when the process scheduler lets it, in sec as in jsec. */
	public static boolean timingSensitive(String qualified) throws IOException {
		return GoldenFiles.read(dir(qualified).resolve(base(qualified) + ".scn")).contains("# timing-sensitive");
	}

	/** A transcript without its seconds and the epoch times in it, sorted: for timing-sensitive scenarios. */
	public static List<String> withoutTimes(List<String> transcript) {
		return Transcripts.withoutSeconds(transcript).stream().map(l -> l.replaceAll("\\b1[0-9]{9}\\b", "<time>")).sorted()
				.toList();
	}
}

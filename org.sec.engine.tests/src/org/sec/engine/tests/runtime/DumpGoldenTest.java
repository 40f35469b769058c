package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * The dump jsec writes on sigemul USR1 against the one sec wrote for the same run
 * (golden/dumps/contexts/dump.golden, made by scripts/sec-dump-golden.sh): the sections
 * jsec fills completely (contexts, action-list variables, pending events) must be equal,
 * and the sections must come in sec's order. Context blocks and the names within a
 * block are compared as sets: sec lists them in Perl hash order.
 */
class DumpGoldenTest {

	private static final Path CASE = GoldenFiles.moduleDir().resolve("golden/dumps/contexts");
	private static final List<String> SECTIONS = List.of("Program information:", "Environment:", "Performance statistics:",
			"Rule usage statistics:", "Input sources:", "Input buffering mode: joint buffer for all input sources", "Pending events:", "List of event correlation operations:", "List of contexts:",
			"Action list variables:");

	private static String section(String dump, String title) {
		int start = dump.indexOf(title + "\n");
		int end = dump.indexOf("\nTotal: ", start);
		return start < 0 || end < 0 ? null : dump.substring(start, dump.indexOf('\n', end + 1));
	}

	/** A section up to the blank line that ends it. */
	private static String block(String dump, String title) {
		int start = dump.indexOf(title + "\n");
		int end = dump.indexOf("\n\n", start);
		return start < 0 ? null : dump.substring(start, end < 0 ? dump.length() : end);
	}

	/** What each line of a section says before its value (values differ: times, paths). */
	private static List<String> lineStarts(String block) {
		return block.lines().map(l -> l.contains(":") ? l.substring(0, l.indexOf(':')) : l).toList();
	}

	private static List<String> contextBlocks(String section) {
		List<String> blocks = new ArrayList<>();
		for (String block : section.split("-{60}\n")) {
			List<String> lines = new ArrayList<>(List.of(block.split("\n")));
			lines.sort(null);
			blocks.add(String.join("\n", lines));
		}
		blocks.sort(null);
		return blocks;
	}

	/** JSON numbers and strings compare as text: Perl's JSON::PP picks either for the same value. */
	private static com.google.gson.JsonElement norm(com.google.gson.JsonElement e) {
		if (e.isJsonPrimitive()) {
			return new com.google.gson.JsonPrimitive(e.getAsString());
		}
		if (e.isJsonArray()) {
			com.google.gson.JsonArray a = new com.google.gson.JsonArray();
			e.getAsJsonArray().forEach(x -> a.add(norm(x)));
			return a;
		}
		if (e.isJsonObject()) {
			com.google.gson.JsonObject o = new com.google.gson.JsonObject();
			e.getAsJsonObject().entrySet().forEach(x -> o.add(x.getKey(), norm(x.getValue())));
			return o;
		}
		return e;
	}

	@Test
	void jsonDumpEqualsSecsForWhatJsecTracks() throws Exception {
		assumeTrue(Files.exists(Paths.get("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")),
				"libfaketime is not installed");
		Path dump = Files.createTempDirectory("dump").resolve("dump.json");
		GoldenFiles.run(CASE, List.of("bash", GoldenFiles.repositoryDir().resolve("scripts/jsec-run").toString(),
				"rules.sec", "input.log", "--", "--dump=" + dump, "--dumpfjson"));
		com.google.gson.JsonObject ours = com.google.gson.JsonParser
				.parseString(Files.readString(dump, java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
		com.google.gson.JsonObject sec = com.google.gson.JsonParser
				.parseString(Files.readString(CASE.resolve("dump.json.golden"), java.nio.charset.StandardCharsets.UTF_8))
				.getAsJsonObject();
		assertEquals(norm(sec.get("pendingevents")), norm(ours.get("pendingevents")));
		assertEquals(norm(sec.get("inputs")), norm(ours.get("inputs")));
		assertEquals(norm(sec.get("buffer")), norm(ours.get("buffer")));
		assertEquals(sec.getAsJsonObject("program").keySet(), ours.getAsJsonObject("program").keySet());
		assertEquals(sec.getAsJsonObject("perf").keySet(), ours.getAsJsonObject("perf").keySet());
		assertEquals(System.getenv("PATH"), ours.getAsJsonObject("env").get("PATH").getAsString());
		assertEquals(norm(sec.get("variables")), norm(ours.get("variables")));
		assertEquals(norm(sec.getAsJsonObject("rulestats").getAsJsonObject("rules.sec").get("stats")),
				norm(ours.getAsJsonObject("rulestats").getAsJsonObject("rules.sec").get("stats")));
		assertEquals(sec.getAsJsonObject("operations").keySet(), ours.getAsJsonObject("operations").keySet());
		for (String key : sec.getAsJsonObject("operations").keySet()) {
			com.google.gson.JsonObject a = sec.getAsJsonObject("operations").getAsJsonObject(key);
			com.google.gson.JsonObject b = ours.getAsJsonObject("operations").getAsJsonObject(key);
			for (String field : List.of("key", "starttime", "windowstart", "windowend", "configfile", "ruleid", "type",
					"desc", "eventtimes")) {
				assertEquals(a.has(field) ? norm(a.get(field)) : null, b.has(field) ? norm(b.get(field)) : null,
						key + " " + field);
			}
		}
		// contexts: a set of objects, names within one as a set (Perl hash order)
		java.util.function.Function<com.google.gson.JsonObject, java.util.Set<String>> contexts = root -> {
			java.util.Set<String> result = new java.util.TreeSet<>();
			root.getAsJsonArray("contexts").forEach(c -> {
				com.google.gson.JsonObject o = norm(c).getAsJsonObject();
				java.util.List<String> names = new ArrayList<>();
				o.getAsJsonArray("name").forEach(n -> names.add(n.getAsString()));
				names.sort(null);
				o.remove("name");
				java.util.Map<String, String> fields = new java.util.TreeMap<>();
				o.entrySet().forEach(e -> fields.put(e.getKey(), e.getValue().toString()));
				result.add(names + " " + fields);
			});
			return result;
		};
		assertEquals(contexts.apply(sec), contexts.apply(ours));
	}

	@Test
	void dumpSectionsEqualSecs() throws Exception {
		assumeTrue(Files.exists(Paths.get("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")),
				"libfaketime is not installed");
		Path dump = Files.createTempDirectory("dump").resolve("dump");
		GoldenFiles.run(CASE, List.of("bash", GoldenFiles.repositoryDir().resolve("scripts/jsec-run").toString(),
				"rules.sec", "input.log", "--", "--dump=" + dump));
		String ours = GoldenFiles.read(dump);
		String sec = GoldenFiles.read(CASE.resolve("dump.golden"));
		int last = -1;
		for (String title : SECTIONS) {
			int at = ours.indexOf(title + "\n");
			assertEquals(true, at > last, "section '" + title + "' missing or out of sec's order");
			last = at;
		}
		assertEquals(section(sec, "Pending events:"), section(ours, "Pending events:"));
		assertEquals(block(sec, "Input sources:"), block(ours, "Input sources:"));
		int buffer = sec.indexOf("Input buffering mode:");
		assertEquals(sec.substring(buffer, sec.indexOf("Pending events:")),
				ours.substring(ours.indexOf("Input buffering mode:"), ours.indexOf("Pending events:")));
		assertEquals(block(sec, "Rule usage statistics:"), block(ours, "Rule usage statistics:"));
		assertEquals(lineStarts(block(sec, "Program information:")), lineStarts(block(ours, "Program information:")));
		assertEquals(lineStarts(block(sec, "Performance statistics:")),
				lineStarts(block(ours, "Performance statistics:")));
		assertEquals(true, block(ours, "Environment:").contains("\nPATH=" + System.getenv("PATH") + "\n"));
		assertEquals(section(sec, "Action list variables:"), section(ours, "Action list variables:"));
		assertEquals(contextBlocks(section(sec, "List of contexts:")), contextBlocks(section(ours, "List of contexts:")));
	}
}

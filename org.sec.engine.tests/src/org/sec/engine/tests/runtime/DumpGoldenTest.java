package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sec.engine.tests.support.GoldenFiles;

/**
 * The dump jsec writes on sigemul USR1 against the one sec wrote for the same run
 * (golden/dumps/CASE/dump.golden and dump.json.golden, made by
 * scripts/sec-dump-golden.sh). "contexts" holds contexts, variables and pending events;
 * "operations" an operation of every type, a pattern match cache and match variables in
 * a Pair's second pattern. Sections that do not depend on the process (operations,
 * contexts, cache, variables, pending events, buffers) must be equal, the others must
 * have sec's lines, and the sections must come in sec's order. Operations, contexts and
 * cache entries are compared as sets: sec lists them in Perl hash order.
 */
class DumpGoldenTest {

	private static final List<String> SECTIONS = List.of("Program information:", "Environment:", "Performance statistics:",
			"Rule usage statistics:", "Input sources:", "Input buffering mode:",
			"Pending events:", "Pattern match cache:", "List of event correlation operations:", "List of contexts:",
			"Child processes:", "Action list variables:");

	/** "dumps/NAME" (made by sec 2.9.1) or "sec-2.9.4/dumps/NAME" (by sec 2.9.4, event store times). */
	private static Path caseDir(String name) {
		return GoldenFiles.moduleDir().resolve("golden/" + name);
	}

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

	/**
	 * The entries of a section (between its "====" line and "Total:") separated by
	 * {@code separator}, as a sorted list; {@code sortLines} also sorts the lines within
	 * an entry (a context's names come in hash order).
	 */
	private static List<String> blocks(String section, String separator, boolean sortLines) {
		String body = section.substring(section.indexOf("=\n") + 2, section.lastIndexOf("Total: "));
		List<String> blocks = new ArrayList<>();
		for (String block : body.split(separator)) {
			List<String> lines = new ArrayList<>(List.of(block.split("\n")));
			if (sortLines) {
				lines.sort(null);
			}
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

	@ParameterizedTest
	@ValueSource(strings = { "dumps/contexts", "dumps/operations", "sec-2.9.4/dumps/contexts" })
	void jsonDumpEqualsSecsForWhatJsecTracks(String name) throws Exception {
		assumeTrue(Files.exists(Paths.get("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")),
				"libfaketime is not installed");
		Path dir = caseDir(name);
		Path dump = Files.createTempDirectory("dump").resolve("dump.json");
		GoldenFiles.run(dir, List.of("bash", GoldenFiles.repositoryDir().resolve("scripts/jsec-run").toString(),
				"rules.sec", "input.log", "--", "--dump=" + dump, "--dumpfjson",
				"--sec-version=" + GoldenFiles.secVersionOf(name)));
		com.google.gson.JsonObject ours = com.google.gson.JsonParser
				.parseString(Files.readString(dump, java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
		com.google.gson.JsonObject sec = com.google.gson.JsonParser
				.parseString(Files.readString(dir.resolve("dump.json.golden"), java.nio.charset.StandardCharsets.UTF_8))
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
		assertEquals(norm(sec.get("operations")), norm(ours.get("operations")));
		assertEquals(norm(sec.get("pmatchcache")), norm(ours.get("pmatchcache")));
		assertEquals(norm(sec.get("children")), norm(ours.get("children")));
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

	@ParameterizedTest
	@ValueSource(strings = { "dumps/contexts", "dumps/operations", "sec-2.9.4/dumps/contexts" })
	void dumpSectionsEqualSecs(String name) throws Exception {
		assumeTrue(Files.exists(Paths.get("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")),
				"libfaketime is not installed");
		Path dir = caseDir(name);
		Path dump = Files.createTempDirectory("dump").resolve("dump");
		GoldenFiles.run(dir, List.of("bash", GoldenFiles.repositoryDir().resolve("scripts/jsec-run").toString(),
				"rules.sec", "input.log", "--", "--dump=" + dump, "--sec-version=" + GoldenFiles.secVersionOf(name)));
		assertDumpsAgree(GoldenFiles.read(dir.resolve("dump.golden")), GoldenFiles.read(dump));
	}

	@ParameterizedTest(name = "live sec still writes golden dump {0}")
	@ValueSource(strings = { "dumps/contexts", "dumps/operations", "sec-2.9.4/dumps/contexts" })
	void goldenMatchesLiveSec(String name) throws Exception {
		String version = GoldenFiles.secVersionOf(name);
		assumeTrue(GoldenFiles.secAvailable(version), "sec " + version + " is not installed; golden file not re-checked");
		Path dir = caseDir(name);
		Path out = Files.createTempDirectory("secdump");
		GoldenFiles.run(dir, List.of("bash", GoldenFiles.sharedDir().resolve("tools/sec-run").toString(), "-o",
				out.toString(), "rules.sec", "input.log"), GoldenFiles.secEnvironment(version));
		assertDumpsAgree(GoldenFiles.read(dir.resolve("dump.golden")), GoldenFiles.read(out.resolve("dump")));
	}

	/** {@code ours} says what {@code sec} says, apart from what depends on the process and on hash order. */
	private static void assertDumpsAgree(String sec, String ours) {
		int last = -1;
		for (String title : SECTIONS) {
			int at = ("\n" + ours).indexOf("\n" + title);
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
		assertEquals(blocks(section(sec, "List of contexts:"), "-{60}\n", true),
				blocks(section(ours, "List of contexts:"), "-{60}\n", true));
		assertEquals(blocks(section(sec, "List of event correlation operations:"), "-{60}\n", false),
				blocks(section(ours, "List of event correlation operations:"), "-{60}\n", false));
		assertEquals(blocks(section(sec, "Pattern match cache:"), "\n\n", false),
				blocks(section(ours, "Pattern match cache:"), "\n\n", false));
		assertEquals(section(sec, "Child processes:"), section(ours, "Child processes:"));
	}
}

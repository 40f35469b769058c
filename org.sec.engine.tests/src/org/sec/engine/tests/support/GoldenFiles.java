package org.sec.engine.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Locates golden files and the shared folder, and runs the real sec where it is installed
 * so that tests can re-check their golden files against it.
 */
public final class GoldenFiles {

	private GoldenFiles() {
	}

	/** The test module's directory (set by the build), or the working directory. */
	public static Path moduleDir() {
		String dir = System.getProperty("sec.module.dir");
		return dir != null ? Paths.get(dir) : Paths.get("").toAbsolutePath();
	}

	/** The shared folder beside the checkout: corpus, tools, reference. */
	public static Path sharedDir() {
		String dir = System.getProperty("sec.shared.dir");
		return dir != null ? Paths.get(dir) : moduleDir().resolve("../../shared").normalize();
	}

	/**
	 * The engine tests' golden folder, where every bundle's tests find the scenario goldens
	 * (scenarios/, sec-2.9.4/scenarios/) that real sec made with sec-scenario.
	 */
	public static Path engineGoldenDir() {
		return repositoryDir().resolve("org.sec.engine.tests/golden");
	}

	/** The repository root (parent of the test module). */
	public static Path repositoryDir() {
		return moduleDir().getParent();
	}

	public static String read(Path file) throws IOException {
		return Files.readString(file, StandardCharsets.ISO_8859_1);
	}

	/** True when the real sec is on the PATH. */
	public static boolean secInstalled() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "sec"))) {
				return true;
			}
		}
		return false;
	}

	/** Where golden cases made by sec 2.9.4 live (golden/sec-2.9.4/runs/..., .../dumps/...). */
	public static final String SEC_294_DIR = "sec-2.9.4";

	/**
	 * The sec release a golden case was made with: 2.9.4 for a case under
	 * golden/sec-2.9.4/, else 2.9.1 (the installed sec).
	 */
	public static String secVersionOf(String caseName) {
		return caseName.startsWith(SEC_294_DIR + "/") ? "2.9.4" : "2.9.1";
	}

	/** sec 2.9.4 from shared/reference, run with perl. */
	public static Path sec294() {
		return sharedDir().resolve("reference/sec-2.9.4/sec");
	}

	/** True when the sec of {@code version} can be run to re-check a golden case. */
	public static boolean secAvailable(String version) {
		return version.equals("2.9.4") ? Files.isExecutable(sec294()) : secInstalled();
	}

	/** The environment for shared/tools' runners to run the sec of {@code version} (SEC=path). */
	public static java.util.Map<String, String> secEnvironment(String version) {
		return version.equals("2.9.4") ? java.util.Map.of("SEC", sec294().toString()) : java.util.Map.of();
	}

	/** Runs a command and returns its standard output (stderr is discarded). */
	public static String run(Path workDir, List<String> command) throws IOException, InterruptedException {
		return run(workDir, command, java.util.Map.of());
	}

	/** Like {@link #run(Path, List)}, with more environment variables. */
	public static String run(Path workDir, List<String> command, java.util.Map<String, String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD);
		pb.environment().putAll(environment);
		Process p = pb.start();
		byte[] out = p.getInputStream().readAllBytes();
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new IOException("timed out: " + command);
		}
		return new String(out, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Runs one of the repository's comparison scripts (scripts/NAME) with bash, prints what
	 * it said, and asserts that it found no difference (exit status 0).
	 */
	public static void runComparisonScript(String name) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(List.of("bash", repositoryDir().resolve("scripts").resolve(name).toString()))
				.redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println(output);
		org.junit.jupiter.api.Assertions.assertEquals(0, p.waitFor(), output);
	}
}

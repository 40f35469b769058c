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

	/** Runs a command and returns its standard output (stderr is discarded). */
	public static String run(Path workDir, List<String> command) throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD);
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

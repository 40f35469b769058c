package org.sec.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.sec.engine.cli.Jsec;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.engine.tests.support.TestonlyGolden;
import org.sec.lang.cli.Secwb;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Fuzzed rule files (scripts/fuzz-rulesets.py, seeded) judged by the real sec
 * (scripts/fuzz-sec-verdicts.sh), by {@code jsec --testonly} and by {@code secwb check}, both
 * in this JVM as their main methods run them. jsec must log sec's messages and exit as sec
 * does; secwb check must give sec's verdict; neither may crash (exit 70, or an exception) or
 * hang. FUZZ_COUNT and FUZZ_SEED set the run (CI: 300 files, seed 1); the figures are printed.
 */
class FuzzVerdictTest {

	private static final int COUNT = Integer.parseInt(System.getenv().getOrDefault("FUZZ_COUNT", "300"));
	private static final int SEED = Integer.parseInt(System.getenv().getOrDefault("FUZZ_SEED", "1"));
	private static final long TIMEOUT_SECONDS = 60;

	private enum Outcome {
		AGREES, DISAGREES, CRASH, HANG
	}

	@Test
	void jsecAndSecwbCheckGiveSecsVerdictOnFuzzedFilesWithoutCrashOrHang() throws Exception {
		assumeTrue(GoldenFiles.secInstalled(), "sec is not installed");
		Path dir = GoldenFiles.moduleDir().resolve("target/fuzz-" + SEED + "-" + COUNT);
		Path repo = GoldenFiles.repositoryDir();
		if (!Files.exists(dir.resolve("fuzz-index.tsv"))) {
			GoldenFiles.run(repo, List.of("python3", repo.resolve("scripts/fuzz-rulesets.py").toString(), "--seed",
					String.valueOf(SEED), "--count", String.valueOf(COUNT),
					GoldenFiles.sharedDir().resolve("corpus/rulesets").toString(), dir.toString()));
		}
		GoldenFiles.run(repo, List.of("bash", repo.resolve("scripts/fuzz-sec-verdicts.sh").toString(), dir.toString()));
		List<Path> files;
		try (Stream<Path> list = Files.list(dir)) {
			files = list.filter(p -> p.getFileName().toString().matches("fuzz-\\d+\\.sec")).sorted().toList();
		}
		assertEquals(COUNT, files.size());

		int[] jsec = new int[Outcome.values().length];
		int[] check = new int[Outcome.values().length];
		int secHangs = 0;
		List<String> failures = new ArrayList<>();
		for (Path file : files) {
			String golden = GoldenFiles.read(Path.of(file + ".testonly"));
			if (golden.contains("exit hang")) {
				secHangs++; // no verdict to compare; jsec must still answer
			}
			TestonlyGolden sec = golden.contains("exit hang") ? null : TestonlyGolden.parse(golden);
			Result j = jsecVerdict(file, sec);
			jsec[j.outcome.ordinal()]++;
			if (j.outcome != Outcome.AGREES) {
				failures.add("jsec " + j.outcome + " " + file.getFileName() + ": " + j.detail);
			}
			Result c = checkVerdict(file, sec);
			check[c.outcome.ordinal()]++;
			if (c.outcome != Outcome.AGREES) {
				failures.add("secwb check " + c.outcome + " " + file.getFileName() + ": " + c.detail);
			}
		}
		System.out.printf("fuzz seed %d, %d files (sec hung on %d):%n", SEED, COUNT, secHangs);
		System.out.printf("  jsec --testonly: %d agree, %d disagree, %d crashes, %d hangs%n", jsec[0], jsec[1], jsec[2], jsec[3]);
		System.out.printf("  secwb check:     %d agree, %d disagree, %d crashes, %d hangs%n", check[0], check[1], check[2], check[3]);
		failures.forEach(f -> System.out.println("  " + f));
		assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.get(0));
	}

	private record Result(Outcome outcome, String detail) {
	}

	private static Result jsecVerdict(Path file, TestonlyGolden sec) throws IOException {
		Path log = Files.createTempFile("fuzz", ".log");
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
		String[] args = { "--conf=" + file, "--testonly", "--notail", "--debug=6", "--log=" + log };
		Object status = timed(() -> Jsec.run(args, stream, stream));
		try {
			if (status instanceof Outcome o) {
				return new Result(o, captured.toString(StandardCharsets.UTF_8));
			}
			if (status instanceof Throwable t) {
				return new Result(Outcome.CRASH, t.toString());
			}
			int exit = (Integer) status;
			if (exit != 0 && exit != 1) {
				return new Result(Outcome.CRASH, "exit " + exit + ": " + firstLine(captured.toString(StandardCharsets.UTF_8)));
			}
			if (sec == null) {
				return new Result(Outcome.AGREES, "");
			}
			String text = Files.readString(log, StandardCharsets.ISO_8859_1)
					.replaceAll("(?m)^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}: ", "")
					.replace(file.toString(), file.getFileName().toString());
			TestonlyGolden ours = TestonlyGolden.parse(text + "\nexit " + exit + "\n");
			if (!ours.equals(sec)) {
				return new Result(Outcome.DISAGREES, "sec " + sec + "\n    jsec " + ours);
			}
			return new Result(Outcome.AGREES, "");
		} finally {
			Files.deleteIfExists(log);
		}
	}

	private static Result checkVerdict(Path file, TestonlyGolden sec) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Object status = timed(() -> Secwb.run(new String[] { "check", "--json", file.toString() }, new PrintWriter(out, true),
				new PrintWriter(err, true)));
		if (status instanceof Outcome o) {
			return new Result(o, "");
		}
		if (status instanceof Throwable t) {
			return new Result(Outcome.CRASH, t.toString());
		}
		int exit = (Integer) status;
		if (exit != 0 && exit != 1) {
			return new Result(Outcome.CRASH, "exit " + exit + ": " + firstLine(err.toString()));
		}
		String json = out.toString();
		if (json.contains("Error executing EValidator") || json.contains("\tat ") || json.contains("Exception")) {
			return new Result(Outcome.CRASH, firstLine(json.substring(Math.max(0, json.indexOf("Exception") - 200))));
		}
		JsonObject root = JsonParser.parseString(json).getAsJsonObject();
		if (sec != null && (root.get("errors").getAsInt() > 0) != (sec.exitCode() != 0)) {
			return new Result(Outcome.DISAGREES, "sec exit " + sec.exitCode() + " " + sec.messages() + "\n    check " + root.get("issues"));
		}
		return new Result(Outcome.AGREES, "");
	}

	/** The call's result, its Throwable, or HANG after the time limit (the thread is left to finish). */
	private static Object timed(Callable<Integer> call) {
		FutureTask<Integer> task = new FutureTask<>(call);
		Thread thread = new Thread(task, "fuzz-case");
		thread.setDaemon(true);
		thread.start();
		try {
			return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			thread.interrupt();
			return Outcome.HANG;
		} catch (ExecutionException e) {
			return e.getCause();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return e;
		}
	}

	private static String firstLine(String s) {
		int nl = s.indexOf('\n');
		return nl < 0 ? s : s.substring(0, nl);
	}
}

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sec.engine.api.Clock;
import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;

/**
 * The engine's hot path in one JVM, for profiling (run on demand, never in CI): the log is
 * read into memory once, then each pass feeds every line to a fresh engine on a frozen
 * clock, output to /dev/null. Prints lines/s per pass; the first passes include the JIT's
 * warm-up. Run through scripts/bench-engine.sh, e.g. under JFR:
 *   JAVA_OPTS=-XX:StartFlightRecording=filename=e.jfr,settings=profile scripts/bench-engine.sh R L
 */
public final class BenchEngine {

	public static void main(String[] args) throws Exception {
		if (args.length < 2) {
			System.err.println("usage: BenchEngine RULES LOG [passes] [noindex]");
			System.exit(2);
		}
		List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.ISO_8859_1);
		int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		boolean index = !(args.length > 3 && args[3].equals("noindex"));
		for (int pass = 1; pass <= passes; pass++) {
			long now = 1_704_067_200L;
			Clock clock = Clock.of(() -> now, java.time.ZoneId.of("UTC"));
			RuleSet rules = RuleSet.load(List.of(args[0]), 1, d -> {
			});
			PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream("/dev/null")), false);
			SecLog log = SecLog.toTerminal(clock, 1, new PrintStream(OutputStream.nullOutputStream()));
			SecEngine engine = SecEngine.start(rules, SecOptions.defaults(), clock, out, log);
			engine.useLiteralIndex(index);
			long start = System.nanoTime();
			for (String line : lines) {
				engine.processInput(line, args[1], null);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("pass %d: %,d lines in %.2f s, %,.0f lines/s%s%n", pass, lines.size(), seconds,
					lines.size() / seconds, index ? "" : " (no literal index)");
			engine.shutdown();
		}
	}
}

package org.sec.engine.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sec.engine.api.SecEngine;
import org.sec.engine.api.SecOptions;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.RuleSet;

/**
 * The engine in-process on a manual clock (in UTC unless told): feed lines, advance time second by second as
 * sec's main loop ticks, and read what it wrote and its state. For tests of one part of
 * the engine next to it, without a subprocess.
 */
public final class EngineHarness implements AutoCloseable {

	private long now;
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
	private final SecEngine engine;

	private EngineHarness(RuleSet rules, long start, SecOptions settings, java.time.ZoneId zone, String savedState)
			throws IOException {
		this.now = start;
		org.sec.engine.api.Clock clock = org.sec.engine.api.Clock.of(() -> now, zone);
		SecLog log = SecLog.toTerminal(clock, 6, new PrintStream(logged, true, StandardCharsets.ISO_8859_1));
		this.engine = SecEngine.start(rules, settings, clock, new PrintStream(out, true, StandardCharsets.ISO_8859_1),
				log, org.sec.engine.api.EngineListener.NONE, org.sec.engine.api.SideEffects.ALLOW, null, savedState);
	}

	/**
	 * A new engine on {@code rules} at {@code start}, going on from {@code savedState} as a
	 * jsec restarted with --state-file does (the state restored before SEC_STARTUP).
	 */
	public static EngineHarness startFrom(Path dir, String rules, long start, String savedState) throws IOException {
		Files.writeString(dir.resolve("r.sec"), rules, StandardCharsets.ISO_8859_1);
		RuleSet set = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
		});
		return new EngineHarness(set, start, SecOptions.defaults(), java.time.ZoneId.of("UTC"), savedState);
	}

	/** What the engine logged so far, at debug level 6. */
	public String log() {
		return logged.toString(StandardCharsets.ISO_8859_1);
	}

	/** Starts the engine at {@code start} (epoch seconds) on {@code rules}, written to {@code dir}/r.sec. */
	public static EngineHarness start(Path dir, String rules, long start) throws IOException {
		return start(dir, rules, start, SecOptions.defaults());
	}

	public static EngineHarness start(Path dir, String rules, long start, SecOptions settings) throws IOException {
		return start(dir, rules, start, settings, java.time.ZoneId.of("UTC"));
	}

	/** As {@link #start(Path, String, long)}, with local time in {@code zone}. */
	public static EngineHarness start(Path dir, String rules, long start, SecOptions settings, java.time.ZoneId zone)
			throws IOException {
		Files.writeString(dir.resolve("r.sec"), rules, StandardCharsets.ISO_8859_1);
		RuleSet set = RuleSet.load(dir, List.of("r.sec"), 0, d -> {
		});
		return new EngineHarness(set, start, settings, zone, null);
	}

	/** Processes {@code line} now, as input from standard input. */
	public EngineHarness line(String line) {
		engine.processLine(line, "-", org.sec.engine.action.ActionListParser.FILE_EVENT_CONTEXT_PREFIX + "-");
		return this;
	}

	/** Moves the clock to {@code epochSecond}, ticking every second on the way as sec's main loop does. */
	public EngineHarness advanceTo(long epochSecond) {
		while (now < epochSecond) {
			now++;
			engine.tick();
		}
		return this;
	}

	public long now() {
		return now;
	}

	public SecEngine engine() {
		return engine;
	}

	/** What the engine wrote to standard output so far. */
	public String output() {
		engine.flush();
		return out.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		engine.shutdown();
	}
}

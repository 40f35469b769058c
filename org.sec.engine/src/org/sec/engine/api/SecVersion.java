package org.sec.engine.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sec release whose behaviour the engine reproduces: one setting for jsec
 * ({@code --sec-version}), {@code secwb check} and replay, the editor's project preference
 * and export. What each release added (ChangeLog of sec 2.9.4):
 * <ul>
 * <li>2.9.2: PerlFunc and NPerlFunc event-group patterns get the events' times as a third
 * parameter;</li>
 * <li>2.9.3: {@code %.chr32} .. {@code %.chr255};</li>
 * <li>2.9.4: the {@code trim} action, and with it the time each string was written to a
 * context's event store (the dumps show it, and the context's first creation time).</li>
 * </ul>
 */
public enum SecVersion {
	V2_9_1("2.9.1", "2022"), V2_9_2("2.9.2", "2023"), V2_9_3("2.9.3", "2024"), V2_9_4("2.9.4", "2026");

	/** The newest release jsec knows; the target where no sec is installed. */
	public static final SecVersion NEWEST = V2_9_4;

	private static final Pattern SEC_VERSION_LINE = Pattern
			.compile("^\\$SEC_VERSION = \"SEC \\(Simple Event Correlator\\) ([0-9.]+)\";");
	private static volatile SecVersion installedTarget;

	private final String text;
	private final String copyrightYear;

	SecVersion(String text, String copyrightYear) {
		this.text = text;
		this.copyrightYear = copyrightYear;
	}

	/** "2.9.4". */
	public String text() {
		return text;
	}

	/** $SEC_VERSION: "SEC (Simple Event Correlator) 2.9.4". */
	public String banner() {
		return "SEC (Simple Event Correlator) " + text;
	}

	/** $SEC_COPYRIGHT. */
	public String copyright() {
		return "Copyright (C) 2000-" + copyrightYear + " Risto Vaarandi";
	}

	public boolean atLeast(SecVersion other) {
		return compareTo(other) >= 0;
	}

	/** The trim action (2.9.4). */
	public boolean hasTrim() {
		return atLeast(V2_9_4);
	}

	/** The last n of the %.chrN variables (31, or 255 from 2.9.3). */
	public int lastChrVariable() {
		return atLeast(V2_9_3) ? 255 : 31;
	}

	/** PerlFunc event-group patterns get the list of event times (2.9.2). */
	public boolean passesGroupTimes() {
		return atLeast(V2_9_2);
	}

	/** Event stores keep each string's receive time, and the dumps show it (2.9.4). */
	public boolean hasEventStoreTimes() {
		return atLeast(V2_9_4);
	}

	/** "2.9.1" to V2_9_1; null for a release jsec does not know. */
	public static SecVersion parse(String text) {
		for (SecVersion v : values()) {
			if (v.text.equals(text.trim())) {
				return v;
			}
		}
		return null;
	}

	/** "2.9.1, 2.9.2, 2.9.3, 2.9.4" for messages. */
	public static String known() {
		StringBuilder b = new StringBuilder();
		for (SecVersion v : values()) {
			b.append(b.length() == 0 ? "" : ", ").append(v.text);
		}
		return b.toString();
	}

	/**
	 * The default target: the newest sec found on the PATH (read from the program's
	 * $SEC_VERSION line, without starting perl), else {@link #NEWEST}.
	 */
	public static SecVersion target() {
		SecVersion v = installedTarget;
		if (v == null) {
			v = newestOnPath(System.getenv().getOrDefault("PATH", ""));
			installedTarget = v;
		}
		return v;
	}

	static SecVersion newestOnPath(String path) {
		SecVersion newest = null;
		for (String dir : path.split(":")) {
			if (dir.isEmpty()) {
				continue;
			}
			SecVersion found = versionOf(Paths.get(dir, "sec"));
			if (found != null && (newest == null || found.atLeast(newest))) {
				newest = found;
			}
		}
		return newest != null ? newest : NEWEST;
	}

	/** The release of a sec program file, or null when it is not one jsec knows. */
	public static SecVersion versionOf(Path program) {
		if (!Files.isRegularFile(program)) {
			return null;
		}
		try (BufferedReader r = Files.newBufferedReader(program, StandardCharsets.ISO_8859_1)) {
			String line;
			for (int n = 0; n < 400 && (line = r.readLine()) != null; n++) {
				Matcher m = SEC_VERSION_LINE.matcher(line);
				if (m.find()) {
					return parse(m.group(1));
				}
			}
		} catch (IOException | java.io.UncheckedIOException e) {
			return null;
		}
		return null;
	}

	@Override
	public String toString() {
		return text;
	}
}

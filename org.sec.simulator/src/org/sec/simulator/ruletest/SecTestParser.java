package org.sec.simulator.ruletest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code .sectest} files (format: {@link SecTest}); errors name the file and line. */
public final class SecTestParser {

	/** A .sectest file that cannot be read; the message is "file:line: problem". */
	public static final class SecTestException extends Exception {
		private static final long serialVersionUID = 1L;

		SecTestException(String message) {
			super(message);
		}
	}

	private static final Pattern HEADER = Pattern.compile("^(rules|start|options):\\s*(.*?)\\s*$");
	private static final Pattern TEST = Pattern.compile("^test:\\s*(.*?)\\s*$");
	private static final Pattern INPUT = Pattern.compile("^\\+(\\d+)\\s(.*)$");
	private static final Pattern EXPECT = Pattern
			.compile("^(output|action|noaction|context|nocontext)\\s+\\+(\\d+|\\*)\\s+(.*)$");
	private static final Pattern UNTIL = Pattern.compile("^until\\s+\\+(\\d+)\\s*$");
	private static final long DEFAULT_START = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

	private SecTestParser() {
	}

	public static SecTest parse(Path file) throws IOException, SecTestException {
		return parse(file, Files.readString(file, StandardCharsets.ISO_8859_1));
	}

	public static SecTest parse(Path file, String text) throws SecTestException {
		List<Path> rules = new ArrayList<>();
		long start = DEFAULT_START;
		boolean intevents = false;
		boolean intcontexts = false;
		List<SecTest.Case> cases = new ArrayList<>();
		String name = null;
		int caseLine = 0;
		List<SecTest.Input> inputs = new ArrayList<>();
		List<SecTest.Expectation> expectations = new ArrayList<>();
		long until = -1;
		Path base = file.toAbsolutePath().getParent();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			int number = i + 1;
			String raw = lines[i];
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Matcher m;
			if (name == null && (m = HEADER.matcher(line)).matches()) {
				String value = stripComment(m.group(2));
				switch (m.group(1)) {
				case "rules" -> {
					for (String r : value.split("\\s+")) {
						rules.add(base.resolve(r));
					}
				}
				case "start" -> {
					try {
						start = Instant.parse(value).getEpochSecond();
					} catch (DateTimeParseException e) {
						throw error(file, number, "start must be an ISO-8601 instant such as 2024-01-01T00:00:00Z, not '"
								+ value + "'");
					}
				}
				default -> {
					for (String o : value.split("\\s+")) {
						switch (o) {
						case "--intevents" -> intevents = true;
						case "--intcontexts" -> intcontexts = true;
						default -> throw error(file, number, "option '" + o
								+ "' is not supported in tests (use --intevents or --intcontexts)");
						}
					}
				}
				}
				continue;
			}
			if ((m = TEST.matcher(line)).matches()) {
				if (name != null) {
					cases.add(new SecTest.Case(name, caseLine, inputs, expectations, until));
				}
				name = m.group(1).isEmpty() ? "test at line " + number : m.group(1);
				caseLine = number;
				inputs = new ArrayList<>();
				expectations = new ArrayList<>();
				until = -1;
				continue;
			}
			if (name == null) {
				throw error(file, number, "expected rules:, start:, options: or test:, found '" + line + "'");
			}
			if ((m = INPUT.matcher(raw.stripLeading())).matches()) {
				inputs.add(new SecTest.Input(Long.parseLong(m.group(1)), m.group(2).stripLeading(), number));
			} else if ((m = EXPECT.matcher(line)).matches()) {
				SecTest.Kind kind = SecTest.Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT).replaceFirst("^NO", "NO_"));
				boolean anyTime = m.group(2).equals("*");
				if (anyTime && kind != SecTest.Kind.ACTION && kind != SecTest.Kind.NO_ACTION) {
					throw error(file, number, "+* (any time) is for action and noaction only");
				}
				expectations.add(new SecTest.Expectation(kind, anyTime ? SecTest.ANY_TIME : Long.parseLong(m.group(2)),
						m.group(3), number));
			} else if ((m = UNTIL.matcher(line)).matches()) {
				until = Long.parseLong(m.group(1));
			} else {
				throw error(file, number, "expected '+SECONDS line', 'output|action|noaction|context|nocontext "
						+ "+SECONDS text' or 'until +SECONDS', found '" + line + "'");
			}
		}
		if (name != null) {
			cases.add(new SecTest.Case(name, caseLine, inputs, expectations, until));
		}
		if (rules.isEmpty()) {
			throw error(file, 1, "no 'rules:' line: name the rule files to test");
		}
		if (cases.isEmpty()) {
			throw error(file, lines.length, "no 'test:' cases");
		}
		return new SecTest(file, rules, start, intevents, intcontexts, cases);
	}

	private static String stripComment(String value) {
		int hash = value.indexOf(" #");
		return hash >= 0 ? value.substring(0, hash).strip() : value;
	}

	private static SecTestException error(Path file, int line, String message) {
		return new SecTestException(file + ":" + line + ": " + message);
	}
}

package org.sec.simulator.ruletest;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes rule test results in the JUnit XML format that CI servers read: one testsuite per .sectest file. */
public final class JUnitXmlReport {

	private JUnitXmlReport() {
	}

	public static void write(List<SecTestRunner.Result> results, Writer out) throws IOException {
		Map<String, List<SecTestRunner.Result>> byFile = new LinkedHashMap<>();
		for (SecTestRunner.Result r : results) {
			byFile.computeIfAbsent(r.test().file().toString(), f -> new java.util.ArrayList<>()).add(r);
		}
		out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
		for (Map.Entry<String, List<SecTestRunner.Result>> e : byFile.entrySet()) {
			List<SecTestRunner.Result> rs = e.getValue();
			long failed = rs.stream().filter(r -> !r.passed()).count();
			double time = rs.stream().mapToDouble(SecTestRunner.Result::seconds).sum();
			out.write(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
					+ "time=\"%.3f\">%n", xml(e.getKey()), rs.size(), failed, time));
			for (SecTestRunner.Result r : rs) {
				out.write(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
						xml(e.getKey()), xml(r.testCase().name()), r.seconds()));
				if (r.passed()) {
					out.write("/>\n");
				} else {
					out.write(">\n      <failure message=\"" + xml(r.failures().get(0)) + "\">"
							+ xml(String.join("\n", r.failures())) + "</failure>\n    </testcase>\n");
				}
			}
			out.write("  </testsuite>\n");
		}
		out.write("</testsuites>\n");
	}

	private static String xml(String s) {
		StringBuilder b = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
			case '<' -> b.append("&lt;");
			case '>' -> b.append("&gt;");
			case '&' -> b.append("&amp;");
			case '"' -> b.append("&quot;");
			default -> {
				if (c < 0x20 && c != '\n' && c != '\t') {
					b.append("&#x").append(Integer.toHexString(c)).append(';');
				} else {
					b.append(c);
				}
			}
			}
		}
		return b.toString();
	}
}

package org.sec.lang.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sec.lang.formatting.SecFormatter;

/**
 * Writes a production bundle (FAQ Q21, Q2/Q3): the normalised rule files under
 * {@code rules/}, the sec command line, a systemd unit with its sysconfig file, and
 * rsyslog omprog / syslog-ng program() snippets. Callers validate first: a bundle is
 * only written from rules without errors ({@code secwb export}, the export wizard).
 */
public final class ExportBundle {

	private ExportBundle() {
	}

	/** Where things go on the target machine, and the sec release that runs there. */
	public record Target(String name, String installDir, List<String> inputs, String logFile,
			org.sec.engine.api.SecVersion secVersion) {
	}

	/** Writes the bundle of {@code files} into {@code out}, which must not exist or be empty; returns the settings used. */
	public static ExportSettings write(List<Path> files, Path out, Target target) throws IOException {
		if (Files.exists(out) && (!Files.isDirectory(out) || isNotEmpty(out))) {
			throw new IOException(out + " exists and is not an empty folder");
		}
		Map<String, String> ruleFiles = new LinkedHashMap<>();
		for (Path file : files) {
			String fileName = file.getFileName().toString();
			String name = fileName.endsWith(".sec") ? fileName : fileName + ".sec";
			while (ruleFiles.containsKey(name)) {
				name = "_" + name;
			}
			ruleFiles.put(name, SecFormatter.format(Files.readString(file, StandardCharsets.ISO_8859_1)));
		}
		ExportSettings settings = new ExportSettings(target.name(), target.installDir(),
				new ArrayList<>(ruleFiles.keySet()), target.inputs(), target.logFile(), target.secVersion());
		Files.createDirectories(out.resolve("rules"));
		for (Map.Entry<String, String> e : ruleFiles.entrySet()) {
			write(out.resolve("rules").resolve(e.getKey()), e.getValue());
		}
		write(out.resolve("sec.cmdline"), ExportTemplates.commandLine(settings));
		write(out.resolve("sec.service"), ExportTemplates.systemdUnit(settings));
		write(out.resolve("sec.sysconfig"), ExportTemplates.sysconfig(settings));
		write(out.resolve("rsyslog-omprog.conf"), ExportTemplates.rsyslogOmprog(settings));
		write(out.resolve("syslog-ng-program.conf"), ExportTemplates.syslogNgProgram(settings));
		write(out.resolve("README.txt"), ExportTemplates.readme(settings));
		write(out.resolve("sec-version"), settings.secVersion().text() + "\n");
		return settings;
	}

	private static boolean isNotEmpty(Path dir) throws IOException {
		try (var list = Files.list(dir)) {
			return list.findAny().isPresent();
		}
	}

	private static void write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.ISO_8859_1);
	}
}

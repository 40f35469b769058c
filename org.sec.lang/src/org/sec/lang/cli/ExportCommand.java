package org.sec.lang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.diagnostics.Severity;
import org.sec.lang.export.ExportBundle;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * secwb export: a production bundle from validated rules. Refuses (exit 1, listing the
 * errors) while any rule file has an error.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = "Write a production bundle: normalised rules, sec command line, systemd unit, sysconfig,"
				+ " rsyslog omprog and syslog-ng program() snippets.")
public final class ExportCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Rule files or folders.")
	List<Path> paths;

	@Option(names = { "-o", "--out" }, required = true, description = "Folder to write the bundle to (must not exist or be empty).")
	Path out;

	@Option(names = "--name", defaultValue = "sec", description = "Service name (default: ${DEFAULT-VALUE}).")
	String name;

	@Option(names = "--install-dir", defaultValue = "/etc/sec", description = "Where the rules go on the target (default: ${DEFAULT-VALUE}).")
	String installDir;

	@Option(names = "--input", defaultValue = "/var/log/messages", description = "Log file sec reads (default: ${DEFAULT-VALUE}).")
	List<String> inputs;

	@Option(names = "--log", defaultValue = "/var/log/sec.log", description = "sec's own log (default: ${DEFAULT-VALUE}).")
	String logFile;

	@Option(names = "--sec-version", paramLabel = "VERSION", converter = org.sec.simulator.cli.SecVersionConverter.class,
			description = "The sec release of the target machine: 2.9.1, 2.9.2, 2.9.3 or 2.9.4 (default: the newest"
					+ " sec on the PATH, else 2.9.4). Rules that need a newer sec are refused.")
	org.sec.engine.api.SecVersion secVersion = org.sec.engine.api.SecVersion.target();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter stdout = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<Path> files = CheckCommand.collect(paths, err, "export");
		if (files == null) {
			return 2;
		}
		if (files.isEmpty()) {
			err.println("secwb export: no rule files found");
			return 2;
		}
		List<CheckCommand.Found> found = CheckCommand.validate(files, secVersion);
		List<CheckCommand.Found> errors = found.stream().filter(f -> f.issue().getSeverity() == Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			errors.forEach(f -> err.println(CheckCommand.gccLine(f)));
			err.println("secwb export: not exported: " + errors.size() + (errors.size() == 1 ? " error" : " errors")
					+ " (fix them, or check with: secwb check)");
			return 1;
		}
		try {
			ExportBundle.write(files, out, new ExportBundle.Target(name, installDir, inputs, logFile, secVersion));
		} catch (IOException e) {
			err.println("secwb export: " + e.getMessage());
			return 2;
		}
		long warnings = found.size() - errors.size();
		stdout.println("exported " + files.size() + (files.size() == 1 ? " rule file" : " rule files") + " to " + out
				+ (warnings > 0 ? " (" + warnings + " warnings, see secwb check)" : ""));
		return 0;
	}
}

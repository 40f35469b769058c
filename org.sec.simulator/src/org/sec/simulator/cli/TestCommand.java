package org.sec.simulator.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.sec.simulator.ruletest.JUnitXmlReport;
import org.sec.simulator.ruletest.SecTest;
import org.sec.simulator.ruletest.SecTestParser;
import org.sec.simulator.ruletest.SecTestRunner;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** secwb test: runs .sectest rule tests on the virtual clock. */
@Command(name = "test", mixinStandardHelpOptions = true,
		description = { "Runs rule tests (.sectest files, or all of them under a directory) on a virtual clock.",
				"Exit code 0 when all pass, 1 when a test fails, 2 when a test file cannot be read." })
public final class TestCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = ".sectest files or directories to search.")
	List<Path> paths;

	@Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write a JUnit XML report.")
	Path junitXml;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<Path> files = new ArrayList<>();
		for (Path p : paths) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> walk = Files.walk(p)) {
					walk.filter(f -> f.toString().endsWith(".sectest")).sorted().forEach(files::add);
				}
			} else if (Files.isRegularFile(p)) {
				files.add(p);
			} else {
				err.println("secwb test: " + p + ": no such file or directory");
				return 2;
			}
		}
		if (files.isEmpty()) {
			err.println("secwb test: no .sectest files in " + paths);
			return 2;
		}
		List<SecTestRunner.Result> results = new ArrayList<>();
		boolean unreadable = false;
		for (Path f : files) {
			SecTest test;
			try {
				test = SecTestParser.parse(f);
			} catch (SecTestParser.SecTestException e) {
				err.println(e.getMessage());
				unreadable = true;
				continue;
			}
			for (SecTestRunner.Result r : SecTestRunner.run(test)) {
				results.add(r);
				out.printf("%s %s: %s (%.2f s)%n", r.passed() ? "PASS" : "FAIL", f, r.testCase().name(), r.seconds());
				r.failures().forEach(m -> out.println("  " + m));
			}
		}
		long failed = results.stream().filter(r -> !r.passed()).count();
		out.printf("%d tests, %d passed, %d failed%n", results.size(), results.size() - failed, failed);
		out.flush();
		if (junitXml != null) {
			try (Writer w = Files.newBufferedWriter(junitXml, StandardCharsets.UTF_8)) {
				JUnitXmlReport.write(results, w);
			}
		}
		return unreadable ? 2 : failed > 0 ? 1 : 0;
	}
}

package org.sec.lang.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.sec.engine.cli.InternalFailure;
import org.sec.engine.syntax.DeepStack;
import org.sec.simulator.cli.ExplainCommand;
import org.sec.simulator.cli.ReplayCommand;
import org.sec.simulator.cli.TestCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** secwb: the workbench's command line. Subcommands carry the work. */
@Command(name = "secwb", mixinStandardHelpOptions = true, version = "secwb 0.1.0 (rules as SEC 2.9.1 reads them)",
		description = "SEC Workbench command line.", subcommands = { CheckCommand.class, ExportCommand.class, ReplayCommand.class, TestCommand.class, ExplainCommand.class })
public final class Secwb implements Callable<Integer> {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return 2;
	}

	public static void main(String[] args) {
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/** Runs secwb with the given streams; returns the exit code. */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(new Secwb());
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((e, commandLine, parsed) -> internalError(e, out, err));
		try {
			return DeepStack.call(() -> cli.execute(args));
		} catch (Throwable t) {
			return internalError(t, out, err);
		}
	}

	private static int internalError(Throwable t, PrintWriter out, PrintWriter err) {
		out.flush();
		return InternalFailure.report("secwb", t, err, "the files that caused it");
	}
}

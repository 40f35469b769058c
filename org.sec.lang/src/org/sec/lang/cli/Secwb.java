package org.sec.lang.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.sec.engine.cli.InternalFailure;
import org.sec.engine.syntax.DeepStack;
import org.sec.simulator.cli.ExplainCommand;
import org.sec.simulator.cli.ReplayCommand;
import org.sec.simulator.cli.TestCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** secwb: the workbench's command line. Subcommands carry the work. */
@Command(name = "secwb", mixinStandardHelpOptions = true, version = "secwb 0.1.0 (rules as SEC 2.9.1 reads them)",
		description = "SEC Workbench command line.")
public final class Secwb implements Callable<Integer> {

	/**
	 * The subcommands by name, in the order the usage lists them. Only the one named first is
	 * modelled (picocli reflects over each command's annotations: a tenth of a check's start).
	 */
	private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();
	static {
		SUBCOMMANDS.put("check", CheckCommand::new);
		SUBCOMMANDS.put("export", ExportCommand::new);
		SUBCOMMANDS.put("replay", ReplayCommand::new);
		SUBCOMMANDS.put("test", TestCommand::new);
		SUBCOMMANDS.put("explain", ExplainCommand::new);
	}

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return 2;
	}

	public static void main(String[] args) {
		// Guice makes no classes at run time then (about 200 fewer to define); Xtext's modules bind no interceptors
		if (System.getProperty("guice_bytecode_gen_option") == null) {
			System.setProperty("guice_bytecode_gen_option", "DISABLED");
		}
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/** Runs secwb with the given streams; returns the exit code. */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine cli = new CommandLine(new Secwb(), new CommandFactory());
		Supplier<Object> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
		if (named != null) {
			cli.addSubcommand(args[0], named.get());
		} else {
			SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
		}
		cli.setOut(out);
		cli.setErr(err);
		cli.setExecutionExceptionHandler((e, commandLine, parsed) -> internalError(e, out, err));
		try {
			return DeepStack.call(() -> cli.execute(args));
		} catch (Throwable t) {
			return internalError(t, out, err);
		}
	}

	/**
	 * Makes commands and converters by their no-argument constructors. picocli's default factory
	 * first looks for Groovy's Closure class, which opens every jar of the classpath.
	 */
	private static final class CommandFactory implements CommandLine.IFactory {
		@Override
		public <K> K create(Class<K> type) throws Exception {
			if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
				return CommandLine.defaultFactory().create(type); // collections and maps
			}
			java.lang.reflect.Constructor<K> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return constructor.newInstance();
		}
	}

	private static int internalError(Throwable t, PrintWriter out, PrintWriter err) {
		out.flush();
		return InternalFailure.report("secwb", t, err, "the files that caused it");
	}
}

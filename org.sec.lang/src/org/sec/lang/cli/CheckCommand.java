package org.sec.lang.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigLineReader;
import org.sec.engine.config.RuleTypes;
import org.sec.lang.SecStandaloneSetup;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * secwb check: validates rule files with sec's verdict and prints GCC-style lines
 * ("file:line:col: error: message"), or JSON, and a summary. Exit code 1 when any file
 * has an error.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Check SEC rule files: sec's verdict, with file:line:col messages.")
public final class CheckCommand implements Callable<Integer> {

	@Parameters(paramLabel = "FILE|DIR", arity = "1..*",
			description = "Rule files, or folders searched for *.sec, *.sr and *.conf files that hold SEC rules.")
	List<Path> paths;

	@Option(names = "--json", description = "Print the issues as JSON instead of lines.")
	boolean json;

	@Option(names = "--sec-version", paramLabel = "VERSION", converter = org.sec.simulator.cli.SecVersionConverter.class,
			description = "The sec release to check against: 2.9.1, 2.9.2, 2.9.3 or 2.9.4 (default: the newest sec"
					+ " on the PATH, else 2.9.4).")
	org.sec.engine.api.SecVersion secVersion = org.sec.engine.api.SecVersion.target();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		List<Path> files = collect(paths, err, "check");
		if (files == null) {
			return 2;
		}
		List<Found> found = validate(files, secVersion);
		long errors = found.stream().filter(f -> f.issue().getSeverity() == Severity.ERROR).count();
		long warnings = found.size() - errors;
		if (json) {
			JsonObject root = new JsonObject();
			JsonArray issues = new JsonArray();
			for (Found f : found) {
				JsonObject o = new JsonObject();
				o.addProperty("file", f.file().toString());
				o.addProperty("line", f.issue().getLineNumber());
				o.addProperty("column", f.issue().getColumn());
				o.addProperty("severity", f.issue().getSeverity() == Severity.ERROR ? "error" : "warning");
				o.addProperty("message", f.issue().getMessage());
				if (f.issue().getCode() != null) {
					o.addProperty("code", f.issue().getCode()); // what tools key on, not the message
				}
				issues.add(o);
			}
			root.add("issues", issues);
			root.addProperty("files", files.size());
			root.addProperty("errors", errors);
			root.addProperty("warnings", warnings);
			out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
		} else {
			for (Found f : found) {
				out.println(gccLine(f));
			}
			out.println(files.size() + (files.size() == 1 ? " file" : " files") + " checked: " + errors
					+ (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings"));
		}
		out.flush();
		return errors > 0 ? 1 : 0;
	}

	/** How Xtext words an exception thrown by a validator (ResourceValidatorImpl). */
	private static final String XTEXT_VALIDATOR_FAILED = "Error executing EValidator";

	record Found(Path file, Issue issue) {
	}

	/** Rule files under the given paths; null after printing an error for a missing path. */
	static List<Path> collect(List<Path> paths, PrintWriter err, String command) throws IOException {
		List<Path> files = new ArrayList<>();
		for (Path p : paths) {
			if (Files.isDirectory(p)) {
				try (Stream<Path> walk = Files.walk(p)) {
					walk.filter(Files::isRegularFile).filter(CheckCommand::isRuleFile).sorted().forEach(files::add);
				}
			} else if (Files.isRegularFile(p)) {
				files.add(p);
			} else {
				err.println("secwb " + command + ": " + p + ": no such file or directory");
				return null;
			}
		}
		return files;
	}

	/** Errors and warnings of the files, in file order. */
	static List<Found> validate(List<Path> files) throws IOException {
		return validate(files, org.sec.engine.api.SecVersion.target());
	}

	/** Errors and warnings of the files as sec {@code version} judges them, in file order. */
	static List<Found> validate(List<Path> files, org.sec.engine.api.SecVersion version) throws IOException {
		Injector injector = new SecStandaloneSetup().createInjectorAndDoEMFRegistration();
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		List<Found> found = new ArrayList<>();
		for (Path file : files) {
			String text = Files.readString(file, StandardCharsets.ISO_8859_1);
			XtextResource resource = (XtextResource) injector.getInstance(org.eclipse.xtext.resource.IResourceFactory.class)
					.createResource(org.eclipse.emf.common.util.URI.createFileURI(file.toString()));
			injector.getInstance(org.eclipse.xtext.resource.XtextResourceSet.class).getResources().add(resource);
			org.sec.lang.validation.SecTarget.set(resource, version);
			resource.load(new org.eclipse.xtext.util.LazyStringInputStream(text, "ISO-8859-1"), null);
			for (Issue issue : validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)) {
				if (issue.getMessage() != null && issue.getMessage().startsWith(XTEXT_VALIDATOR_FAILED)) {
					// a failure of ours, not a verdict: Xtext turned a validator's exception into an issue
					throw new IllegalStateException(file + ": " + issue.getMessage());
				}
				if (issue.getSeverity() == Severity.ERROR || issue.getSeverity() == Severity.WARNING) {
					found.add(new Found(file, issue));
				}
			}
		}
		return found;
	}

	static String gccLine(Found f) {
		return f.file() + ":" + f.issue().getLineNumber() + ":" + f.issue().getColumn() + ": "
				+ (f.issue().getSeverity() == Severity.ERROR ? "error" : "warning") + ": " + f.issue().getMessage();
	}

	/** *.sec and *.sr always; *.conf when it has a type= line with a SEC rule type. */
	static boolean isRuleFile(Path p) {
		String name = p.getFileName().toString();
		if (name.endsWith(".sec") || name.endsWith(".sr")) {
			return true;
		}
		if (!name.endsWith(".conf")) {
			return false;
		}
		try {
			for (ConfigLine line : ConfigLineReader.read(Files.readString(p, StandardCharsets.ISO_8859_1))) {
				if (line.kind() == ConfigLine.Kind.FIELD && "type".equals(line.keyword())
						&& RuleTypes.isRuleType(line.value())) {
					return true;
				}
			}
		} catch (IOException e) {
			return false;
		}
		return false;
	}
}

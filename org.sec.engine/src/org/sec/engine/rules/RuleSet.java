package org.sec.engine.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.perl.PerlBridge;

/** All rule files of --conf patterns, loaded as sec's read_config (L3860) does. */
public final class RuleSet {

	private final List<LoadedRuleFile> files;
	private final boolean valid;
	private final PerlBridge perl;
	/** Each file's modification time when it was read (epoch seconds, 0 if unknown), for soft restarts. */
	private final java.util.Map<String, Long> mtimes;
	/** After {@link #softReload}: the files that were read again or are gone. */
	private final List<String> changedFiles;
	/** Files that could not be read, as sec reports them. */
	private final List<String> openErrors;

	/** The sec release the rules were read as (trim exists from 2.9.4); soft restarts read as it too. */
	private final org.sec.engine.api.SecVersion secVersion;

	private RuleSet(List<LoadedRuleFile> files, boolean valid, PerlBridge perl, java.util.Map<String, Long> mtimes,
			List<String> changedFiles, List<String> openErrors, org.sec.engine.api.SecVersion secVersion) {
		this.secVersion = secVersion;
		this.files = List.copyOf(files);
		this.valid = valid;
		this.perl = perl;
		this.mtimes = java.util.Map.copyOf(mtimes);
		this.changedFiles = List.copyOf(changedFiles);
		this.openErrors = List.copyOf(openErrors);
	}

	/** sec's error messages for these files (unreadable files, rejected rules), in load order. */
	public List<String> errors() {
		List<String> errors = new ArrayList<>(openErrors);
		for (LoadedRuleFile file : files) {
			file.messages(ConfigDiagnostic.Severity.ERROR).forEach(d -> errors.add(d.message()));
		}
		return errors;
	}

	/** The Perl bridge that compiled the rules' Perl code; runs it too. {@code null} if none was given. */
	public PerlBridge perl() {
		return perl;
	}

	public List<LoadedRuleFile> files() {
		return files;
	}

	/** sec --testonly's verdict: every file opened and parsed without errors. */
	public boolean valid() {
		return valid;
	}

	/**
	 * Loads the files that the patterns name, in order, without duplicates.
	 *
	 * @param log receives each message as sec would log it, in sec's order
	 */
	public static RuleSet load(List<String> confPatterns, int bufsize, Consumer<ConfigDiagnostic> log) {
		return load(Paths.get(""), confPatterns, bufsize, log);
	}

	/**
	 * Like {@link #load(List, int, Consumer)}, with relative names resolved against
	 * {@code baseDir} (sec's working directory); files keep the names as given.
	 */
	public static RuleSet load(Path baseDir, List<String> confPatterns, int bufsize, Consumer<ConfigDiagnostic> log) {
		return load(baseDir, confPatterns, bufsize, null, log);
	}

	/**
	 * Like {@link #load(Path, List, int, Consumer)}, with the rules' Perl code compiled
	 * (and later run) by {@code perl}, as sec compiles it while loading.
	 */
	public static RuleSet load(Path baseDir, List<String> confPatterns, int bufsize, PerlBridge perl,
			Consumer<ConfigDiagnostic> log) {
		return load(baseDir, confPatterns, bufsize, org.sec.engine.api.SecVersion.target(), perl, log);
	}

	/** Like {@link #load(Path, List, int, PerlBridge, Consumer)}, read as sec {@code version} reads rules. */
	public static RuleSet load(Path baseDir, List<String> confPatterns, int bufsize,
			org.sec.engine.api.SecVersion version, PerlBridge perl, Consumer<ConfigDiagnostic> log) {
		java.util.Map<String, Path> files = new java.util.LinkedHashMap<>();
		for (String pattern : confPatterns) {
			for (String name : glob(baseDir, pattern)) {
				files.putIfAbsent(name, baseDir.resolve(name));
			}
		}
		return loadNamed(files, bufsize, version, perl, log);
	}

	/**
	 * Loads rule files that are named one way and stored elsewhere: {@code files} maps each
	 * name (as messages, operation keys and breakpoints use it, such as an Eclipse workspace
	 * path "project/rules.sec") to where the file is (a project may live outside the
	 * workspace folder). No globbing: the names are files.
	 */
	public static RuleSet loadNamed(java.util.Map<String, Path> files, int bufsize,
			org.sec.engine.api.SecVersion version, PerlBridge perl, Consumer<ConfigDiagnostic> log) {
		List<LoadedRuleFile> loaded = new ArrayList<>();
		java.util.Map<String, Long> mtimes = new java.util.HashMap<>();
		List<String> openErrors = new ArrayList<>();
		boolean valid = true;
		for (java.util.Map.Entry<String, Path> e : files.entrySet()) {
			mtimes.put(e.getKey(), mtime(e.getValue()));
			LoadedRuleFile file = loadFile(e.getValue(), e.getKey(), bufsize, version, perl, collecting(log, openErrors));
			if (file == null) {
				valid = false;
				continue;
			}
			loaded.add(file);
			valid &= file.valid();
		}
		return new RuleSet(loaded, valid, perl, mtimes, List.of(), openErrors, version);
	}

	/**
	 * SIGABRT's soft_read_config (L3960): the files the patterns name now, where only new
	 * files and files whose modification time changed are read again; the others keep
	 * their rules (so operations started by them live on). {@link #changedFiles()} lists the
	 * files read again and those no longer named, whose operations sec ends.
	 */
	public RuleSet softReload(Path baseDir, List<String> confPatterns, int bufsize, Consumer<ConfigDiagnostic> log) {
		Set<String> names = new LinkedHashSet<>();
		for (String pattern : confPatterns) {
			names.addAll(glob(baseDir, pattern));
		}
		java.util.Map<String, LoadedRuleFile> previous = new java.util.HashMap<>();
		files.forEach(f -> previous.put(f.fileName(), f));
		List<LoadedRuleFile> loaded = new ArrayList<>();
		java.util.Map<String, Long> newTimes = new java.util.HashMap<>();
		List<String> changed = new ArrayList<>();
		List<String> openErrors = new ArrayList<>();
		boolean ok = true;
		for (String name : names) {
			long mtime = mtime(baseDir.resolve(name));
			newTimes.put(name, mtime);
			LoadedRuleFile file = previous.get(name);
			if (file == null || mtimes.getOrDefault(name, 0L) != mtime) {
				if (file != null) {
					changed.add(name);
				}
				file = loadFile(baseDir.resolve(name), name, bufsize, secVersion, perl, collecting(log, openErrors));
			}
			if (file == null) {
				ok = false;
				continue;
			}
			loaded.add(file);
			ok &= file.valid();
		}
		for (LoadedRuleFile f : files) {
			if (!names.contains(f.fileName())) {
				changed.add(f.fileName());
			}
		}
		return new RuleSet(loaded, ok, perl, newTimes, changed, openErrors, secVersion);
	}

	/** After a {@link #softReload}: the files whose operations end (read again, or gone). */
	public List<String> changedFiles() {
		return changedFiles;
	}

	/** The log, also keeping the errors of files that cannot be read (a file's own messages stay with the file). */
	private static Consumer<ConfigDiagnostic> collecting(Consumer<ConfigDiagnostic> log, List<String> openErrors) {
		return d -> {
			if (d.severity() == ConfigDiagnostic.Severity.ERROR && d.line() == 0) {
				openErrors.add(d.message());
			}
			log.accept(d);
		};
	}

	private static long mtime(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis() / 1000;
		} catch (IOException e) {
			return 0;
		}
	}

	/** One file as read_configfile reads it; {@code null} (after sec's messages) when it cannot be opened. */
	private static LoadedRuleFile loadFile(Path location, String name, int bufsize,
			org.sec.engine.api.SecVersion version, PerlBridge perl,
			Consumer<ConfigDiagnostic> log) {
		String text;
		try {
			// bytes as characters, as Perl reads them
			text = new String(Files.readAllBytes(location), StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			log.accept(new ConfigDiagnostic(ConfigDiagnostic.Severity.NOTICE, 0, "Reading configuration from " + name,
					ConfigDiagnostic.Code.PROGRESS, null, null));
			log.accept(new ConfigDiagnostic(ConfigDiagnostic.Severity.ERROR, 0,
					"Can't open configuration file " + name + " (" + reason(e) + ")", ConfigDiagnostic.Code.CANNOT_OPEN,
					null, name));
			return null;
		}
		LoadedRuleFile file = RuleLoader.load(name, text, bufsize, version, perl);
		file.messages().forEach(log);
		if (perl != null) {
			warnAboutSecInternals(file, log);
		}
		return file;
	}

	/** jsec's deliberate difference (FAQ Q15): Perl code that reaches sec's own state sees none of jsec's. */
	private static void warnAboutSecInternals(LoadedRuleFile file, Consumer<ConfigDiagnostic> log) {
		for (Rule rule : file.rules()) {
			for (String code : rule.perlCode()) {
				for (String name : org.sec.engine.perl.SecInternals.notShared(code)) {
					log.accept(new ConfigDiagnostic(ConfigDiagnostic.Severity.WARNING, rule.line(),
							"Rule in " + file.fileName() + " at line " + rule.line() + ": Perl code uses sec's internal "
									+ name + ", which jsec does not have: the code runs in jsec's Perl bridge and"
									+ " sees an empty variable, not jsec's state",
							ConfigDiagnostic.Code.SEC_INTERNALS_NOT_SHARED, null, name));
				}
			}
		}
	}

	private static String reason(IOException e) {
		if (e instanceof java.nio.file.NoSuchFileException) {
			return "No such file or directory";
		}
		if (e instanceof java.nio.file.AccessDeniedException) {
			return "Permission denied";
		}
		return e.getMessage();
	}

	/** Perl glob() of one pattern, as both --conf and --input use it. */
	public static List<String> globFiles(String pattern) {
		return org.sec.engine.syntax.PerlGlob.expand(pattern);
	}

	static List<String> glob(Path baseDir, String pattern) {
		return org.sec.engine.syntax.PerlGlob.expand(baseDir, pattern);
	}
}

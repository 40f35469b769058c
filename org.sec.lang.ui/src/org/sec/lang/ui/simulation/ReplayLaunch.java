package org.sec.lang.ui.simulation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.ILaunchConfigurationDelegate;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.rules.RuleSet;
import org.sec.simulator.replay.Breakpoint;
import org.sec.simulator.replay.Replay;
import org.sec.simulator.replay.ReplaySource;
import org.sec.engine.scenario.Scenario;
import org.sec.simulator.time.LogTiming;
import org.sec.simulator.trace.TraceEvent;

/**
 * The "SEC Replay" launch configuration type: rules, a log (or scenario), how the log is
 * timed, speed, whether commands may run, and breakpoints. Run replays to the end; Debug
 * stops at the breakpoints. Paths are workspace paths ({@code /project/file}) or
 * file-system paths.
 */
public final class ReplayLaunch implements ILaunchConfigurationDelegate {

	public static final String TYPE = "org.sec.lang.ui.replay";
	public static final String ATTR_RULES = "org.sec.replay.rules";
	public static final String ATTR_LOG = "org.sec.replay.log";
	public static final String ATTR_SCENARIO = "org.sec.replay.scenario";
	public static final String ATTR_TIMESTAMPS = "org.sec.replay.timestamps";
	public static final String ATTR_TIMESTAMP_PATTERN = "org.sec.replay.timestampPattern";
	public static final String ATTR_YEAR = "org.sec.replay.year";
	public static final String ATTR_SPEED = "org.sec.replay.speed";
	public static final String ATTR_ALLOW_EXEC = "org.sec.replay.allowExec";
	/** Run past the last line to this virtual time (ISO-8601 or epoch seconds; empty: stop at the last line). */
	public static final String ATTR_UNTIL = "org.sec.replay.until";
	/** sec's options for the replay, as on sec's command line ("--intevents --bufsize=10"). */
	public static final String ATTR_SEC_OPTIONS = "org.sec.replay.secOptions";
	/** The zone of the log's timestamps and of the engine's local time (empty: $TZ, else UTC). */
	public static final String ATTR_ZONE = "org.sec.replay.zone";
	/** One breakpoint per line: "rule FILE:LINE", "action TEXT", "context NAME", "operation KEYPART". */
	public static final String ATTR_BREAKPOINTS = "org.sec.replay.breakpoints";

	@Override
	public void launch(ILaunchConfiguration config, String mode, ILaunch launch, IProgressMonitor monitor)
			throws CoreException {
		List<String> rules = new ArrayList<>();
		// named by workspace path, read from wherever the project lives (workbench.sh's
		// example project is outside the workspace folder)
		java.util.Map<String, Path> ruleFiles = new java.util.LinkedHashMap<>();
		for (String r : config.getAttribute(ATTR_RULES, "").split("[,\\n]")) {
			if (!r.isBlank()) {
				rules.add(ruleName(r.strip()));
				ruleFiles.put(ruleName(r.strip()), resolve(r.strip()));
			}
		}
		if (rules.isEmpty()) {
			throw error("Choose the rule files to replay (Main tab, Rules).");
		}
		PerlBridge perl = PerlBridge.fromPath();
		// the target sec release is the rule files' project's (Project > Properties > SEC Workbench)
		org.sec.engine.api.SecVersion secVersion = org.sec.lang.ui.preferences.SecProjectSettings
				.secVersion(ResourcesPlugin.getWorkspace().getRoot().findMember(rules.get(0)));
		RuleSet ruleSet = RuleSet.loadNamed(ruleFiles, 0, secVersion, perl, d -> {
		});
		if (!ruleSet.errors().isEmpty()) {
			perl.close();
			throw error("The rules do not load: " + String.join("; ", ruleSet.errors()));
		}
		ReplaySource source;
		try {
			source = source(config);
		} catch (IOException | IllegalArgumentException e) {
			perl.close();
			throw error(e.getMessage());
		}
		SideEffects sideEffects = config.getAttribute(ATTR_ALLOW_EXEC, false) ? SideEffects.ALLOW
				: SideEffects.RECORD_ONLY;
		String until = config.getAttribute(ATTR_UNTIL, "").strip();
		OptionalLong untilSecond;
		try {
			untilSecond = until.isEmpty() ? OptionalLong.empty()
					: OptionalLong.of(until.matches("\\d+") ? Long.parseLong(until)
							: java.time.Instant.parse(until).getEpochSecond());
		} catch (java.time.format.DateTimeParseException e) {
			source.close();
			perl.close();
			throw error("'Until' must be ISO-8601 such as 2024-01-01T01:00:00Z or epoch seconds, not '" + until + "'");
		}
		Replay replay = Replay.start(ruleSet, source,
				new Replay.Options(secOptions(config).withSecVersion(secVersion), sideEffects, untilSecond,
						zone(config)),
				SecLog.toTerminal(() -> 0, 3, System.err));
		if (ILaunchManager.DEBUG_MODE.equals(mode)) {
			for (String line : config.getAttribute(ATTR_BREAKPOINTS, "").split("\\n")) {
				Breakpoint b = breakpoint(line.strip());
				if (b != null) {
					replay.addBreakpoint(b);
				}
			}
		}
		String speed = config.getAttribute(ATTR_SPEED, "max");
		if (!speed.equalsIgnoreCase("max")) {
			try {
				replay.setSpeed(Double.parseDouble(speed));
			} catch (NumberFormatException e) {
				replay.close();
				perl.close();
				throw error("Speed must be max or a number of virtual seconds per second, not '" + speed + "'");
			}
		}
		ReplaySession session = new ReplaySession(config.getName(), replay, perl);
		ShownReplay.add(session);
		// Step Back and Run back: a replay is deterministic, so the same set-up replayed from
		// the start reaches any earlier state (the configuration's own breakpoints included)
		Replay.Options rewindOptions = new Replay.Options(secOptions(config).withSecVersion(secVersion),
				sideEffects == SideEffects.ALLOW ? SideEffects.RECORD_ONLY : sideEffects, untilSecond, zone(config));
		boolean debug = ILaunchManager.DEBUG_MODE.equals(mode);
		String configBreakpoints = config.getAttribute(ATTR_BREAKPOINTS, "");
		session.setRewind(() -> {
			Replay fresh;
			try {
				fresh = Replay.start(ruleSet, source(config), rewindOptions, SecLog.toTerminal(() -> 0, 3, System.err));
			} catch (IOException | CoreException e) {
				throw new IllegalStateException("the replay cannot start again: " + e.getMessage(), e);
			}
			if (debug) {
				for (String line : configBreakpoints.split("\\n")) {
					Breakpoint b = breakpoint(line.strip());
					if (b != null) {
						fresh.addBreakpoint(b);
					}
				}
			}
			return fresh;
		});
		// the launch's debug target: the Debug view shows it, its thread and frames, and
		// shows the launch as terminated once the replay ends
		String input = config.getAttribute(ATTR_LOG, "").isBlank() ? config.getAttribute(ATTR_SCENARIO, "")
				: config.getAttribute(ATTR_LOG, "");
		IResource inputFile = input.isBlank() ? null : ResourcesPlugin.getWorkspace().getRoot().findMember(input.strip());
		launch.setSourceLocator(new org.sec.lang.ui.simulation.debug.ReplaySourceLocator());
		launch.addDebugTarget(new org.sec.lang.ui.simulation.debug.ReplayDebugTarget(launch, session,
				inputFile instanceof org.eclipse.core.resources.IFile f ? f : null,
				ILaunchManager.DEBUG_MODE.equals(mode) ? ruleSet : null));
		showSimulationPerspective();
		session.play();
	}

	/**
	 * Makes a "NAME replay" launch configuration for a project with one rule file and one
	 * log, so that a replay is a click away (Run or Debug); returns it, or null.
	 */
	public static org.eclipse.debug.core.ILaunchConfiguration ensureExampleConfiguration(
			org.eclipse.core.resources.IProject project) throws CoreException {
		List<org.eclipse.core.resources.IFile> rules = new ArrayList<>();
		List<org.eclipse.core.resources.IFile> logs = new ArrayList<>();
		for (IResource r : project.members()) {
			if (r instanceof org.eclipse.core.resources.IFile f && f.getFileExtension() != null) {
				if (f.getFileExtension().equals("sec")) {
					rules.add(f);
				} else if (f.getFileExtension().equals("log")) {
					logs.add(f);
				}
			}
		}
		if (rules.size() != 1 || logs.size() != 1) {
			return null;
		}
		org.eclipse.debug.core.ILaunchManager manager = org.eclipse.debug.core.DebugPlugin.getDefault()
				.getLaunchManager();
		String name = project.getName() + " replay";
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(manager.getLaunchConfigurationType(TYPE))) {
			if (c.getName().equals(name)) {
				return c;
			}
		}
		org.eclipse.debug.core.ILaunchConfigurationWorkingCopy c = manager.getLaunchConfigurationType(TYPE)
				.newInstance(null, name);
		c.setAttribute(ATTR_RULES, rules.get(0).getFullPath().toString());
		c.setAttribute(ATTR_LOG, logs.get(0).getFullPath().toString());
		c.setAttribute(ATTR_TIMESTAMPS, "auto");
		c.setAttribute(ATTR_SPEED, "max");
		// listed under the toolbar's Run and Debug buttons from the first start
		c.setAttribute(org.eclipse.debug.ui.IDebugUIConstants.ATTR_FAVORITE_GROUPS,
				List.of(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP,
						org.eclipse.debug.ui.IDebugUIConstants.ID_RUN_LAUNCH_GROUP));
		return c.doSave();
	}

	/**
	 * The enabled breakpoints of the Breakpoints view for a replay of {@code rules}: each rule
	 * breakpoint stops when the rule holding its line matches, each event breakpoint on its
	 * event, both only when their condition holds. One whose condition no longer parses is
	 * logged and left out.
	 */
	public static List<Breakpoint> debugBreakpoints(RuleSet rules) throws CoreException {
		List<Breakpoint> result = new ArrayList<>();
		for (org.eclipse.debug.core.model.IBreakpoint b : org.eclipse.debug.core.DebugPlugin.getDefault()
				.getBreakpointManager().getBreakpoints(org.sec.lang.ui.simulation.debug.ReplayDebugTarget.MODEL_ID)) {
			if (!b.isEnabled() || b.getMarker() == null) {
				continue;
			}
			try {
				if (b instanceof org.sec.lang.ui.simulation.debug.RuleLineBreakpoint rule) {
					Breakpoint replayed = ruleBreakpoint(rules, rule);
					if (replayed != null) {
						result.add(replayed.when(rule.condition()));
					}
				} else if (b instanceof org.sec.lang.ui.simulation.debug.ReplayEventBreakpoint event) {
					result.add(event.toReplayBreakpoint());
				}
			} catch (IllegalArgumentException e) {
				org.eclipse.core.runtime.ILog.of(ReplayLaunch.class).warn(b.getMarker().getAttribute(
						org.eclipse.core.resources.IMarker.MESSAGE, "breakpoint") + " is left out: " + e.getMessage());
			}
		}
		return result;
	}

	/** The rule of {@code rules} holding the breakpoint's line, as a replay breakpoint; null when none does. */
	private static Breakpoint ruleBreakpoint(RuleSet rules, org.sec.lang.ui.simulation.debug.RuleLineBreakpoint b)
			throws CoreException {
		IResource marked = b.getMarker().getResource();
		for (org.sec.engine.rules.LoadedRuleFile file : rules.files()) {
			IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(file.fileName());
			if (marked.equals(r)) {
				org.sec.engine.rules.Rule holding = file.ruleHolding(b.getLineNumber());
				return holding == null ? null : Breakpoint.ruleMatched(file.fileName(), holding.line());
			}
		}
		return null;
	}

	/** A breakpoint from one line of {@link #ATTR_BREAKPOINTS}; null for a blank or unknown line. */
	public static Breakpoint breakpoint(String line) {
		if (line.isEmpty()) {
			return null;
		}
		String[] parts = line.split("\\s+", 2);
		String arg = parts.length > 1 ? parts[1].strip() : "";
		switch (parts[0]) {
		case "rule": {
			int colon = arg.lastIndexOf(':');
			if (colon < 0) {
				return Breakpoint.ruleMatched(null, Integer.parseInt(arg));
			}
			return Breakpoint.ruleMatched(arg.substring(0, colon), Integer.parseInt(arg.substring(colon + 1)));
		}
		case "action":
			return Breakpoint.actionExecuted(arg);
		case "context":
			return Breakpoint.context(arg.isEmpty() ? null : arg, EnumSet.of(TraceEvent.Kind.CONTEXT_CREATED,
					TraceEvent.Kind.CONTEXT_DELETED, TraceEvent.Kind.CONTEXT_EXPIRED));
		case "operation":
			return Breakpoint.operation(arg.isEmpty() ? null : arg,
					EnumSet.of(TraceEvent.Kind.OPERATION_STARTED, TraceEvent.Kind.OPERATION_FINISHED));
		default:
			return null;
		}
	}

	/**
	 * The configuration's sec options, parsed as sec parses its command line (the same
	 * {@link SecOptions} as jsec, secwb replay --sec and scenarios' @sec).
	 */
	static SecOptions secOptions(ILaunchConfiguration config) throws CoreException {
		java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
		SecOptions options = parse(config.getAttribute(ATTR_SEC_OPTIONS, ""), said);
		if (said.size() > 0) {
			throw error("sec options (Main tab): " + problems(said));
		}
		return options;
	}

	/** What sec says about these options (Getopt::Long's and sec's wording), or null when it takes them. */
	public static String secOptionsProblem(String text) {
		java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
		parse(text, said);
		return said.size() == 0 ? null : problems(said);
	}

	private static SecOptions parse(String text, java.io.ByteArrayOutputStream problems) {
		String options = text == null ? "" : text.strip();
		return options.isEmpty() ? SecOptions.defaults()
				: SecOptions.parse(options.split("\\s+"),
						new java.io.PrintStream(problems, true, java.nio.charset.StandardCharsets.UTF_8));
	}

	private static String problems(java.io.ByteArrayOutputStream said) {
		return said.toString(java.nio.charset.StandardCharsets.UTF_8).strip().replace('\n', ';');
	}

	/** One zone for the log's timestamps and the engine's local time: the configuration's, else $TZ, else UTC. */
	private static java.time.ZoneId zone(ILaunchConfiguration config) throws CoreException {
		String zone = config.getAttribute(ATTR_ZONE, "").strip();
		try {
			return zone.isEmpty() ? org.sec.simulator.clock.VirtualClock.defaultZone() : java.time.ZoneId.of(zone);
		} catch (java.time.DateTimeException e) {
			throw error("Unknown time zone '" + zone + "' (Main tab): give a region such as Europe/Berlin, or UTC");
		}
	}

	private static ReplaySource source(ILaunchConfiguration config) throws CoreException, IOException {
		String scenario = config.getAttribute(ATTR_SCENARIO, "");
		if (!scenario.isBlank()) {
			return ReplaySource.of(Scenario.parse(java.nio.file.Files.readString(resolve(scenario),
					java.nio.charset.StandardCharsets.ISO_8859_1), zone(config)));
		}
		String log = config.getAttribute(ATTR_LOG, "");
		if (log.isBlank()) {
			throw error("Choose a log or a scenario to replay (Main tab).");
		}
		int year = config.getAttribute(ATTR_YEAR, 0);
		LogTiming timing = new LogTiming(config.getAttribute(ATTR_TIMESTAMPS, "auto"),
				config.getAttribute(ATTR_TIMESTAMP_PATTERN, ""), year == 0 ? null : year,
				zone(config).getId(), null, null);
		return timing.source(resolve(log));
	}

	/** How a rule file is named in keys and messages: its workspace path without the leading slash, else its path. */
	private static String ruleName(String path) {
		IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(path);
		return r != null ? r.getFullPath().makeRelative().toString() : path;
	}

	/** A workspace path (/project/file) when such a resource exists, else a file-system path. */
	static Path resolve(String path) {
		IResource r = ResourcesPlugin.getWorkspace().getRoot().findMember(path);
		if (r != null && r.getLocation() != null) {
			return r.getLocation().toFile().toPath();
		}
		return Path.of(path);
	}

	private static void showSimulationPerspective() {
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> {
			try {
				PlatformUI.getWorkbench().showPerspective(SimulationPerspective.ID,
						PlatformUI.getWorkbench().getActiveWorkbenchWindow());
			} catch (WorkbenchException e) {
				org.eclipse.core.runtime.ILog.of(ReplayLaunch.class).error("cannot open the simulation perspective", e);
			}
		});
	}

	private static CoreException error(String message) {
		return new CoreException(Status.error(message));
	}
}

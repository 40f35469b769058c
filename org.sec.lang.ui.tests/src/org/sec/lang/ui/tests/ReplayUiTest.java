package org.sec.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.sec.engine.tests.support.GoldenFiles;
import org.sec.lang.ui.simulation.ContextsView;
import org.sec.lang.ui.simulation.OperationsView;
import org.sec.lang.ui.simulation.ReplayControlView;
import org.sec.lang.ui.simulation.ReplayLaunch;
import org.sec.lang.ui.simulation.ReplaySession;
import org.sec.lang.ui.simulation.ShownReplay;
import org.sec.lang.ui.simulation.SimulationPerspective;
import org.sec.lang.ui.simulation.TraceView;
import org.sec.simulator.replay.Replay;

/**
 * Launches a SEC Replay of the example in Debug mode, as a user would from Run >
 * Debug Configurations, and looks at the simulation views: stopped at the breakpoint,
 * then past the alert operation's window.
 */
class ReplayUiTest {

	/**
	 * As the product sets it (plugin_customization.ini): Debug replays switch to SEC
	 * Simulation without asking (the test runtime does not read the product's file).
	 */
	@org.junit.jupiter.api.BeforeAll
	static void switchPerspectivesWithoutAsking() {
		org.eclipse.core.runtime.preferences.IEclipsePreferences debugUi = org.eclipse.core.runtime.preferences.InstanceScope.INSTANCE
				.getNode("org.eclipse.debug.ui");
		debugUi.put("org.eclipse.debug.ui.switch_to_perspective", "always");
		debugUi.put("org.eclipse.debug.ui.switch_perspective_on_suspend", "always");
	}

	private static void waitUntil(String what, BooleanSupplier condition) {
		UiWait.until(what, 30_000, condition);
		Screenshots.flush(Display.getCurrent());
	}

	private static List<String> rows(Table table) {
		List<String> rows = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			StringBuilder b = new StringBuilder();
			for (int i = 0; i < table.getColumnCount(); i++) {
				b.append(item.getText(i)).append(" | ");
			}
			rows.add(b.toString());
		}
		return rows;
	}

	/** A replay of the example's rules over its log, in 2024, not saved. */
	private static ILaunchConfigurationWorkingCopy exampleConfiguration(String name) throws Exception {
		ILaunchConfigurationWorkingCopy config = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ReplayLaunch.TYPE).newInstance(null, name);
		config.setAttribute(ReplayLaunch.ATTR_RULES, "/replay-example/ssh-login-failures.sec");
		config.setAttribute(ReplayLaunch.ATTR_LOG, "/replay-example/sample-auth.log");
		config.setAttribute(ReplayLaunch.ATTR_YEAR, 2024);
		return config;
	}

	private static IProject exampleProject() throws Exception {
		Path example = GoldenFiles.repositoryDir().resolve("examples/ssh-login-failures");
		for (String name : List.of("ssh-login-failures.sec", "sample-auth.log")) {
			TestProjects.file("replay-example", name, Files.readAllBytes(example.resolve(name)));
		}
		return TestProjects.project("replay-example");
	}

	@Test
	void aProjectWithOneRuleFileAndOneLogGetsAReplayConfiguration() throws Exception {
		IProject project = exampleProject();
		org.eclipse.debug.core.ILaunchConfiguration c = ReplayLaunch.ensureExampleConfiguration(project);
		assertEquals("replay-example replay", c.getName());
		assertEquals("/replay-example/ssh-login-failures.sec", c.getAttribute(ReplayLaunch.ATTR_RULES, ""));
		assertEquals("/replay-example/sample-auth.log", c.getAttribute(ReplayLaunch.ATTR_LOG, ""));
		assertEquals(c, ReplayLaunch.ensureExampleConfiguration(project));
		assertEquals(List.of(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_LAUNCH_GROUP,
				org.eclipse.debug.ui.IDebugUIConstants.ID_RUN_LAUNCH_GROUP),
				c.getAttribute(org.eclipse.debug.ui.IDebugUIConstants.ATTR_FAVORITE_GROUPS, List.of()),
				"a favourite of the toolbar's Debug and Run menus");
	}

	/**
	 * A project whose folder is outside the workspace folder, as scripts/workbench.sh makes
	 * the example: the replay reads its rules through the project's location (it failed
	 * with "Can't open configuration file replay-outside/ssh-login-failures.sec").
	 */
	@Test
	void aProjectOutsideTheWorkspaceFolderReplays() throws Exception {
		java.nio.file.Path outside = Files.createTempDirectory("outside-example");
		Path example = GoldenFiles.repositoryDir().resolve("examples/ssh-login-failures");
		for (String name : List.of("ssh-login-failures.sec", "sample-auth.log")) {
			Files.copy(example.resolve(name), outside.resolve(name));
		}
		org.eclipse.core.resources.IWorkspace workspace = org.eclipse.core.resources.ResourcesPlugin.getWorkspace();
		IProject project = workspace.getRoot().getProject("replay-outside");
		org.eclipse.core.resources.IProjectDescription description = workspace.newProjectDescription("replay-outside");
		description.setLocation(new org.eclipse.core.runtime.Path(outside.toString()));
		project.create(description, null);
		project.open(null);
		project.refreshLocal(org.eclipse.core.resources.IResource.DEPTH_INFINITE, null);
		ILaunchConfigurationWorkingCopy config = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ReplayLaunch.TYPE).newInstance(null, "outside replay");
		config.setAttribute(ReplayLaunch.ATTR_RULES, "/replay-outside/ssh-login-failures.sec");
		config.setAttribute(ReplayLaunch.ATTR_LOG, "/replay-outside/sample-auth.log");
		config.setAttribute(ReplayLaunch.ATTR_YEAR, 2024);
		config.launch(ILaunchManager.RUN_MODE, null);
		waitUntil("the replay of the project outside the workspace folder ends", () -> {
			ReplaySession s = ShownReplay.session();
			return s != null && s.name().equals("outside replay") && s.state().finished();
		});
		assertTrue(ShownReplay.session().state().lines() > 0, "the log's lines were replayed");
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-project-outside-workspace");
	}

	/**
	 * The launch configuration's sec options reach the engine as jsec's command line does
	 * (the same SecOptions): --intevents makes SEC_SHUTDOWN an event; a bad option is refused with
	 * Getopt::Long's words, and a zone with the configuration's.
	 */
	@Test
	void theLaunchConfigurationsSecOptionsReachTheEngine() throws Exception {
		exampleProject();
		assertEquals("Unknown option: bogus", ReplayLaunch.secOptionsProblem("--bogus"));
		assertNull(ReplayLaunch.secOptionsProblem("--intevents --bufsize=10"));
		ILaunchConfigurationWorkingCopy config = exampleConfiguration("intevents replay");
		config.setAttribute(ReplayLaunch.ATTR_SEC_OPTIONS, "--intevents");
		config.setAttribute(ReplayLaunch.ATTR_ZONE, "Europe/Berlin");
		config.launch(ILaunchManager.RUN_MODE, null);
		waitUntil("the replay with --intevents ends", () -> {
			ReplaySession s = ShownReplay.session();
			return s != null && s.name().equals("intevents replay") && s.state().finished();
		});
		List<String> synthetic = ShownReplay.session().trace().stream()
				.filter(e -> e.kind() == org.sec.simulator.trace.TraceEvent.Kind.LINE_CONSUMED
						&& "true".equals(e.detail().get("synthetic")))
				.map(org.sec.simulator.trace.TraceEvent::subject).toList();
		assertEquals(List.of("SEC_SHUTDOWN"), synthetic, "(SEC_STARTUP comes before the session listens)");
		// the log's "Jan  1 00:00:01" read in Berlin: 23:00:01 UTC the day before
		assertEquals(1704067201L - 3600, ShownReplay.session().state().start());
		config.setAttribute(ReplayLaunch.ATTR_SEC_OPTIONS, "--bogus");
		org.eclipse.core.runtime.CoreException refused = org.junit.jupiter.api.Assertions.assertThrows(
				org.eclipse.core.runtime.CoreException.class, () -> config.launch(ILaunchManager.RUN_MODE, null));
		assertEquals("sec options (Main tab): Unknown option: bogus", refused.getStatus().getMessage());
	}

	/** Two Debug replays at once: each launch owns its session, and one going on leaves the other where it is. */
	@Test
	void twoReplaysRunAtOnce() throws Exception {
		exampleProject();
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		org.eclipse.debug.core.ILaunch[] launches = new org.eclipse.debug.core.ILaunch[2];
		for (int i = 0; i < 2; i++) {
			ILaunchConfigurationWorkingCopy config = manager.getLaunchConfigurationType(ReplayLaunch.TYPE)
					.newInstance(null, "parallel replay " + i);
			config.setAttribute(ReplayLaunch.ATTR_RULES, "/replay-example/ssh-login-failures.sec");
			config.setAttribute(ReplayLaunch.ATTR_LOG, "/replay-example/sample-auth.log");
			config.setAttribute(ReplayLaunch.ATTR_YEAR, 2024);
			config.setAttribute(ReplayLaunch.ATTR_BREAKPOINTS, "action ALERT\n");
			launches[i] = config.launch(ILaunchManager.DEBUG_MODE, null);
			String name = "parallel replay " + i;
			waitUntil(name + " stops at its breakpoint", () -> {
				ReplaySession s = ShownReplay.session();
				return s.name().equals(name) && !s.isRunning() && s.state().lastStop() != null;
			});
		}
		for (org.eclipse.debug.core.ILaunch launch : launches) {
			assertFalse(launch.isTerminated());
			assertTrue(launch.getDebugTarget().isSuspended());
		}
		org.eclipse.debug.core.model.IDebugTarget first = launches[0].getDebugTarget();
		waitUntil("the first replay runs to its end", () -> {
			if (first.isSuspended()) {
				try {
					first.resume(); // past each ALERT
				} catch (org.eclipse.debug.core.DebugException e) {
					throw new IllegalStateException(e);
				}
			}
			return launches[0].isTerminated();
		});
		assertFalse(launches[1].isTerminated());
		assertTrue(launches[1].getDebugTarget().isSuspended(), "the second is still at its breakpoint");
		launches[1].getDebugTarget().terminate();
		waitUntil("the second replay is terminated", launches[1]::isTerminated);
	}

	/** Run As > SEC Replay on a rule file: a configuration with the log beside it, reused the next time. */
	@Test
	void runAsOnARuleFileStartsAReplay() throws Exception {
		IFile rules = exampleProject().getFile("ssh-login-failures.sec");
		org.eclipse.debug.core.ILaunchConfiguration c = org.sec.lang.ui.simulation.ReplayLaunchShortcut.configurationFor(rules);
		assertEquals("/replay-example/sample-auth.log", c.getAttribute(ReplayLaunch.ATTR_LOG, ""));
		assertEquals(c, org.sec.lang.ui.simulation.ReplayLaunchShortcut.configurationFor(rules), "reused, not one more");
		new org.sec.lang.ui.simulation.ReplayLaunchShortcut().launch(new org.eclipse.jface.viewers.StructuredSelection(rules),
				ILaunchManager.RUN_MODE);
		waitUntil("the replay started from Run As ends", () -> {
			ReplaySession s = ShownReplay.session();
			return s != null && s.name().equals(c.getName()) && s.state().finished();
		});
		assertTrue(ShownReplay.session().state().lines() > 0);
		assertFalse(ShownReplay.session().state().terminated(), "it ended with its log, nobody terminated it");
	}

	@Test
	void aBreakpointFromTheEditorRulerStopsTheDebugReplay() throws Exception {
		IProject project = exampleProject();
		IFile rules = project.getFile("ssh-login-failures.sec");
		for (int line : org.sec.lang.ui.editor.RuleBreakpoints.lines(rules)) {
			org.sec.lang.ui.editor.RuleBreakpoints.toggle(rules, line);
		}
		// line 19 (desc=) lies inside the SingleWithThreshold rule that starts at line 15
		assertTrue(org.sec.lang.ui.editor.RuleBreakpoints.toggle(rules, 19));
		ILaunchConfigurationWorkingCopy config = exampleConfiguration("ruler breakpoint replay");
		org.eclipse.debug.core.ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, null);
		waitUntil("the replay stops at the ruler breakpoint", () -> {
			ReplaySession s = ShownReplay.session();
			return s != null && s.name().equals("ruler breakpoint replay") && !s.isRunning()
					&& s.state().lastStop() != null;
		});
		Replay.Stop stop = ShownReplay.session().state().lastStop();
		assertEquals(Replay.Reason.BREAKPOINT, stop.reason());
		assertEquals("SingleWithThreshold", stop.event().detail().get("type"));
		assertEquals(1704067205L, stop.event().time(), "the first failed password, at 00:00:05");
		assertEquals("repeated login failures from 203.0.113.7", stop.event().subject(), "the desc as this match made it");
		// an Eclipse line breakpoint, as the Breakpoints view lists it
		org.eclipse.debug.core.model.IBreakpoint[] listed = DebugPlugin.getDefault().getBreakpointManager()
				.getBreakpoints(org.sec.lang.ui.simulation.debug.ReplayDebugTarget.MODEL_ID);
		assertEquals(1, listed.length);
		assertEquals(19, ((org.eclipse.debug.core.model.ILineBreakpoint) listed[0]).getLineNumber());

		// the Debug view's model: the launch's target, its replay thread and the frames of the stop
		org.eclipse.debug.core.model.IDebugTarget target = launch.getDebugTarget();
		assertNotNull(target, "the launch has a debug target");
		waitUntil("the target is suspended", target::isSuspended);
		org.eclipse.debug.core.model.IStackFrame[] frames = target.getThreads()[0].getStackFrames();
		assertEquals("ssh-login-failures.sec:15 SingleWithThreshold: repeated login failures from 203.0.113.7",
				frames[0].getName());
		assertEquals(15, frames[0].getLineNumber());
		assertTrue(frames[1].getName().startsWith("sample-auth.log:3 Jan  1 00:00:05 bastion sshd[1002]: Failed password"),
				frames[1].getName());
		assertEquals(3, frames[1].getLineNumber());
		java.util.Map<String, org.eclipse.debug.core.model.IValue> vars = new java.util.LinkedHashMap<>();
		for (org.eclipse.debug.core.model.IVariable v : frames[0].getVariables()) {
			vars.put(v.getName(), v.getValue());
		}
		assertTrue(vars.get("event").getValueString().startsWith("Jan  1 00:00:05 bastion sshd[1002]: Failed password"),
				"the event is the log line: " + vars.get("event").getValueString());
		assertEquals("admin", vars.get("$1").getValueString());
		assertEquals("203.0.113.7", vars.get("$2").getValueString());
		assertEquals("/replay-example/sample-auth.log (as sec's standard input, -)", vars.get("source").getValueString());
		List<String> contextNames = new ArrayList<>();
		for (org.eclipse.debug.core.model.IVariable c : vars.get("contexts").getVariables()) {
			contextNames.add(c.getName());
		}
		assertEquals(List.of("LOGGED_IN_alice"), contextNames);
		TestProjects.page().showView(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_VIEW);
		TestProjects.page().showView(org.eclipse.debug.ui.IDebugUIConstants.ID_VARIABLE_VIEW);
		// the instruction pointer on the rule (Eclipse's, on the selected top frame), and the log line marked
		org.sec.lang.ui.simulation.debug.ReplayDebugTarget replayTarget = (org.sec.lang.ui.simulation.debug.ReplayDebugTarget) target;
		waitUntil("the instruction pointer is on the rule", () -> instructionPointerLine(rules) == 15);
		waitUntil("the log line being processed is marked", () -> replayTarget.markedLogLine() == 3);
		assertNotNull(editorOf(project.getFile("sample-auth.log")), "the log is open beside the rule file");
		assertFalse(((org.eclipse.ui.texteditor.ITextEditor) editorOf(project.getFile("sample-auth.log"))).isEditable(),
				"the log opens read-only");
		Screenshots.flush(Display.getCurrent());
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-debug-view");

		// Step Into (F5): rule by rule inside the next event; a match stops before its actions
		target.getThreads()[0].stepInto();
		waitUntil("stepped into the first rule of line 4", () -> target.isSuspended()
				&& frameNames(target).get(0).contains("[no match]"));
		assertEquals(List.of("ssh-login-failures.sec:6 Single: successful login of $1 from $2 [no match]"),
				frameNames(target).subList(0, 1));
		assertTrue(frameNames(target).get(1).startsWith("sample-auth.log:4 "), frameNames(target).toString());
		waitUntil("the instruction pointer follows", () -> instructionPointerLine(rules) == 6);
		target.getThreads()[0].stepInto();
		waitUntil("stepped into the threshold rule", () -> target.isSuspended()
				&& frameNames(target).get(0).contains("[matched, actions next]"));
		assertEquals("1", operationEvents(target.getThreads()[0].getTopStackFrame()),
				"its actions (the count) have not run yet");
		target.getThreads()[0].stepOver(); // the rest of line 4
		waitUntil("the event is done", () -> target.isSuspended() && ShownReplay.session().state().lines() == 4);
		assertEquals("2", operationEvents(target.getThreads()[0].getTopStackFrame()));
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-step-into");
		// removed while suspended, the breakpoint no longer stops the replay: Resume runs to the end
		assertFalse(org.sec.lang.ui.editor.RuleBreakpoints.toggle(rules, 19), "a second toggle removes it");
		// Run to Line on line 8 (inside the rule at line 6): the next successful login, at 00:00:44
		assertTrue(((org.sec.lang.ui.simulation.debug.ReplayDebugTarget) target).runToLine(rules, 8));
		waitUntil("run to line stops at the next login", () -> {
			Replay.Stop s = ShownReplay.session().state().lastStop();
			return target.isSuspended() && s != null && s.event() != null && s.event().time() > 1704067205L;
		});
		assertEquals("ssh-login-failures.sec:6 Single: successful login of bob from 10.0.0.11",
				target.getThreads()[0].getStackFrames()[0].getName());
		waitUntil("the pointer moves to the rule that matched", () -> instructionPointerLine(rules) == 6);
		waitUntil("and the mark to its log line", () -> replayTarget.markedLogLine() == 11);
		// Step Back from the Debug view: the state before line 11, the log line 10 on top
		replayTarget.stepBack();
		waitUntil("stepped back to line 10", () -> target.isSuspended() && ShownReplay.session().state().lines() == 10);
		IFile log = project.getFile("sample-auth.log");
		waitUntil("the pointer and the mark go back to line 10",
				() -> replayTarget.markedLogLine() == 10 && instructionPointerLine(log) == 10);
		assertTrue(frameNames(target).get(0).startsWith("sample-auth.log:10 Jan  1 00:00:40"), frameNames(target).toString());
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-step-back");
		target.resume();
		waitUntil("the replay runs to its end", launch::isTerminated);
		assertEquals(Replay.Reason.FINISHED, ShownReplay.session().state().lastStop().reason(),
				"no stop at the removed breakpoint (the rule matches again at 00:00:14 and later)");
	}

	/**
	 * An event breakpoint added through the Breakpoints view's dialog, with a condition: the
	 * replay stops where the context is created and the condition holds, and not at an
	 * action breakpoint whose condition is false there.
	 */
	@Test
	void anEventBreakpointWithAConditionStopsTheDebugReplay() throws Exception {
		IProject project = exampleProject();
		org.eclipse.debug.core.IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		manager.removeBreakpoints(manager.getBreakpoints(org.sec.lang.ui.simulation.debug.ReplayDebugTarget.MODEL_ID), true);
		org.sec.lang.ui.simulation.debug.EventBreakpointDialog dialog = new org.sec.lang.ui.simulation.debug.EventBreakpointDialog(
				TestProjects.page().getWorkbenchWindow().getShell());
		dialog.setBlockOnOpen(false);
		dialog.open();
		dialog.fill(org.sec.lang.ui.simulation.debug.ReplayEventBreakpoint.Watch.CONTEXT, "LOGGED_IN_bob", "LOGGED_IN_alice &&");
		assertEquals("Invalid context expression ' LOGGED_IN_alice && '", dialog.messageText());
		assertFalse(dialog.canFinish());
		dialog.fill(org.sec.lang.ui.simulation.debug.ReplayEventBreakpoint.Watch.CONTEXT, "LOGGED_IN_bob", "LOGGED_IN_alice");
		assertTrue(dialog.canFinish());
		Screenshots.save(dialog.getShell(), "event-breakpoint-dialog");
		dialog.pressOk();
		org.sec.lang.ui.simulation.debug.ReplayEventBreakpoint added = dialog.added();
		assertNotNull(added);
		// NOTE: (alice fails while logged in, at 00:00:20) holds before bob logs in: its condition is false then
		manager.addBreakpoint(new org.sec.lang.ui.simulation.debug.ReplayEventBreakpoint(
				org.sec.lang.ui.simulation.debug.ReplayEventBreakpoint.Watch.ACTION, "NOTE:",
				java.util.Set.of(), "LOGGED_IN_bob"));
		org.eclipse.debug.ui.IDebugModelPresentation labels = org.eclipse.debug.ui.DebugUITools.newDebugModelPresentation();
		List<String> listed = new ArrayList<>();
		for (org.eclipse.debug.core.model.IBreakpoint b : manager.getBreakpoints(org.sec.lang.ui.simulation.debug.ReplayDebugTarget.MODEL_ID)) {
			listed.add(labels.getText(b));
		}
		labels.dispose();
		listed.sort(null);
		assertEquals(List.of("SEC event: an action containing 'NOTE:' ran if LOGGED_IN_bob",
				"SEC event: context LOGGED_IN_bob created, deleted, expired if LOGGED_IN_alice"), listed);
		TestProjects.page().showView(org.eclipse.debug.ui.IDebugUIConstants.ID_BREAKPOINT_VIEW);
		Screenshots.flush(Display.getCurrent());
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "breakpoints-view-event-breakpoints");

		ILaunchConfigurationWorkingCopy config = exampleConfiguration("event breakpoint replay");
		org.eclipse.debug.core.ILaunch launch = config.launch(ILaunchManager.DEBUG_MODE, null);
		waitUntil("the replay stops at the event breakpoint", () -> {
			ReplaySession s = ShownReplay.session();
			return s != null && s.name().equals("event breakpoint replay") && !s.isRunning() && s.state().lastStop() != null;
		});
		Replay.Stop stop = ShownReplay.session().state().lastStop();
		assertEquals(Replay.Reason.BREAKPOINT, stop.reason());
		assertEquals(org.sec.simulator.trace.TraceEvent.Kind.CONTEXT_CREATED, stop.event().kind());
		assertEquals("LOGGED_IN_bob", stop.event().subject());
		assertEquals(1704067244L, stop.event().time(), "bob logs in at 00:00:44, the NOTE at 00:00:20 did not stop");
		org.eclipse.debug.core.model.IDebugTarget target = launch.getDebugTarget();
		waitUntil("the target is suspended", target::isSuspended);
		assertTrue(frameNames(target).get(0).startsWith("sample-auth.log:11 Jan  1 00:00:44"), frameNames(target).toString());
		IFile log = project.getFile("sample-auth.log");
		waitUntil("the instruction pointer is on the log line", () -> instructionPointerLine(log) == 11);
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-event-breakpoint");
		// disabled while suspended, it no longer stops (nor does anything else): the replay ends
		added.setEnabled(false);
		target.resume();
		waitUntil("the replay runs to its end", launch::isTerminated);
		manager.removeBreakpoints(manager.getBreakpoints(org.sec.lang.ui.simulation.debug.ReplayDebugTarget.MODEL_ID), true);
	}

	private static List<String> frameNames(org.eclipse.debug.core.model.IDebugTarget target) {
		List<String> names = new ArrayList<>();
		try {
			for (org.eclipse.debug.core.model.IStackFrame f : target.getThreads()[0].getStackFrames()) {
				names.add(f.getName());
			}
		} catch (org.eclipse.debug.core.DebugException e) {
			throw new AssertionError(e);
		}
		return names.isEmpty() ? List.of("") : names;
	}

	/** The events counted by the operation of the threshold rule, from the frame's Variables. */
	private static String operationEvents(org.eclipse.debug.core.model.IStackFrame frame) throws Exception {
		for (org.eclipse.debug.core.model.IVariable v : frame.getVariables()) {
			if (v.getName().equals("operations")) {
				for (org.eclipse.debug.core.model.IVariable op : v.getValue().getVariables()) {
					if (op.getName().equals("repeated login failures from 203.0.113.7")) {
						for (org.eclipse.debug.core.model.IVariable field : op.getValue().getVariables()) {
							if (field.getName().equals("events")) {
								return field.getValue().getValueString();
							}
						}
					}
				}
			}
		}
		return "(no operation)";
	}

	private static org.eclipse.ui.IEditorPart editorOf(IFile file) {
		for (org.eclipse.ui.IEditorReference ref : TestProjects.page().getEditorReferences()) {
			org.eclipse.ui.IEditorPart part = ref.getEditor(false);
			if (part != null && part.getEditorInput() instanceof org.eclipse.ui.IFileEditorInput in && in.getFile().equals(file)) {
				return part;
			}
		}
		return null;
	}

	/** The line (from 1) of Eclipse's instruction pointer in {@code file}'s open editor, or -1. */
	private static int instructionPointerLine(IFile file) {
		if (!(editorOf(file) instanceof org.eclipse.ui.texteditor.ITextEditor editor)) {
			return -1;
		}
		org.eclipse.jface.text.source.IAnnotationModel model = editor.getDocumentProvider()
				.getAnnotationModel(editor.getEditorInput());
		org.eclipse.jface.text.IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (model == null || document == null) {
			return -1;
		}
		for (java.util.Iterator<org.eclipse.jface.text.source.Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			org.eclipse.jface.text.source.Annotation a = it.next();
			if (a.getType().equals(org.eclipse.debug.ui.IDebugUIConstants.ANNOTATION_TYPE_INSTRUCTION_POINTER_CURRENT)
					|| a.getType().equals(org.eclipse.debug.ui.IDebugUIConstants.ANNOTATION_TYPE_INSTRUCTION_POINTER_SECONDARY)) {
				try {
					return document.getLineOfOffset(model.getPosition(a).getOffset()) + 1;
				} catch (org.eclipse.jface.text.BadLocationException e) {
					return -1;
				}
			}
		}
		return -1;
	}

	@Test
	void debugReplayStopsAtTheBreakpointAndTheViewsShowOperationsAndContexts() throws Exception {
		exampleProject();
		ILaunchConfigurationWorkingCopy config = exampleConfiguration("ssh example replay");
		config.setAttribute(ReplayLaunch.ATTR_UNTIL, "2024-01-01T00:05:00Z");
		config.setAttribute(ReplayLaunch.ATTR_BREAKPOINTS, "action ALERT\n");
		config.launch(ILaunchManager.DEBUG_MODE, null);

		waitUntil("the replay stops at the breakpoint", () -> {
			ReplaySession s = ShownReplay.session();
			return s != null && !s.isRunning() && s.state().lastStop() != null;
		});
		ReplaySession session = ShownReplay.session();
		assertEquals(Replay.Reason.BREAKPOINT, session.state().lastStop().reason());
		waitUntil("the simulation perspective is open",
				() -> SimulationPerspective.ID.equals(TestProjects.page().getPerspective().getId())
						&& TestProjects.page().findView(OperationsView.ID) != null);

		OperationsView operations = (OperationsView) TestProjects.page().findView(OperationsView.ID);
		ContextsView contexts = (ContextsView) TestProjects.page().showView(ContextsView.ID);
		ReplayControlView control = (ReplayControlView) TestProjects.page().findView(ReplayControlView.ID);
		assertNotNull(control);
		waitUntil("the views show the stop", () -> control.statusText().contains("stopped at breakpoint"));
		List<String> ops = rows(operations.table());
		assertTrue(ops.contains("ssh-login-failures.sec:15 | repeated login failures from 203.0.113.7 | SingleWithThreshold"
				+ " | 3 | 2024-01-01 00:00:05 | 2024-01-01 00:01:05 | replay-example/ssh-login-failures.sec | "), ops.toString());
		List<String> ctx = rows(contexts.table());
		assertEquals(List.of("LOGGED_IN_alice | 3587 s | 3600 s | 2024-01-01 00:00:01 | 0 |  | "), ctx);
		assertTrue(control.statusText().contains("6 line(s) replayed"),
				control.statusText());
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-breakpoint");

		// Step Back: one event forward, one back, and the state is the one a fresh replay has there
		org.sec.engine.api.EngineSnapshot before = session.state().snapshot();
		long linesBefore = session.state().lines();
		long nowBefore = session.state().now();
		session.stepEvent();
		waitUntil("one more event", () -> !session.isRunning() && session.state().lines() == linesBefore + 1);
		assertTrue(session.canRewind());
		session.stepBack();
		waitUntil("stepped back", () -> !session.isRunning() && session.state().lines() == linesBefore);
		assertEquals(nowBefore, session.state().now());
		assertEquals(before.contexts(), session.state().snapshot().contexts());
		assertEquals(before.operations(), session.state().snapshot().operations());
		assertEquals(before.variables(), session.state().snapshot().variables());

		session.nextExpiry();
		waitUntil("the next expiry", () -> !session.isRunning() && session.state().now() > 1704067265L);
		waitUntil("the operations view catches up",
				() -> rows(operations.table()).stream().noneMatch(r -> r.contains("from 203.0.113.7")));
		assertEquals(1704067266L, session.state().now(), "the window of 60 s from 00:00:05 is over at 00:01:06");
		assertFalse(rows(operations.table()).isEmpty(), "the other addresses' operations are still open");
		TraceView trace = (TraceView) TestProjects.page().showView(TraceView.ID);
		waitUntil("the trace shows the finished operation", () -> rows(trace.table()).stream()
				.anyMatch(r -> r.contains("operation_finished") && r.contains("203.0.113.7")));
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-after-expiry");
		org.sec.lang.ui.simulation.TimelineView timeline = (org.sec.lang.ui.simulation.TimelineView) TestProjects.page()
				.showView(org.sec.lang.ui.simulation.TimelineView.ID);
		waitUntil("the timeline shows the rules", () -> !timeline.rowSummaries().isEmpty());
		assertEquals(List.of("ssh-login-failures.sec:6 Single: 2", "ssh-login-failures.sec:15 SingleWithThreshold: 6",
				"ssh-login-failures.sec:25 Single: 1", "actions: 6"), timeline.rowSummaries());
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "replay-timeline");
		// the axis is labelled, and a mark says what and when it is
		List<Long> axis = timeline.axisTimes();
		assertEquals(5, axis.size());
		assertEquals(List.of(session.state().start(), 1704067266L), List.of(axis.get(0), axis.get(4)));
		org.eclipse.swt.graphics.Point login = timeline.pointOf(0, 1704067201L);
		assertEquals("ssh-login-failures.sec:6 Single\n1 match at 2024-01-01 00:00:01", timeline.tooltipAt(login.x, login.y));
		assertNull(timeline.tooltipAt(login.x, login.y + 200), "no tooltip away from the marks");
		org.sec.lang.ui.editor.SecEditor editor = (org.sec.lang.ui.editor.SecEditor) org.eclipse.ui.ide.IDE
				.openEditor(TestProjects.page(), ResourcesPlugin.getWorkspace().getRoot().getProject("replay-example")
						.getFile("ssh-login-failures.sec"));
		waitUntil("the ruler shows hit counts", () -> editor.hitCounts().textFor(14).equals("6\u00d7"));
		assertEquals("2\u00d7", editor.hitCounts().textFor(5));
		assertEquals("1\u00d7", editor.hitCounts().textFor(24));
		assertEquals("", editor.hitCounts().textFor(0));
		Screenshots.save(TestProjects.page().getWorkbenchWindow().getShell(), "editor-hit-counts");
		session.terminate();
		waitUntil("the Replay view says the replay was terminated, not finished",
				() -> control.statusText().endsWith("line(s) replayed, terminated"));
	}
}

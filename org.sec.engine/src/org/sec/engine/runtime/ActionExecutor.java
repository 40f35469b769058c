package org.sec.engine.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.action.Action;
import org.sec.engine.action.ActionType;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlRef;
import org.sec.engine.perl.PerlTruth;
import org.sec.engine.syntax.PerlText;

/**
 * execute_actionlist (L7094) and every action (L4706-7084): %variables put into the
 * arguments, then the action's one home: contexts, operations, variables, events, output,
 * commands and sockets. The side-effect policy decides whether actions that reach outside
 * the engine run or are only reported. Adding an action: its case here, and its type in
 * {@link ActionType}.
 */
final class ActionExecutor implements ActionRunner {

	/** The internal context of events made by event, tevent and spawn (sec's _INTERNAL_EVENT). */
	static final String INTERNAL_EVENT_CONTEXT = "_INTERNAL_EVENT";

	private final EngineState state;
	private final EngineServices services;
	private final ContextStore contexts;
	private final Operations operations;
	private final SignalQueue signals;

	ActionExecutor(EngineState state, EngineServices services, ContextStore contexts, Operations operations,
			SignalQueue signals) {
		this.state = state;
		this.services = services;
		this.contexts = contexts;
		this.operations = operations;
		this.signals = signals;
	}

	@Override
	public int execute(List<Action> list, String desc) {
		for (Action a : list) {
			int k = executeAction(a, desc);
			if (k <= 0) {
				return k;
			}
		}
		return 1;
	}

	private String var(String s, String desc) {
		return state.actionVariables.substitute(s, desc, services.now());
	}

	/** Actions that reach outside the engine (see {@link SideEffects#RECORD_ONLY}). */
	private boolean touchesWorld(Action a, String desc) {
		return switch (a.type()) {
		case SHELLCMD, CMDEXEC, SPAWN, SPAWNEXEC, CSPAWN, CSPAWNEXEC, UDPSOCK, TCPSOCK, USTREAM, UDGRAM, ADDINPUT,
				DROPINPUT -> true;
		case PIPE, REPORT -> !var(a.arg(1), desc).isEmpty();
		case PIPEEXEC, REPORTEXEC -> a.args().size() > 1;
		case WRITE, WRITEN, OWRITECL, CLOSEF -> !var(a.arg(0), desc).equals("-");
		default -> false;
		};
	}

	private int executeAction(Action a, String desc) {
		List<String> args = a.args();
		if (services.sideEffects != SideEffects.ALLOW && touchesWorld(a, desc)) {
			services.listener().actionExecuted(ActionText.single(a), true);
			return 1;
		}
		if (services.listening() && a.type() != ActionType.IF && a.type() != ActionType.WHILE) {
			services.listener().actionExecuted(ActionText.single(a), false);
		}
		switch (a.type()) {
		case NONE -> {
		}
		case LOGONLY -> services.log.log(SecLog.Level.NOTICE, var(args.get(0), desc));
		case WRITE, WRITEN, OWRITECL -> services.outputFiles.write(var(args.get(0), desc), var(args.get(1), desc),
				a.type() == ActionType.WRITE, a.type() == ActionType.OWRITECL);
		case CLOSEF -> services.outputFiles.close(var(args.get(0), desc));
		case CREATE -> contexts.create(var(args.get(0), desc), var(args.get(1), desc), a.lists().get(0), desc);
		case DELETE -> contexts.delete(var(args.get(0), desc));
		case OBSOLETE -> contexts.obsolete(var(args.get(0), desc));
		case SET -> contexts.set(var(args.get(0), desc), var(args.get(1), desc), a.lists().get(0), desc);
		case ALIAS -> contexts.alias(var(args.get(0), desc), var(args.get(1), desc));
		case UNALIAS -> contexts.unalias(var(args.get(0), desc));
		case ADD, PREPEND, FILL -> contexts.addToStore(a.type(), var(args.get(0), desc), var(args.get(1), desc));
		case REPORT -> {
			String cmd = var(args.get(1), desc);
			report(var(args.get(0), desc), cmd.isEmpty() ? List.of() : List.of(cmd), true);
		}
		case REPORTEXEC -> report(var(args.get(0), desc), vars(args, 1, desc), false);
		case COPY, POP, SHIFT, EMPTY -> contexts.storeToVariable(a.type(), var(args.get(0), desc), args.get(1));
		case TRIM -> contexts.trim(var(args.get(0), desc), var(args.get(1), desc), args.get(2));
		case EXISTS, GETSIZE, GETALIASES, GETLTIME, GETCTIME -> contexts.contextQuery(a.type(), args.get(0), var(args.get(1), desc));
		case SETLTIME -> contexts.setLifetime(var(args.get(0), desc), var(args.get(1), desc));
		case SETCTIME -> contexts.setCreationTime(var(args.get(0), desc), var(args.get(1), desc));
		case EVENT -> emitEvents(args.get(0), var(args.get(1), desc), INTERNAL_EVENT_CONTEXT, false);
		case TEVENT -> {
			String after = var(args.get(0), desc);
			Matcher m = SecNumbers.UNSIGNED.matcher(after);
			if (m.matches()) {
				emitEvents(m.group(1), var(args.get(1), desc), INTERNAL_EVENT_CONTEXT, false);
			} else {
				services.log.log(SecLog.Level.WARN, "Invalid time specification '" + after + "' for creating events");
			}
		}
		case CEVENT -> {
			String after = var(args.get(1), desc);
			Matcher m = SecNumbers.UNSIGNED.matcher(after);
			if (m.matches()) {
				emitEvents(m.group(1), var(args.get(2), desc), var(args.get(0), desc), true);
			} else {
				services.log.log(SecLog.Level.WARN, "Invalid time specification '" + after + "' for creating events");
			}
		}
		case ASSIGN -> {
			String value = var(args.get(1), desc);
			if (services.log.logs(SecLog.Level.DEBUG)) {
				services.log.log(SecLog.Level.DEBUG, "Assigning '" + value + "' to variable '%" + args.get(0) + "'");
			}
			state.variables().put(args.get(0), value);
		}
		case ASSIGNSQ -> {
			String value = "'" + var(args.get(1), desc).replace("'", "'\\''") + "'";
			if (services.log.logs(SecLog.Level.DEBUG)) {
				services.log.log(SecLog.Level.DEBUG, "Assigning '" + value + "' to variable '%" + args.get(0) + "'");
			}
			state.variables().put(args.get(0), value);
		}
		case FREE -> {
			services.log.log(SecLog.Level.DEBUG, "Freeing variable '%" + args.get(0) + "'");
			state.variables().remove(args.get(0));
		}
		case EVAL -> assign(args.get(0), services.perl.evalAction(args.get(0), var(args.get(1), desc)));
		case CALL -> {
			String name = args.get(1);
			PerlRef ref = state.perlRefs.get(name);
			if (ref != null && !ref.text().equals(state.variables().get(name))) {
				ref = null; // the variable was set to something else since
			}
			assign(args.get(0), services.perl.callAction(args.get(0), name, ref, vars(args, 2, desc)));
		}
		case LCALL -> {
			assign(args.get(0), services.perl.lcallAction(args.get(0), args.get(2), vars(args, 3, desc), state.matchCache, args.get(1).equals(":>")));
		}
		case VARSET -> state.variables().put(args.get(0), state.matchCache.containsKey(var(args.get(1), desc)) ? "1" : "0");
		case IF -> {
			List<Action> branch = PerlTruth.isTrue(state.variables().get(args.get(0))) ? a.lists().get(0) : a.lists().get(1);
			return execute(branch, desc);
		}
		case WHILE -> {
			while (PerlTruth.isTrue(state.variables().get(args.get(0)))) {
				int k = execute(a.lists().get(0), desc);
				if (k == 0) {
					break; // break ends the loop
				}
			}
		}
		case BREAK -> {
			return 0;
		}
		case CONTINUE -> {
			return -1;
		}
		case RESET -> operations.reset(args.get(0), args.get(1), var(args.get(2), desc));
		case REWRITE -> rewrite(var(args.get(0), desc), var(args.get(1), desc));
		case ADDINPUT -> {
			if (services.inputControl == null) {
				services.log.log(SecLog.Level.WARN, "addinput is not available here (no input files are being read)");
			} else {
				services.inputControl.addInput(var(args.get(0), desc), var(args.get(1), desc), var(args.get(2), desc));
			}
		}
		case DROPINPUT -> {
			if (services.inputControl != null) {
				services.inputControl.dropInput(var(args.get(0), desc));
			}
		}
		case SIGEMUL -> {
			String name = var(args.get(0), desc);
			services.log.log(SecLog.Level.DEBUG, "Emulating the arrival of '" + name + "' signal");
			signals.emulate(name.toUpperCase(Locale.ROOT));
		}
		case GETWPOS -> {
			operations.getWindowPosition(args.get(0), Operations.key(args.get(1), args.get(2), var(args.get(3), desc)));
		}
		case SETWPOS -> operations.setWindowPosition(var(args.get(0), desc),
				Operations.key(args.get(1), args.get(2), var(args.get(3), desc)));
		case UDPSOCK -> services.sockets.udp(var(args.get(0), desc), var(args.get(1), desc));
		case TCPSOCK -> services.sockets.tcp(var(args.get(0), desc), var(args.get(1), desc));
		case USTREAM -> services.sockets.unixStream(var(args.get(0), desc), var(args.get(1), desc));
		case CLOSEUDP -> services.sockets.closeUdp(var(args.get(0), desc));
		case CLOSETCP -> services.sockets.closeTcp(var(args.get(0), desc));
		case CLOSEUSTR -> services.sockets.closeUnixStream(var(args.get(0), desc));
		case UDGRAM -> services.perl.unixDatagram("udgram", List.of(var(args.get(0), desc), var(args.get(1), desc)));
		case CLOSEUDGR -> services.perl.unixDatagram("closeudgr", List.of(var(args.get(0), desc)));
		case SHELLCMD -> startCommand(false, true, List.of(var(args.get(0), quotedDesc(desc))), null);
		case CMDEXEC -> startCommand(false, false, vars(args, 0, desc), null);
		case SPAWN -> startCommand(true, true, List.of(var(args.get(0), quotedDesc(desc))), null);
		case SPAWNEXEC -> startCommand(true, false, vars(args, 0, desc), null);
		case CSPAWN -> startCommand(true, true, List.of(var(args.get(1), quotedDesc(desc))), var(args.get(0), desc));
		case CSPAWNEXEC -> startCommand(true, false, vars(args, 1, desc), var(args.get(0), desc));
		case PIPE, PIPEEXEC -> {
			String event = var(args.get(0), desc);
			boolean shell = a.type() == ActionType.PIPE;
			List<String> cmd = shell ? (var(args.get(1), desc).isEmpty() ? List.of() : List.of(var(args.get(1), desc)))
					: vars(args, 1, desc);
			services.log.log(SecLog.Level.INFO, "Feeding event '" + event + "' to " + (shell ? "shell command" : "command") + " '"
					+ String.join(" ", cmd) + "'");
			if (cmd.isEmpty()) {
				services.stdout.println(event);
			} else {
				run(cmd, shell, event + "\n", null);
			}
		}
		default -> services.log.log(SecLog.Level.ERR, "Action '" + a.type().keyword() + "' is not supported by jsec yet");
		}
		return 1;
	}

	/** rewrite (L6769): replaces the last lines of the current input buffer for the following rules. */
	private void rewrite(String count, String event) {
		Matcher m = SecNumbers.UNSIGNED.matcher(count);
		if (!m.matches()) {
			services.log.log(SecLog.Level.WARN, "Invalid linecount '" + count + "', can't rewrite input buffer");
			return;
		}
		long n = SecNumbers.seconds(m.group(1));
		List<String> lines = new ArrayList<>(PerlText.splitLines(event));
		if (n == 0) {
			if (lines.isEmpty()) {
				services.log.log(SecLog.Level.WARN, "No data for rewriting input buffer");
				return;
			}
			n = lines.size();
		}
		n = Math.min(n, state.buffers.size());
		while (lines.size() > n) {
			lines.remove(lines.size() - 1);
		}
		while (lines.size() < n) {
			lines.add(0, "");
		}
		state.buffers.rewrite(lines.toArray(new String[0]));
		services.log.log(SecLog.Level.DEBUG, state.buffers.rewrittenBufferName() + " rewritten with '" + String.join("\n", lines) + "'");
	}

	/** Sets an action variable from Perl results; a code reference is remembered for call. */
	private void assign(String name, PerlCode.Assignment value) {
		if (!value.present()) {
			return;
		}
		state.variables().put(name, value.text());
		if (value.ref() != null) {
			state.perlRefs.put(name, value.ref());
		} else {
			state.perlRefs.remove(name);
		}
	}

	List<String> vars(List<String> args, int from, String desc) {
		List<String> result = new ArrayList<>();
		for (int i = from; i < args.size(); i++) {
			result.add(var(args.get(i), desc));
		}
		return result;
	}

	/** --quoting: %s in shellcmd/spawn/cspawn command lines is single-quoted (L5364). */
	private String quotedDesc(String desc) {
		return services.options.quoting() ? "'" + desc.replace("'", "'\\''") + "'" : desc;
	}

	/** execute_event_action, execute_tevent_action, execute_cevent_action (L6299-6380). */
	/** @param delayDigits the delay as written: sec logs it so, even beyond 64 bits */
	private void emitEvents(String delayDigits, String text, String context, boolean contextNamed) {
		delayDigits = delayDigits.replaceFirst("^0+(?=[0-9])", "");
		long delay = SecNumbers.seconds(delayDigits);
		String with = contextNamed ? " with context '" + context + "'" : "";
		for (String event : PerlText.splitLines(text)) {
			if (delay == 0) {
				services.log.log(SecLog.Level.DEBUG, "Creating event '" + event + "'" + with);
				state.events.addSynthetic(event, context);
			} else {
				services.log.log(SecLog.Level.DEBUG,
						"Scheduling the creation of event '" + event + "'" + with + " after " + delayDigits + " seconds");
				state.events.schedule(services.now() + delay, event, context);
			}
		}
	}

	/**
	 * shellcmd, cmdexec, spawn, spawnexec, cspawn and cspawnexec (L5352-5485): sec's message,
	 * then the child; a spawned child's lines become events, with cspawn's {@code context}.
	 */
	private void startCommand(boolean spawn, boolean shell, List<String> command, String context) {
		services.log.log(SecLog.Level.INFO, (spawn ? "Spawning " : "Executing ") + (shell ? "shell command" : "command") + " '"
				+ String.join(" ", command) + "'" + (context != null ? " with context '" + context + "'" : ""));
		run(command, shell, null, spawn ? (context != null ? context : INTERNAL_EVENT_CONTEXT) : null);
	}

	/** execute_report_action, execute_reportexec_action (L5895, L5930): a context's event store to a command or stdout. */
	private void report(String name, List<String> cmd, boolean shell) {
		services.log.log(SecLog.Level.INFO, "Reporting the event store of context '" + name + "' through "
				+ (shell ? "shell command" : "command") + " '" + String.join(" ", cmd) + "'");
		String text = contexts.reportText(name);
		if (text == null) {
			return;
		}
		if (cmd.isEmpty()) {
			services.stdout.print(text);
		} else {
			run(cmd, shell, text, null);
		}
	}

	void run(List<String> command, boolean shell, String input, String collectContext) {
		runWithExit(command, shell, input, collectContext, null);
	}

	void runWithExit(List<String> command, boolean shell, String input, String collectContext,
			ChildProcesses.ExitHandler onExit) {
		services.outputFiles.flush(); // the child shares our stdout; what we wrote so far goes first
		try {
			services.children.start(command, shell, input, collectContext, onExit);
		} catch (IOException e) {
			services.log.log(SecLog.Level.ERR, "Error executing command '" + String.join(" ", command) + "' (" + e.getMessage() + ")");
		}
	}
}

package org.sec.engine.runtime;

import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.util.IdentityHashMap;
import java.util.Map;

import org.sec.engine.api.Clock;
import org.sec.engine.api.EngineListener;
import org.sec.engine.api.InputControl;
import org.sec.engine.api.SecOptions;
import org.sec.engine.api.SideEffects;
import org.sec.engine.log.SecLog;
import org.sec.engine.rules.Rule;
import org.sec.engine.syntax.PerlTime;

/**
 * What the engine's parts use besides the correlation state: the clock and its zone, sec's
 * options and log, Perl, the listener, and the outside world (stdout, files, children,
 * sockets, input control) with the policy on touching it. Nothing here is saved with a state.
 */
final class EngineServices {

	final Clock clock;
	final SecOptions options;
	final SecLog log;
	final PrintStream stdout;
	final OutputFiles outputFiles;
	final ChildProcesses children;
	final SocketOutputs sockets;
	/** The rules' Perl code; replaced when a bridge is set. */
	PerlCode perl;
	SideEffects sideEffects = SideEffects.ALLOW;
	/** Who handles addinput/dropinput; without one those actions only log a warning. */
	InputControl inputControl;
	private EngineListener listener = EngineListener.NONE;
	private final Map<Rule, EngineListener.RuleRef> ruleRefs = new IdentityHashMap<>();

	EngineServices(SecOptions options, Clock clock, SecLog log, PrintStream stdout) {
		this.clock = clock;
		this.options = options;
		this.log = log;
		this.stdout = stdout;
		this.perl = new PerlCode(null, log);
		this.children = new ChildProcesses(stdout, log);
		this.sockets = new SocketOutputs(log, options.socketTimeout(), this::now);
		this.outputFiles = new OutputFiles(stdout, log);
	}

	long now() {
		return clock.nowSeconds();
	}

	ZonedDateTime localTime(long epochSeconds) {
		return PerlTime.at(epochSeconds, clock.zone());
	}

	/** scalar(localtime(t)) as sec interpolates it: empty (Perl's undef) for a time too large to convert. */
	String perlLocaltime(long epochSeconds) {
		try {
			return PerlTime.scalar(epochSeconds, clock.zone());
		} catch (java.time.DateTimeException e) {
			return "";
		}
	}

	EngineListener listener() {
		return listener;
	}

	void setListener(EngineListener listener) {
		this.listener = listener == null ? EngineListener.NONE : listener;
	}

	/** True when someone listens: the callers skip building what only a listener reads. */
	boolean listening() {
		return listener != EngineListener.NONE;
	}

	boolean hearsEvaluations() {
		return listening() && listener.hearsEvaluations();
	}

	EngineListener.RuleRef ruleRef(Rule rule) {
		return ruleRefs.computeIfAbsent(rule, r -> new EngineListener.RuleRef(r.file(), r.id(), r.line(),
				r.kind().displayName(), r.desc()));
	}

	void evaluated(Rule rule, int slot, EngineListener.Evaluation result) {
		if (hearsEvaluations()) {
			listener.ruleEvaluated(ruleRef(rule), slot, result);
		}
	}
}

package org.sec.engine.runtime;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.sec.engine.api.Clock;
import org.sec.engine.api.SecOptions;
import org.sec.engine.perl.PerlRef;
import org.sec.engine.rules.Rule;

/**
 * All mutable correlation state of one engine, in one place: what saving and restoring a
 * state, a snapshot and a soft restart read and write. The parts of the engine share it;
 * none keeps correlation state of its own. Iteration orders are sec's (insertion order).
 */
final class EngineState {

	/** sec's %context_list: every name and alias of a context maps to the one context. */
	final ContextTable contexts = new ContextTable();
	/** sec's %corr_list: operations by key ("file | rule number | desc"), and by rule and desc. */
	final OperationTable operations = new OperationTable();
	/** When each context goes stale, and when each operation's window is over. */
	final ContextSchedule contextSchedule = new ContextSchedule(contexts);
	final OperationSchedule operationSchedule = new OperationSchedule();
	/** Pair and PairWithWindow operations per rule, waiting for their second pattern. */
	final Map<Rule, Map<String, Operation>> pairOperations = new IdentityHashMap<>();
	/** How often each rule matched (the dump's rule usage). */
	final Map<Rule, long[]> matchCounts = new IdentityHashMap<>();
	/** sec's %pmatch_cache: the match variables that varmap names kept for the current event. */
	final Map<String, Map<String, String>> matchCache = new HashMap<>();
	/** The action-list variables, built-in and assigned. */
	final ActionVariables actionVariables;
	/** Perl references held by action variables (set by eval), for the call action. */
	final Map<String, PerlRef> perlRefs = new HashMap<>();
	/** Synthetic and delayed events. */
	final EventQueues events = new EventQueues();
	/** The input buffers the patterns look at. */
	final InputBuffers buffers;
	/** The Calendar rules and when each last ran. */
	final CalendarRules calendar = new CalendarRules();
	/** The internal context of the event being processed (SEC_INTERNAL_EVENT, _FILE_EVENT_...), or null. */
	String internalContextName;
	long linesProcessed;

	EngineState(SecOptions options, Clock clock, int bufsize) {
		this.buffers = new InputBuffers(bufsize, options.jointbuf());
		// sec sets the time variables at start-up (L14604), not at first use
		this.actionVariables = new ActionVariables(options.secVersion(), clock.zone(), clock.nowSeconds());
	}

	/** The action-list variables by name, as actions read and assign them. */
	Map<String, String> variables() {
		return actionVariables.values();
	}
}

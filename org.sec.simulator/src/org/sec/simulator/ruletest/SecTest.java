package org.sec.simulator.ruletest;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed {@code .sectest} file: rule files, a start time, and test cases. Each case is
 * an independent replay of its input lines against a fresh engine, with expectations at
 * virtual seconds counted from the start.
 *
 * <pre>
 * rules: ssh.sec                 # relative to the .sectest file; several lines allowed
 * start: 2024-01-01T00:00:00Z    # optional (this is the default)
 * options: --intevents           # optional: --intevents, --intcontexts
 *
 * test: three failures raise an alert
 *   +0  sshd[1]: Failed password for root from 203.0.113.7 port 1 ssh2
 *   +5  sshd[1]: Failed password for root from 203.0.113.7 port 2 ssh2
 *   output  +5  ALERT: 2 failures from 203.0.113.7
 *   action  +5  create ALERTED_203.0.113.7 60
 *   context +6  ALERTED_203.0.113.7
 *   nocontext +70 ALERTED_203.0.113.7
 *   noaction +*  shellcmd
 *   until +120
 * </pre>
 *
 * Every output line of a case must be expected ({@code output}); {@code action} lines
 * must each have run (or been suppressed) in their second, {@code noaction} lines must
 * not ({@code +*}: at any time); {@code context} and
 * {@code nocontext} are checked at the end of their second. Commands and file writes
 * are recorded, not run.
 */
public record SecTest(Path file, List<Path> rules, long start, boolean intevents, boolean intcontexts,
		List<Case> cases) {

	/** One test case; {@code line} is where it starts in the file. */
	public record Case(String name, int line, List<Input> inputs, List<Expectation> expectations, long until) {
	}

	/** An input line at {@code offset} seconds after the start. */
	public record Input(long offset, String text, int line) {
	}

	public enum Kind {
		OUTPUT, ACTION, NO_ACTION, CONTEXT, NO_CONTEXT
	}

	/** The offset of an action or noaction expectation written {@code +*}: any second. */
	public static final long ANY_TIME = -1;

	/** What must hold at {@code offset}; {@code line} locates it in the file for failure messages. */
	public record Expectation(Kind kind, long offset, String text, int line) {
	}
}

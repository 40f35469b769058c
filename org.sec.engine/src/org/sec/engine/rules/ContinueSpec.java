package org.sec.engine.rules;

import org.sec.engine.syntax.PerlText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A continue/continueN value (analyze_continue L659); GoTo targets are resolved per file after loading. */
public record ContinueSpec(Kind kind, String label) {

	public enum Kind {
		TAKENEXT, DONTCONT, ENDMATCH, GOTO
	}

	public static final ContinueSpec DONT_CONT = new ContinueSpec(Kind.DONTCONT, null);

	private static final Pattern GOTO = Pattern.compile("^goto\\s+(.*\\S)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	/** Parses a value; {@code null} when sec logs "Invalid continue value". */
	public static ContinueSpec parse(String value) {
		switch (PerlText.uc(value)) {
		case "TAKENEXT":
			return new ContinueSpec(Kind.TAKENEXT, null);
		case "DONTCONT":
			return DONT_CONT;
		case "ENDMATCH":
			return new ContinueSpec(Kind.ENDMATCH, null);
		default:
			Matcher m = GOTO.matcher(value);
			return m.find() ? new ContinueSpec(Kind.GOTO, m.group(1)) : null;
		}
	}
}

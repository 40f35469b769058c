package org.sec.engine.runtime;

import java.util.List;

import org.sec.engine.action.Action;

/** Renders action lists the way sec's actionlist2str (L10119) prints them in dumps. */
final class ActionText {

	private ActionText() {
	}

	static String of(List<Action> actions) {
		StringBuilder b = new StringBuilder();
		for (Action a : actions) {
			append(b, a);
			b.append("; ");
		}
		return b.toString();
	}

	/** One action as sec prints it, without the separator. */
	static String single(Action a) {
		StringBuilder b = new StringBuilder();
		append(b, a);
		return b.toString();
	}

	private static void append(StringBuilder b, Action a) {
		b.append(a.type().keyword());
		switch (a.type()) {
		case CREATE, SET -> {
			b.append(' ').append(a.arg(0)).append(' ').append(a.arg(1));
			if (!a.lists().get(0).isEmpty()) {
				b.append(" (").append(of(a.lists().get(0))).append(')');
			}
		}
		case IF -> b.append(" %").append(a.arg(0)).append(" (").append(of(a.lists().get(0))).append(") else (")
				.append(of(a.lists().get(1))).append(')');
		case WHILE -> b.append(" %").append(a.arg(0)).append(" (").append(of(a.lists().get(0))).append(')');
		case RESET -> b.append(' ').append(a.arg(1)).append(' ').append(a.arg(2));
		case GETWPOS -> b.append(" %").append(a.arg(0)).append(' ').append(a.arg(2)).append(' ').append(a.arg(3));
		case SETWPOS -> b.append(' ').append(a.arg(0)).append(' ').append(a.arg(2)).append(' ').append(a.arg(3));
		case COPY, POP, SHIFT, EMPTY -> b.append(' ').append(a.arg(0)).append(" %").append(a.arg(1));
		case TRIM -> {
			b.append(' ').append(a.arg(0)).append(' ').append(a.arg(1));
			if (!a.arg(2).isEmpty()) {
				b.append(" %").append(a.arg(2));
			}
		}
		case EXISTS, GETSIZE, GETALIASES, GETLTIME, GETCTIME, ASSIGN, ASSIGNSQ, EVAL, VARSET -> b.append(" %")
				.append(a.arg(0)).append(' ').append(a.arg(1));
		case FREE -> b.append(" %").append(a.arg(0));
		default -> {
			for (String arg : a.args()) {
				b.append(' ').append(arg);
			}
		}
		}
	}
}

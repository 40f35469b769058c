package org.sec.engine.action;

import java.util.Locale;

/** The actions of sec 2.9.1-2.9.4 (trim: 2.9.4), by the keyword that starts them. */
public enum ActionType {
	NONE, LOGONLY, WRITE, WRITEN, OWRITECL, UDGRAM, USTREAM, CLOSEF, CLOSEUDGR, CLOSEUSTR, DROPINPUT, UDPSOCK,
	TCPSOCK, CLOSEUDP, CLOSETCP, SHELLCMD, CMDEXEC, SPAWN, SPAWNEXEC, CSPAWN, CSPAWNEXEC, PIPE, PIPEEXEC, CREATE,
	DELETE, OBSOLETE, UNALIAS, SET, ALIAS, ADD, PREPEND, FILL, REPORT, REPORTEXEC, COPY, POP, SHIFT, EMPTY, TRIM, EXISTS,
	GETSIZE, GETALIASES, GETLTIME, GETCTIME, SETLTIME, SETCTIME, EVENT, TEVENT, CEVENT, RESET, GETWPOS, SETWPOS,
	ASSIGN, ASSIGNSQ, FREE, EVAL(true), CALL(true), LCALL(true), REWRITE, ADDINPUT, SIGEMUL, VARSET, IF, WHILE,
	BREAK, CONTINUE;

	private final boolean perl;

	ActionType() {
		this(false);
	}

	ActionType(boolean perl) {
		this.perl = perl;
	}

	/** eval, call and lcall run Perl code. */
	public boolean needsPerl() {
		return perl;
	}

	/** The keyword as written in rule files. */
	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}
}

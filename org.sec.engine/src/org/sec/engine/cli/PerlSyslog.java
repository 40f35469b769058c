package org.sec.engine.cli;

import java.util.List;

import org.sec.engine.log.SecLog;
import org.sec.engine.perl.PerlBridge;
import org.sec.engine.perl.PerlException;

/**
 * --syslog through the Perl bridge: Java has no UNIX datagram sockets for /dev/log, so
 * sec's own calls (Sys::Syslog openlog with "pid", syslog per message) run in perl, with
 * jsec's pid and the name it was started as, as sec uses $0.
 */
final class PerlSyslog implements SecLog.Syslog {

	private final PerlBridge perl;
	private final String ident;
	private final String facility;

	PerlSyslog(PerlBridge perl, String ident, String facility) {
		this.perl = perl;
		this.ident = ident;
		this.facility = facility;
	}

	/** sec's progname: the name it was started as, without its folder. */
	static String programName() {
		String launcher = System.getenv(Daemon.LAUNCHER);
		String invoked = System.getenv("JSEC_INVOKED_AS");
		String name = invoked != null ? invoked : launcher != null ? launcher : "jsec";
		return name.replaceAll(".*/", "");
	}

	@Override
	public String open() {
		try {
			List<Object> error = perl.callList("\\&main::SECWB::openlog",
					List.of(ident, facility, Long.toString(ProcessHandle.current().pid())));
			return error.isEmpty() ? null : String.valueOf(error.get(0)).strip();
		} catch (PerlException e) {
			return e.getMessage();
		}
	}

	@Override
	public void send(String level, String message) {
		try {
			perl.callList("\\&main::SECWB::syslog", List.of(level, message));
		} catch (PerlException e) {
			// sec's eval swallows a failed syslog call too
		}
	}

	@Override
	public void close() {
		try {
			perl.callList("\\&main::SECWB::closelog", List.of());
		} catch (PerlException e) {
			// nothing left to close
		}
	}
}

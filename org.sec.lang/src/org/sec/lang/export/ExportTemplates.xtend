package org.sec.lang.export

import java.util.List

/**
 * Text of the files in a production bundle. Templates are Xtend because these are
 * documents with a little logic, which is what Xtend's template strings are for.
 */
class ExportTemplates {

	/** sec's options for the bundle: rule files, inputs, log. */
	static def String options(ExportSettings s) '''
		«FOR rules : s.ruleFiles SEPARATOR ' '»--conf=«s.installDir»/«rules»«ENDFOR» «FOR input : s.inputs SEPARATOR ' '»--input=«input»«ENDFOR» --log=«s.logFile»'''

	static def String commandLine(ExportSettings s) '''
		# Run sec with these rules in the foreground (no --detach: the service manager supervises it)
		/usr/bin/sec «options(s)»
	'''

	/** systemd unit; options come from the sysconfig file so they can change without editing the unit. */
	static def String systemdUnit(ExportSettings s) '''
		[Unit]
		Description=Simple Event Correlator («s.name»)
		Documentation=man:sec(1)
		After=network.target rsyslog.service

		[Service]
		Type=simple
		EnvironmentFile=-/etc/sysconfig/«s.name»
		ExecStart=/usr/bin/sec $OPTIONS
		# SIGHUP reloads the rules and drops all state; SIGABRT reloads only changed rule files
		ExecReload=/bin/kill -ABRT $MAINPID
		Restart=on-failure

		[Install]
		WantedBy=multi-user.target
	'''

	static def String sysconfig(ExportSettings s) '''
		# Options for sec («s.name»), read by «s.name».service
		OPTIONS="«options(s)»"
	'''

	/** rsyslog feeds matching messages to sec's standard input through omprog. */
	static def String rsyslogOmprog(ExportSettings s) '''
		# /etc/rsyslog.d/«s.name».conf: pass log lines to sec on its standard input
		module(load="omprog")
		action(type="omprog"
		       binary="/usr/bin/sec «rulesOnly(s.ruleFiles, s.installDir)» --input=- --log=«s.logFile»"
		       template="RSYSLOG_TraditionalFileFormat")
	'''

	/** syslog-ng starts sec as a program() destination and writes one line per message. */
	static def String syslogNgProgram(ExportSettings s) '''
		# /etc/syslog-ng/conf.d/«s.name».conf: pass log lines to sec on its standard input
		destination d_«s.name.replace('-', '_')» {
		    program("/usr/bin/sec «rulesOnly(s.ruleFiles, s.installDir)» --input=- --log=«s.logFile»"
		            template("${ISODATE} ${HOST} ${MSGHDR}${MSG}\n"));
		};
		log { source(s_src); destination(d_«s.name.replace('-', '_')»); };
	'''

	private static def String rulesOnly(List<String> ruleFiles, String installDir) '''«FOR rules : ruleFiles SEPARATOR ' '»--conf=«installDir»/«rules»«ENDFOR»'''

	static def String readme(ExportSettings s) '''
		SEC rules bundle «s.name», exported by SEC Workbench after validation with sec «s.secVersion.text»'s verdict.
		Run it with sec «s.secVersion.text» or newer (the release is also in the file sec-version).

		Install:
		  mkdir -p «s.installDir» && cp rules/* «s.installDir»/
		  cp sec.sysconfig /etc/sysconfig/«s.name»
		  cp sec.service /etc/systemd/system/«s.name».service
		  systemctl daemon-reload && systemctl enable --now «s.name»
		Or feed sec from the syslog daemon instead of a file: rsyslog-omprog.conf, syslog-ng-program.conf.
	'''
}

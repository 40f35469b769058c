#!/usr/bin/env bash
# The SEC FAQ's recipes with child processes, exit statuses and dynamic inputs, run as
# printed (paths moved into a temp folder) by sec and by jsec, in real time. Each case
# prints a summary: stdout, the files written, the exit status and the processes the
# engine left behind; jsec's summary must equal sec's. With --record, sec's summaries are
# written to org.sec.engine.tests/golden/faq-recipes/CASE.summary (the goldens
# FaqRecipesTest compares jsec with when sec is not installed).
# usage: scripts/faq-compare.sh [--record] [CASE...]     SEC=path picks another sec
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SEC=${SEC:-sec}
JSEC=$root/bin/jsec
golden=$root/org.sec.engine.tests/golden/faq-recipes
record=0
[[ ${1-} == --record ]] && { record=1; shift; }
work=$(mktemp -d)
trap 'pkill -KILL -f "$work" 2>/dev/null; rm -rf "$work"' EXIT

source "$root/scripts/compare-common.sh"

# processes still running whose command line names this case's folder (the engine's children)
left_behind() {
  sleep 0.5
  local n
  n=$(pgrep -f "$PWD" | grep -vc "^$$\$")
  echo "processes left: $n"
  pkill -KILL -f "$PWD" 2>/dev/null
  return 0
}

# Q7: login failures counted in a Perl hash and sent to Graphite (port 2003) every 5
# minutes by a Calendar rule; the clock starts at 00:04:50 under faketime, so the report
# comes 10 seconds in, and a listener on localhost:2003 records what arrives
case_q07_graphite() {
  command -v faketime > /dev/null || { echo "faketime is not installed"; return; }
  python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 2003)); s.listen(5)
out = open(sys.argv[1], "ab")
while True:
    c, _ = s.accept()
    while True:
        d = c.recv(65536)
        if not d: break
        out.write(d); out.flush()
    c.close()' graphite.txt &
  local listener=$!
  cat > rules.sec <<'EOF'
type=Single
ptype=RegExp
pattern=sshd\[\d+\]: Failed \S+ for (?:invalid user )?\S+ from ([\d.]+) port \d+ ssh2$
desc=SSH login failure from $1
action=lcall %o $1 -> ( sub { ++$sshlogin_failed{$_[0]}; } )

type=Calendar
time=*/5 * * * *
desc=report SSH login failure statistics
action=lcall %temp -> ( sub { return keys %sshlogin_failed; } ); \
fill CLIENTS %temp; \
lcall %temp -> ( sub { return values %sshlogin_failed; } ); \
fill COUNTS %temp; \
lcall %n -> ( sub { %sshlogin_failed = (); return "\n"; } ); \
getsize %size CLIENTS; while %size ( \
shift CLIENTS %client; shift COUNTS %count; \
tcpsock localhost:2003 ssh.login.failure.%client %count %u%n; \
getsize %size CLIENTS )
EOF
  : > in.log
  faketime -f '@2024-01-01 00:04:50' "$1" --conf=rules.sec --input=in.log --log=log.txt > stdout.txt 2>&1 &
  local pid=$!
  wait_for log.txt "Opening input file" || true  # in.log is read from its end: open it first
  sleep 0.5
  for ip in 10.1.1.1 10.1.1.1 10.2.2.2 10.1.1.1; do
    echo "Jan  1 00:04:55 host sshd[123]: Failed password for invalid user bob from $ip port 4000 ssh2" >> in.log
  done
  echo "Jan  1 00:04:56 host sshd[124]: Failed password for alice from 10.3.3.3 port 4001 ssh2" >> in.log
  wait_for graphite.txt "10.3.3.3" || true
  sleep 1
  pkill -TERM -P "$pid"; wait "$pid"; echo "exit status: $?"  # the engine is faketime's child
  kill "$listener" 2>/dev/null; wait "$listener" 2>/dev/null
  echo "received by the listener:"; sort graphite.txt
}

# Q17: the report mailed and removed at midnight, in order: the second form (&&); the
# clock starts at 23:59:55 under faketime, and "mail" is a stand-in on PATH that keeps
# what it gets
case_q17_ordered_shellcmd() {
  command -v faketime > /dev/null || { echo "faketime is not installed"; return; }
  printf '#!/bin/sh\n{ echo "mail to $*:"; cat; } >> %s/mailbox\n' "$PWD" > mail; chmod +x mail
  cat > rules.sec <<EOF
type=Calendar
time=0 0 * * *
desc=Sending report
action=shellcmd cat $PWD/myreport | mail root@localhost && rm -f $PWD/myreport
EOF
  printf 'line one of the report\nline two\n' > myreport
  : > in.log
  PATH=$PWD:$PATH faketime -f '@2024-01-01 23:59:55' "$1" --conf=rules.sec --input=in.log > stdout.txt 2>&1 &
  local pid=$!
  wait_for mailbox "line two" || { echo "the engine printed:"; cat stdout.txt; }  # shown only on a failure
  sleep 1
  pkill -TERM -P "$pid"; wait "$pid"; echo "exit status: $?"  # the engine is faketime's child
  cat mailbox
  [[ -e myreport ]] && echo "report still there" || echo "report removed after mailing"
}

# Q10: one rule, operations keyed by desc; the shellcmd's notify.sh is found on PATH,
# here a stand-in that prints what it gets, so the lines show each operation's report
case_q10_operations() {
  printf '#!/bin/sh\necho "notify: $1"\n' > notify.sh; chmod +x notify.sh
  cat > my.conf <<'EOF'
type=SingleWithThreshold
ptype=RegExp
pattern=user (\S+) login failure on (\S+)
desc=Repeated login failures for user $1 on $2
action=shellcmd notify.sh "%s"
window=60
thresh=3
EOF
  printf 'user admin login failure on tty1\nuser admin login failure on tty5\nuser admin login failure on tty1\nuser admin login failure on tty2\nuser admin login failure on tty1\nuser admin login failure on tty5\nuser admin login failure on tty5\n' > in.log
  { cat in.log; sleep 1; } | PATH=$PWD:$PATH "$1" --conf=my.conf --input=- --notail > stdout.txt 2>/dev/null
  echo "exit status: $?"; sort stdout.txt
  sed -i 's/ on \$2$//' my.conf   # the answer's other desc: one operation per user
  { cat in.log; sleep 1; } | PATH=$PWD:$PATH "$1" --conf=my.conf --input=- --notail > stdout.txt 2>/dev/null
  echo "exit status: $?"; sort stdout.txt
}

# Q19: a PerlFunc pattern that returns the input source's name, and $+{_inputsrc}
case_q19_input_source() {
  cat > rules.sec <<'EOF'
type=single
ptype=perlfunc
pattern=sub { if ($_[0] =~ /(\S+): [Ff]ile system full/) { \
return ($1, $_[1]); } else { return 0; } }
desc=File system $1 full ($2)
action=write -

type=single
ptype=regexp
pattern=(\S+): disk error
desc=disk error on $1 from $+{_inputsrc} in $+{_intcontext}
action=write - %s
EOF
  mkdir -p log
  printf '/opt: file system full\n' > log/server1.log
  printf '/var: File system full\n/dev/sda: disk error\n' > log/server2.log
  "$1" --conf=rules.sec --input='log/*.log' --notail --intcontexts > stdout.txt 2>/dev/null
  echo "exit status: $?"; cat stdout.txt
}

# Q20, second recipe: the Perl wrapper that ends a child after N seconds with signal S
case_q20_wrapper() {
  cat > wrapper.pl <<'EOF'
#!/usr/bin/perl -w
if (scalar(@ARGV) < 3) { exit(1); }
$int = shift @ARGV;
$sig = shift @ARGV;
$SIG{TERM} = sub { $term{$$} = 1; };
$pid = fork();
if ($pid == -1) {
  exit(1);
} elsif ($pid == 0) {
  $SIG{TERM} = 'DEFAULT';
  if (exists($term{$$})) { exit(0); }
  exec("@ARGV");
  exit(1);
} else {
  $SIG{TERM} = sub { kill TERM, $pid; exit(0); };
  if (exists($term{$$})) { kill TERM, $pid; exit(0); };
  $SIG{ALRM} = sub { kill $sig, $pid; exit(0); };
  alarm($int);
  waitpid($pid, 0);
  exit($? >> 8);
}
EOF
  chmod +x wrapper.pl
  printf '#!/bin/sh\necho prog started >> %s/prog.log\nsleep 30\necho prog finished >> %s/prog.log\n' "$PWD" "$PWD" > myprog
  chmod +x myprog
  cat > rules.sec <<EOF
type=Single
ptype=SubStr
pattern=start
desc=start
action=shellcmd $PWD/wrapper.pl 1 9 $PWD/myprog
EOF
  { echo start; sleep 3; } | "$1" --conf=rules.sec --input=- --notail 2>/dev/null
  echo "exit status: $?"; cat prog.log
  left_behind
}

# Q14: load a module at SEC_STARTUP and end sec with exit(1) when it is missing
case_q14_exit() {
  cat > rules.sec <<'EOF'
type=single
ptype=substr
pattern=SEC_STARTUP
context=SEC_INTERNAL_EVENT
desc=Load SNMP module
action=assign %a 0; eval %a (require SNMP::NoSuchModule); eval %a (exit(1) unless %a)

type=single
ptype=substr
pattern=event
desc=any
action=write - still running after %a
EOF
  echo event | "$1" --conf=rules.sec --input=- --notail --intevents 2>/dev/null
  echo "exit status: $?"
  # the same recipe with a module that loads, and sec's own modules preloaded (POSIX)
  sed -i 's/SNMP::NoSuchModule/Storable/; s/after %a/after %a; eval %f (POSIX::floor(2.5)); write - floor %f; eval %r (require POSIX); write - require POSIX gives %r/' rules.sec
  echo event | "$1" --conf=rules.sec --input=- --notail --intevents 2>/dev/null
  echo "exit status: $?"
}

# Q15, first recipe: context names saved by a SingleWithScript at SEC_SHUTDOWN and read
# back by a spawned perl at SEC_STARTUP
case_q15_context_names() {
  cat > rules.sec <<EOF
# save context names
type=SingleWithScript
ptype=SubStr
pattern=SEC_SHUTDOWN
context=SEC_INTERNAL_EVENT
script=cat > $PWD/sec_contexts.dump
desc=Saving the SEC contexts
action=none

# read in context names, prepending 'SEC_CONTEXT: ' prefix to every name
type=Single
ptype=SubStr
pattern=SEC_STARTUP
context=SEC_INTERNAL_EVENT
desc=Read in previously saved SEC contexts
action=spawn perl -ne 'print "SEC_CONTEXT: \$_"' $PWD/sec_contexts.dump

# Create contexts, based on the information received from the previous rule
type=Single
ptype=RegExp
pattern=^SEC_CONTEXT: (.*)
desc=Recreate context \$1
action=create \$1

type=Single
ptype=RegExp
pattern=^make (\S+)
desc=make \$1
action=create \$1

type=Single
ptype=RegExp
pattern=^check (\S+)
context=\$1
desc=check \$1
action=write - context \$1 exists
EOF
  printf 'make ALPHA\nmake BETA\n' | "$1" --conf=rules.sec --input=- --notail --intevents 2>/dev/null
  echo "first run exit status: $?"
  echo "saved: $(sort sec_contexts.dump 2>/dev/null | tr '\n' ' ')"
  { sleep 1.5; printf 'check ALPHA\ncheck BETA\ncheck GAMMA\n'; } | "$1" --conf=rules.sec --input=- --notail --intevents 2>/dev/null
  echo "second run exit status: $?"
  left_behind
}

# Q15, second recipe: all contexts (names, lifetimes, event stores, action lists) saved
# with Storable through %main::context_list at SEC_SHUTDOWN and restored at SEC_STARTUP
case_q15_storable() {
  cat > rules.sec <<EOF
type=Single
ptype=SubStr
pattern=SEC_STARTUP
context=SEC_INTERNAL_EVENT
continue=TakeNext
desc=Load the Storable module and terminate if it is not found
action=assign %ret 0; eval %ret (require Storable); \\
eval %ret (exit(1) unless %ret)

type=Single
ptype=SubStr
pattern=SEC_STARTUP
context=SEC_INTERNAL_EVENT
desc=Restore all SEC contexts from $PWD/SEC_CONTEXTS on startup
action=lcall %ret -> ( sub { \\
my \$ptr = \$main::context_list{"SEC_INTERNAL_EVENT"}; \\
%main::context_list = \\
%{Storable::retrieve("$PWD/SEC_CONTEXTS")}; \\
\$main::context_list{"SEC_INTERNAL_EVENT"} = \$ptr; } )

type=Single
ptype=SubStr
pattern=SEC_SHUTDOWN
context=SEC_INTERNAL_EVENT
desc=Save all SEC contexts into $PWD/SEC_CONTEXTS on shutdown
action=lcall %ret -> ( sub { \\
Storable::store(\%main::context_list, "$PWD/SEC_CONTEXTS"); } )

type=Single
ptype=RegExp
pattern=^make (\S+) (\d+)
desc=make \$1
action=create \$1 \$2 ( copy \$1 %ev; write - \$1 expired, events: %ev ); add \$1 first event of \$1; \\
alias \$1 ALIAS_\$1

type=Single
ptype=RegExp
pattern=^check (\S+)
desc=check \$1
action=exists %e \$1; getltime %l \$1; copy \$1 %ev; write - \$1: exists=%e lifetime=%l events=%ev; \\
exists %a ALIAS_\$1; write - alias of \$1 exists=%a
EOF
  perl -MStorable -e 'store({}, $ARGV[0])' SEC_CONTEXTS
  printf 'make ALPHA 4\nmake BETA 0\n' | "$1" --conf=rules.sec --input=- --notail --intevents 2>/dev/null
  echo "first run exit status: $?"
  { printf 'check ALPHA\ncheck BETA\ncheck GAMMA\n'; sleep 5; } | "$1" --conf=rules.sec --input=- --notail --intevents 2>/dev/null
  echo "second run exit status: $?"
}

# Q18: spawn with the shell's exec, so that sec's SIGTERM reaches the command itself
case_q18_exec() {
  cat > rules.sec <<EOF
type=Single
ptype=RegExp
pattern=^start$
desc=start
action=spawn exec $PWD/myscript.sh 2>$PWD/myscript.log; spawn $PWD/myscript.sh; spawn ( $PWD/myscript.sh )
EOF
  printf '#!/bin/sh\ntrap "echo got TERM >> %s/terms; exit 0" TERM\necho running\nwhile :; do sleep 0.1; done\n' "$PWD" > myscript.sh
  chmod +x myscript.sh
  { echo start; sleep 1.5; } | "$1" --conf=rules.sec --input=- --notail > stdout.txt 2>/dev/null
  echo "exit status: $?"
  sort stdout.txt
  sleep 0.5
  echo "scripts that got TERM: $(cat terms 2>/dev/null | wc -l)"
  left_behind
}

# Q20: the run time of a child limited by timeout(1), its exit code as an event
case_q20_timeout() {
  printf '#!/bin/sh\necho working\nsleep 30\n' > myprog; chmod +x myprog
  cat > rules.sec <<EOF
type=Single
ptype=SubStr
pattern=start
desc=start
action=spawn ( /usr/bin/timeout -s 15 1 $PWD/myprog; /bin/echo -e "\nExit code: \$?" )

type=Single
ptype=RegExp
pattern=.
desc=child line
action=write - child said: \$0
EOF
  { echo start; sleep 3; } | "$1" --conf=rules.sec --input=- --notail 2>/dev/null
  echo "exit status: $?"
  left_behind
}

# Q22 and Q23 point to the rulesets repository (parsing-json, utf8), which is not here;
# these stand-ins do what those recipes do: a PerlFunc pattern decodes the line (JSON with
# JSON::PP, which sec loads; UTF-8 with decode) and the rule writes what it found. Names
# with characters below 256 reach the output as single bytes, wide characters make sec
# refuse the write; stdout, the written file and sec's log (without timestamps) are compared.
case_q22_q23_encodings() {
  cat > rules.sec <<EOF
type=Single
ptype=PerlFunc
pattern=sub { my \$e = eval { JSON::PP::decode_json(\$_[0]) }; \\
  return \$e && ref(\$e) eq 'HASH' ? (\$e->{"user"}, \$e->{"host"}) : 0 }
desc=json
action=write - json user \$1 on \$2; write $PWD/out.txt json user \$1

type=Single
ptype=PerlFunc
pattern=sub { my \$l = \$_[0]; utf8::decode(\$l); return \$l =~ /^login (\S+) / ? (\$1) : 0 }
desc=utf8
action=write - login \$1; write $PWD/out.txt login \$1
EOF
  printf '{"user":"Jos\xc3\xa9","host":"h1"}\n{"user":"Zo\xe2\x98\xbaa","host":"h2"}\nlogin M\xc3\xbcller ok\nlogin \xe6\x97\xa5\xe6\x9c\xac ok\nlogin plain ok\n' > in.log
  "$1" --conf=rules.sec --input=in.log --notail --log=log.txt > stdout.txt 2> stderr.txt
  echo "exit status: $?"
  echo "stdout:"; od -An -c stdout.txt
  echo "file:"; od -An -c out.txt
  echo "log:"; sed -E "s/^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}: //; s|$PWD|DIR|g" log.txt | grep -a "Writing\|Error\|Wide"
  echo "stderr:"; cat stderr.txt
}

# Q24, first recipe: the day's log opened by addinput at SEC_STARTUP, reopened when it
# appears (--reopen-timeout), and tracked from its end
case_q24_daily() {
  local today
  today=$(date +%Y%m%d)
  cat > track-input.sec <<EOF
type=Single
ptype=RegExp
pattern=^(?:SEC_STARTUP|SEC_RESTART)\$
context=SEC_INTERNAL_EVENT
desc=start tracking log file for the current day at SEC (re)start
action=event ADDINPUT $PWD/mylog-%{.year}%{.mon}%{.mday} OFFSET -

type=Calendar
time=0 0 * * *
desc=switch over to new log file at midnight
action=event ADDINPUT $PWD/mylog-%{.year}%{.mon}%{.mday} OFFSET 0

type=Single
ptype=RegExp
pattern=^ADDINPUT (\S+) OFFSET (0|-)\$
context=_INTERNAL_EVENT && !INPUT_\$1
desc=open input file \$1 and start reading from offset \$2
action=addinput \$1 \$2; create INPUT_\$1 86400 ( dropinput \$1 )

type=Single
ptype=RegExp
pattern=^line (\d+)
desc=line
action=write $PWD/out.txt got \$1 from \$+{_inputsrc}
EOF
  echo "line 0 (before start)" > "mylog-$today"
  "$1" --conf=track-input.sec --reopen-timeout=1 --intevents --intcontexts --log=log.txt > stdout.txt 2>&1 &
  local pid=$!
  wait_for log.txt "Opening input file '$PWD/mylog-$today'" || true
  sleep 0.5
  echo "line 1" >> "mylog-$today"
  wait_for out.txt "got 1" || true
  kill -TERM "$pid"; wait "$pid"; echo "exit status: $?"
  sed "s|$PWD|DIR|g; s|$today|TODAY|g" out.txt
  # the file does not exist at start: --reopen-timeout opens it when it appears, from its start
  rm -f "mylog-$today" out.txt
  "$1" --conf=track-input.sec --reopen-timeout=1 --intevents --intcontexts --log=log2.txt > stdout.txt 2>&1 &
  pid=$!
  wait_for log2.txt "SEC_STARTUP" || true
  sleep 1
  echo "line 2" > "mylog-$today"
  wait_for out.txt "got 2" || true
  kill -TERM "$pid"; wait "$pid"; echo "exit status: $?"
  sed "s|$PWD|DIR|g; s|$today|TODAY|g" out.txt
  left_behind
}

# Q24, second recipe: logtracker.pl started with cspawn follows the newest mylog-* file.
# The command has shell metacharacters, so sec's SIGTERM at exit reaches the shell only
# and the perl script lives on: one process is left, by sec as by jsec.
case_q24_logtracker() {
  cat > logtracker.pl <<'EOF'
#!/usr/bin/perl -w
$| = 1;
if (!defined($ARGV[0])) { die "Usage: $0 <file_pattern>\n"; }
$pattern = $ARGV[0];
@files = glob($pattern);
if (scalar(@files)) {
  $logfile = $files[-1];
  print "Open file $logfile -\n";
}
for (;;) {
  sleep(1);
  @files = glob($pattern);
  if (!scalar(@files)) { next; }
  $lastfile = $files[-1];
  if (!defined($logfile)) {
    $logfile = $lastfile;
    print "Open file $logfile 0\n";
  } elsif (($lastfile cmp $logfile) == 1) {
    print "Close file $logfile\n";
    $logfile = $lastfile;
    print "Open file $logfile 0\n";
  }
}
EOF
  chmod +x logtracker.pl
  cat > track-input.sec <<EOF
type=Single
ptype=RegExp
pattern=^(?:SEC_STARTUP|SEC_RESTART)\$
context=SEC_INTERNAL_EVENT
desc=start log file tracker
action=cspawn LOGTRACKER $PWD/logtracker.pl '$PWD/mylog-*'

type=Single
ptype=RegExp
pattern=^Open file (.+) (0|-)\$
context=LOGTRACKER
desc=open logfile \$1 and start reading from offset \$2
action=addinput \$1 \$2

type=Single
ptype=RegExp
pattern=^Close file (.+)\$
context=LOGTRACKER
desc=close logfile \$1
action=dropinput \$1

type=Single
ptype=RegExp
pattern=^line (\d+)
desc=line
action=write $PWD/out.txt got \$1
EOF
  echo "line 0" > mylog-2020-03-31-12:37:44
  "$1" --conf=track-input.sec --intevents --intcontexts --log=log.txt > stdout.txt 2>&1 &
  local pid=$!
  wait_for log.txt "Opening input file '$PWD/mylog-2020-03-31-12:37:44'" || true
  sleep 0.3
  echo "line 1" >> mylog-2020-03-31-12:37:44
  wait_for out.txt "got 1" || true
  printf 'line 2\n' > mylog-2020-04-01-09:52:13
  wait_for out.txt "got 2" || true
  echo "line 3" >> mylog-2020-03-31-12:37:44  # dropped: no longer read
  echo "line 4" >> mylog-2020-04-01-09:52:13
  wait_for out.txt "got 4" || true
  kill -TERM "$pid"; wait "$pid"; echo "exit status: $?"
  cat out.txt
  left_behind
}

all=(q07_graphite q10_operations q14_exit q15_context_names q15_storable q17_ordered_shellcmd q18_exec q19_input_source q20_timeout q20_wrapper q22_q23_encodings q24_daily q24_logtracker)
cases=("${@:-${all[@]}}")
failed=0
live=1
command -v "$SEC" > /dev/null || { live=0; echo "no $SEC here: jsec is compared with the golden summaries"; }
for c in "${cases[@]}"; do
  for engine in sec jsec; do
    ((live)) || [[ $engine == jsec ]] || continue
    dir=$work/$c/$engine
    mkdir -p "$dir"
    (cd "$dir" && "case_$c" "$([[ $engine == sec ]] && echo "$SEC" || echo "$JSEC")") > "$work/$c/$engine.summary" 2>&1
  done
  if ((record)); then
    mkdir -p "$golden"
    cp "$work/$c/sec.summary" "$golden/$c.summary"
    echo "made by: $($SEC --version | head -1), scripts/faq-compare.sh --record $c" > "$golden/$c.made-by.txt"
  fi
  expected=$work/$c/sec.summary
  ((live)) || expected=$golden/$c.summary
  if ((live)) && [[ -f $golden/$c.summary ]] && ! diff -q "$golden/$c.summary" "$expected" > /dev/null; then
    echo "$c: live sec differs from the golden file:"; diff "$golden/$c.summary" "$expected" | sed 's/^/    /'
    failed=1
  fi
  if diff -q "$expected" "$work/$c/jsec.summary" > /dev/null && ! grep -q "timed out" "$expected"; then
    printf '%-20s same as sec\n' "$c"
  else
    failed=1
    printf '%-20s DIFFERS\n' "$c"
    diff "$expected" "$work/$c/jsec.summary" | sed 's/^/    /'
  fi
done
exit $failed

#!/usr/bin/env bash
# jsec beside sec as daemons, in real time: the same rules and the same writers for each
# case, then what each engine wrote is compared, and the input lines each one lost or
# duplicated are counted (both must be zero, and jsec must do what sec did).
# Cases: tail mode with appends; rotation by rename; copytruncate; FIFO writers that come
# and go (--rwfifo and --norwfifo); a new file for an --input glob, then SIGHUP; SIGUSR1,
# SIGUSR2 (with the output file rotated) and SIGTERM; --detach --pid and the refused
# --detach --input=-; an rsyslog-omprog-style pipe with --notail, also with SIGUSR2; FIFOs
# with --notail; a spawned child's output while stdin is quiet; --syslog; --user, --group
# and --umask; kill -9 while busy (stdout as far as the output file).
# usage: scripts/daemon-compare.sh [CASE...]      SEC=path picks another sec
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SEC=${SEC:-sec}
JSEC=$root/bin/jsec
work=$(mktemp -d)
trap 'pkill -TERM -f "$work" 2>/dev/null; [[ -n ${KEEP-} ]] || rm -rf "$work"' EXIT

source "$root/scripts/compare-common.sh"

numbered() { # FROM TO: lines "line N"
  seq "$1" "$2" | sed 's/^/line /'
}

rules() {
  cat > rules.sec <<'EOF'
type=Single
ptype=RegExp
pattern=^line (\d+)
desc=got $1
action=write out.txt got $1

type=Single
ptype=RegExp
pattern=^(SEC_\S+)
desc=internal $1
action=write out.txt internal $1
EOF
}

# counts(EXPECTED_MAX): lost and duplicated "got N" lines of out.txt (and out.txt.* rotated)
counts() {
  local expected=$1
  cat out.txt* 2>/dev/null | sed -n 's/^got //p' | sort -n > got.txt
  local lost dup
  lost=$(comm -23 <(seq 1 "$expected" | sort) <(sort -u got.txt) | wc -l)
  dup=$(uniq -d got.txt | wc -l)
  echo "lost=$lost duplicated=$dup"
}

start() { # ENGINE ARGS...: in the background, pid in $pid
  "$@" > stdout.txt 2> stderr.txt &
  pid=$!
}

stop() {
  kill -TERM "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  status=$?
}

case_tail() {
  rules; : > in.log
  start "$1" --conf=rules.sec --input=in.log --intevents --log=log.txt
  wait_for out.txt "internal SEC_STARTUP" || return
  for b in 0 1 2 3 4; do numbered $((b * 40 + 1)) $((b * 40 + 40)) >> in.log; sleep 0.3; done
  wait_for out.txt "^got " 200
  stop; counts 200; echo "exit=$status"
}

case_rotate_rename() {
  rules; : > in.log
  start "$1" --conf=rules.sec --input=in.log --intevents --log=log.txt
  wait_for out.txt "internal SEC_STARTUP" || return
  numbered 1 50 >> in.log
  wait_for out.txt "^got " 50
  mv in.log in.log.1
  numbered 51 60 >> in.log.1 # written by the old writer after the rename
  numbered 61 100 > in.log
  wait_for out.txt "^got " 100
  stop; counts 100; echo "exit=$status"
  grep -ac "has been recreated" log.txt | sed 's/^/recreated messages=/'
}

case_copytruncate() {
  rules; : > in.log
  start "$1" --conf=rules.sec --input=in.log --intevents --log=log.txt
  wait_for out.txt "internal SEC_STARTUP" || return
  numbered 1 50 >> in.log
  wait_for out.txt "^got " 50
  cp in.log in.log.1; : > in.log
  sleep 0.5
  numbered 51 100 >> in.log
  wait_for out.txt "^got " 100
  stop; counts 100; echo "exit=$status"
  grep -ac "has been truncated" log.txt | sed 's/^/truncated messages=/'
}

fifo_case() { # ENGINE FIFO-OPTION
  rules; mkfifo in.fifo
  start "$1" --conf=rules.sec --input=in.fifo --intevents --log=log.txt "$2"
  wait_for out.txt "internal SEC_STARTUP" || return
  numbered 1 50 > in.fifo   # one writer, then it closes
  wait_for out.txt "^got " 50
  numbered 51 80 > in.fifo  # a second writer
  (numbered 81 100; sleep 0.5) > in.fifo
  wait_for out.txt "^got " 100
  stop; counts 100; echo "exit=$status"
}
case_fifo_rw() { fifo_case "$1" --rwfifo; }
case_fifo_norw() { fifo_case "$1" --norwfifo; }

case_glob_hup() {
  rules; mkdir logs; : > logs/a.log
  start "$1" --conf=rules.sec --input='logs/*.log' --intevents --log=log.txt
  wait_for out.txt "internal SEC_STARTUP" || return
  numbered 1 20 >> logs/a.log
  wait_for out.txt "^got " 20
  : > logs/b.log
  kill -HUP "$pid"
  wait_for out.txt "internal SEC_RESTART" || return
  numbered 21 40 >> logs/b.log
  numbered 41 50 >> logs/a.log
  wait_for out.txt "^got " 50
  stop; counts 50; echo "exit=$status"
  grep -a "Opening input file" log.txt | sed 's/^[^:]*:[^:]*:[^:]*: //' | sort | uniq -c
}

case_signals() {
  rules; : > in.log
  start "$1" --conf=rules.sec --input=in.log --intevents --log=log.txt --dump="$PWD/dump.txt"
  wait_for out.txt "internal SEC_STARTUP" || return
  numbered 1 10 >> in.log
  wait_for out.txt "^got " 10
  mv out.txt out.txt.1
  kill -USR2 "$pid"
  wait_for out.txt "internal SEC_LOGROTATE" || return
  numbered 11 20 >> in.log
  wait_for out.txt "^got " 10
  kill -USR1 "$pid"
  wait_for log.txt "Dump to" || return
  stop; counts 20; echo "exit=$status"
  echo "rotated file:"; grep -a internal out.txt.1
  echo "new file:"; grep -a internal out.txt
  [[ -s dump.txt ]] && echo "dump written"
  sed 's/^[^:]*:[^:]*:[^:]*: //' log.txt | grep -a "received"
}

case_detach() {
  rules; sed -i "s|write out.txt|write $PWD/out.txt|" rules.sec; : > in.log  # a daemon works in /
  local t0=$SECONDS
  "$1" --conf="$PWD/rules.sec" --input="$PWD/in.log" --detach --pid="$PWD/pid.txt" --intevents --log="$PWD/log.txt" \
    > stdout.txt 2> stderr.txt
  echo "parent exit=$? within 10 s=$(((SECONDS - t0) < 10))"
  local daemon
  # sec's parent exits right after fork, so its pid file may come a moment later (systemd
  # waits for PIDFile the same way)
  for _ in $(seq 100); do [[ -s pid.txt ]] && break; sleep 0.1; done
  daemon=$(cat pid.txt 2>/dev/null)
  [[ -n $daemon ]] && kill -0 "$daemon" && echo "pid file names a running process"
  [[ $(ps -o sid= -p "$daemon" | tr -d ' ') != $(ps -o sid= -p $$ | tr -d ' ') ]] && echo "the daemon has a session of its own"
  [[ $(readlink "/proc/$daemon/cwd") == / ]] && echo "the daemon works in /"
  wait_for out.txt "internal SEC_STARTUP" || return
  numbered 1 30 >> in.log
  wait_for out.txt "^got " 30
  kill -TERM "$daemon"
  for _ in $(seq 50); do kill -0 "$daemon" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$daemon" 2>/dev/null && echo "daemon still running after TERM"
  counts 30
  "$1" --conf="$PWD/rules.sec" --input=- --detach --log="$PWD/log2.txt" < /dev/null > /dev/null 2>&1
  echo "--detach --input=- exit=$?"
  sed 's/^[^:]*:[^:]*:[^:]*: //' log2.txt | grep -a "daemon"
}

case_omprog() {
  rules
  { for b in 0 1 2 3; do numbered $((b * 25 + 1)) $((b * 25 + 25)); sleep 0.3; done; } |
    "$1" --conf=rules.sec --input=- --notail --intevents > stdout.txt 2> stderr.txt
  echo "exit=$?"; counts 100
  grep -a internal out.txt
}

case_child_output() {
  cat > rules.sec <<'EOF'
type=Single
ptype=SubStr
pattern=go
desc=start
action=spawn echo hello; spawn exec echo via-exec

type=Single
ptype=RegExp
pattern=^(hello|via-exec)
desc=got
action=write - child said $1
EOF
  { echo go; sleep 2; } | "$1" --conf=rules.sec --input=- --notail > stdout.txt 2> stderr.txt
  echo "exit=$?"; sort stdout.txt
}

# --syslog=local0: the messages that reach /dev/log (a receiver is bound there when the
# machine has no syslog daemon), with the time and program name cut, and whether they
# carry the engine's own pid
case_syslog() {
  [[ -S /dev/log && ! -f $work/own-dev-log ]] && { echo "a syslog daemon owns /dev/log: skipped"; return; }
  touch "$work/own-dev-log"
  python3 -c '
import socket, sys, os
path, out = "/dev/log", open(sys.argv[1], "wb")
if os.path.exists(path): os.unlink(path)
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(path)
while True:
    out.write(s.recv(65536).replace(b"\0", b"") + b"\n"); out.flush()' received.txt &
  local receiver=$!
  for _ in $(seq 50); do [[ -S /dev/log ]] && break; sleep 0.1; done
  rules; : > in.log
  start "$1" --conf=rules.sec --input=in.log --intevents --syslog=local0
  wait_for received.txt "SEC_STARTUP" || true
  numbered 1 5 >> in.log
  wait_for out.txt "got 5" || true
  stop
  sleep 0.3
  kill "$receiver"; rm -f /dev/log
  grep -c "\[$pid\]:" received.txt | sed 's/^/messages with the engine pid: /'
  sed -E 's/^<([0-9]+)>[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [^[]+\[[0-9]+\]: /<\1> /' received.txt | grep -v '^$'
}

# --notail on a FIFO: with --norwfifo the engine ends when the writer closes; with the
# default --rwfifo it has a writer of its own and keeps waiting
case_fifo_notail() {
  rules; mkfifo in.fifo
  start "$1" --conf=rules.sec --input=in.fifo --notail --norwfifo
  numbered 1 20 > in.fifo
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && echo "--norwfifo: still running after the writer left" || echo "--norwfifo: ended"
  stop; counts 20
  rm -f out.txt
  start "$1" --conf=rules.sec --input=in.fifo --notail
  sleep 1
  numbered 1 20 > in.fifo
  wait_for out.txt "^got " 20
  sleep 1
  kill -0 "$pid" 2>/dev/null && echo "--rwfifo: still waiting after the writer left" || echo "--rwfifo: ended"
  stop; counts 20
}

# rsyslog's omprog with hup.signal="USR2" (FAQ Q2): lines through a pipe with --notail, the
# output file rotated and SIGUSR2 sent in the middle
case_omprog_usr2() {
  rules
  mkfifo feed
  "$1" --conf=rules.sec --input=- --notail --intevents < feed > stdout.txt 2> stderr.txt &
  pid=$!
  exec 7> feed
  numbered 1 30 >&7
  wait_for out.txt "^got " 30
  mv out.txt out.txt.1
  kill -USR2 "$pid"
  wait_for out.txt "internal SEC_LOGROTATE"
  numbered 31 60 >&7
  exec 7>&-
  wait "$pid"; echo "exit=$?"
  counts 60
  echo "rotated file ends with: $(tail -1 out.txt.1)"; echo "new file starts with: $(head -1 out.txt)"
}

# --user and --group (root only) and --umask (FAQ Q21's OPTIONS_suricata): who owns the
# files the rules write, with which mode, and sec's refusals
case_identity() {
  rules; : > in.log
  sed -i "s|write out.txt|write $PWD/out.txt|" rules.sec
  chmod o+x "$work" "$(dirname "$PWD")"; chmod 777 "$PWD"  # nobody must reach the folder
  if (($(id -u) == 0)) && getent passwd nobody > /dev/null; then
    printf 'line 1\n' > in.log; chmod 644 in.log
    "$1" --conf=rules.sec --input=in.log --notail --user=nobody --umask=027 > stdout.txt 2> stderr.txt
    echo "exit=$?"; stat -c 'out.txt owner=%U mode=%a' out.txt 2>/dev/null || echo "no out.txt"; cat stderr.txt
    "$1" --conf=rules.sec --input=in.log --notail --user=no-such-user-here 2>&1; echo "exit=$?"
    "$1" --conf=rules.sec --input=in.log --notail --user=root 2>&1; echo "exit=$?"
    "$1" --conf=rules.sec --input=in.log --notail --user=nobody --group=no-such-group-here 2>&1; echo "exit=$?"
  else
    echo "not root: only --umask is checked"
  fi
  rm -f out.txt
  printf 'line 2\n' > in.log
  "$1" --conf=rules.sec --input=in.log --notail --umask=077 > /dev/null 2>&1
  stat -c 'umask 077: mode=%a' out.txt
}

# tcpsock to a listener that closes the first connection (sec notices at its next
# process_lists and connects again), then to a closed port; what arrived and sec's log
case_tcpsock() {
  cat > rules.sec <<'EOF'
type=Single
ptype=RegExp
pattern=^send (\S+) (.*)
desc=send
action=tcpsock $1 $2%{.nl}

type=Single
ptype=RegExp
pattern=^close (\S+)
desc=close
action=closetcp $1
EOF
  python3 -c '
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 4711)); s.listen(5)
out = open(sys.argv[1], "ab")
c, _ = s.accept(); out.write(b"first connection: " + c.recv(100)); out.flush(); c.close()
c, _ = s.accept()
while True:
    d = c.recv(100)
    if not d: break
    out.write(b"second connection: " + d); out.flush()' received.txt &
  local listener=$!
  : > in.log
  start "$1" --conf=rules.sec --input=in.log --log=log.txt
  wait_for log.txt "Opening input file" || true
  sleep 0.5
  echo "send localhost:4711 one" >> in.log; sleep 3  # process_lists runs each second: the close is seen
  echo "send localhost:4711 two" >> in.log; sleep 1.5
  echo "send localhost:4711 three" >> in.log; sleep 1
  echo "send localhost:4799 refused" >> in.log; sleep 1
  printf 'close localhost:4711\nclose localhost:4799\n' >> in.log; sleep 1.5
  stop; kill "$listener" 2>/dev/null; wait "$listener" 2>/dev/null
  cat received.txt
  sed -E 's/^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}: //' log.txt | grep -a "TCP peer"
}

# kill -9 in the middle of a busy input: what was written to stdout is out, as sec's syswrite
# has it, no further behind the output file than the one event being handled
case_kill9() {
  cat > rules.sec <<'EOF'
type=Single
ptype=RegExp
pattern=^line (\d+)
desc=got $1
action=write - got $1; write out.txt got $1
EOF
  numbered 1 2000000 > in.log
  start "$1" --conf=rules.sec --input=in.log --fromstart --log=log.txt
  wait_for out.txt "^got " 2000 || return
  kill -KILL "$pid"; wait "$pid" 2>/dev/null
  local o f
  o=$(grep -c '^got ' stdout.txt); f=$(grep -c '^got ' out.txt)
  if ((f - o <= 1 && o - f <= 1)); then echo "stdout kept up with out.txt"; else echo "stdout behind out.txt by $((f - o)) lines"; fi
}

all=(tail rotate_rename copytruncate fifo_rw fifo_norw fifo_notail glob_hup signals detach omprog omprog_usr2 child_output syslog identity tcpsock kill9)
cases=("${@:-${all[@]}}")
failed=0
for c in "${cases[@]}"; do
  for engine in sec jsec; do
    dir=$work/$c/$engine
    mkdir -p "$dir"
    (cd "$dir" && "case_$c" "$([[ $engine == sec ]] && echo "$SEC" || echo "$JSEC")") > "$work/$c/$engine.summary" 2>&1
  done
  if diff -q "$work/$c/sec.summary" "$work/$c/jsec.summary" > /dev/null &&
    ! grep -q "lost=[1-9]\|duplicated=[1-9]\|timed out" "$work/$c/jsec.summary"; then
    printf '%-14s same as sec: %s\n' "$c" "$(grep -a -m1 'lost=' "$work/$c/jsec.summary")"
  else
    failed=1
    printf '%-14s DIFFERS\n' "$c"
    diff "$work/$c/sec.summary" "$work/$c/jsec.summary" | sed 's/^/    /'
    sed 's/^/    jsec stderr: /' "$work/$c/jsec/stderr.txt" 2>/dev/null | head -5
  fi
done
exit $failed

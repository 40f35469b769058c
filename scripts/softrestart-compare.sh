#!/usr/bin/env bash
# Differential check of SIGABRT (soft restart) on real signals: runs the installed sec and
# bin/jsec in tail mode over rule files a.sec, b.sec, c.sec; after some input, b.sec changes,
# c.sec is removed, d.sec is added and the engine gets SIGABRT, then more input and SIGUSR1.
# Prints both engines' stdout, the operations and contexts of the dump and the soft-restart
# log lines, and exits 1 when they differ. (SoftRestartTest checks the same flow in-process.)
# usage: scripts/softrestart-compare.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

wait_for() { # FILE TEXT: up to 30 s
  for _ in $(seq 300); do grep -qa -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "timed out waiting for '$2' in $1" >&2; return 1
}

run() { # ENGINE OUTDIR
  local engine=$1 out=$2
  rm -rf "$out"; mkdir -p "$out"; cd "$out"
  printf 'type=SingleWithThreshold\nptype=SubStr\npattern=A\ndesc=count a\naction=write - a reached\nwindow=100\nthresh=5\n\ntype=Single\nptype=SubStr\npattern=MK\ndesc=mk\naction=create CTX; write - made CTX\n' > a.sec
  printf 'type=SingleWithThreshold\nptype=SubStr\npattern=B\ndesc=count b\naction=write - b reached\nwindow=100\nthresh=5\n' > b.sec
  printf 'type=SingleWithThreshold\nptype=SubStr\npattern=C\ndesc=count c\naction=write - c reached\nwindow=100\nthresh=5\n' > c.sec
  : > in.log
  "$engine" --conf='*.sec' --input=in.log --dump="$out/dump" --log="$out/log" --debug=6 --intevents > "$out/stdout" 2>&1 &
  local pid=$!
  wait_for "$out/log" "SEC_STARTUP"
  printf 'A\nB\nC\nMK\n' >> in.log
  wait_for "$out/stdout" "made CTX"
  printf 'type=SingleWithThreshold\nptype=SubStr\npattern=B\ndesc=count b2\naction=write - b2 reached\nwindow=100\nthresh=5\n' > b.sec
  touch -d '+5 seconds' b.sec
  rm c.sec
  printf 'type=Single\nptype=RegExp\npattern=D\ndesc=d\naction=write - new file d saw $0\n' > d.sec
  kill -ABRT "$pid"
  wait_for "$out/log" "SEC_SOFTRESTART"
  printf 'B\nD\n' >> in.log
  wait_for "$out/stdout" "new file d saw D"
  kill -USR1 "$pid"
  wait_for "$out/log" "Dump to"
  kill -TERM "$pid"
  wait "$pid" || true
  { cat "$out/stdout"; grep -a '^Key:\|^Context Name' "$out/dump" | sort
    sed 's/^[^:]*:[^:]*:[^:]*: //' "$out/log" | grep 'soft restart\|Terminating\|Reading configuration\|SOFTRESTART'; } > "$out/summary"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run sec "$work/sec"
run "$root/bin/jsec" "$work/jsec"
echo "== sec"; cat "$work/sec/summary"
if diff "$work/sec/summary" "$work/jsec/summary"; then echo "== jsec: same"; else exit 1; fi

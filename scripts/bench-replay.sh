#!/usr/bin/env bash
# Benchmark (not a test): time-warp replay of the 1M-line benchmark log with
# `secwb replay`, timed by the log's own syslog timestamps (about 14 hours of virtual
# time, every second ticked). Prints lines/s and peak RSS per ruleset.
# usage: scripts/bench-replay.sh [RULESET.rules ...]   (default: bench-single.rules bench-50.rules)
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
export TZ=UTC LC_ALL=C
printf "%-22s %10s %12s %10s\n" ruleset seconds "lines/s" "peak RSS"
for r in ${@:-bench-single.rules bench-50.rules}; do
  if ! /usr/bin/time -f "%e %M" -o "$work/replay-$r.time" "$root/bin/secwb" replay --rules="$bench/$r" \
      --log="$log" --year=2024 > "$work/replay-$r.stdout" 2> "$work/replay-$r.stderr"; then
    echo "replay of $r failed: see $work/replay-$r.stderr" >&2
    exit 1
  fi
  read -r secs rss < <(tail -1 "$work/replay-$r.time")
  awk -v r="$r" -v n="$lines" -v s="$secs" -v m="$rss" \
    'BEGIN { printf "%-22s %10.2f %12.0f %9.1fM\n", r, s, n/s, m/1024 }'
done

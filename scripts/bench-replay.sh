#!/usr/bin/env bash
# Benchmark (not a test): time-warp replay of the 1M-line benchmark log with
# `secwb replay`, timed by the log's own syslog timestamps (about 14 hours of virtual
# time; idle seconds are skipped to the engine's next scheduled time), beside jsec on the
# same rules and log (real clock, --notail): the replay's share of the engine's own speed.
# usage: [RUNS=3] scripts/bench-replay.sh [RULESET.rules ...]   (default: bench-single.rules bench-50.rules)
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
export TZ=UTC LC_ALL=C
"$root/bin/jsec" --version >/dev/null   # builds the engine if needed
# RUNS (default 3) alternating pairs: this kind of machine varies 10-30% from run to run,
# so each pair is printed and the median share closes the table
runs=${RUNS:-3}
printf "%-22s %4s %10s %12s %10s %12s %10s %8s\n" ruleset run "replay s" "lines/s" "peak RSS" "jsec lines/s" "jsec RSS" "share"
for r in ${@:-bench-single.rules bench-50.rules}; do
  shares=()
  for ((i = 1; i <= runs; i++)); do
    if ! /usr/bin/time -f "%e %M" -o "$work/replay-$r.time" "$root/bin/secwb" replay --rules="$bench/$r" \
        --log="$log" --year=2024 > "$work/replay-$r.stdout" 2> "$work/replay-$r.stderr"; then
      echo "replay of $r failed: see $work/replay-$r.stderr" >&2
      exit 1
    fi
    read -r secs rss < <(tail -1 "$work/replay-$r.time")
    (cd "$work" && /usr/bin/time -f "%e %M" -o "$work/replay-jsec-$r.time" "$root/bin/jsec" --conf="$bench/$r" \
      --input="$log" --notail > "$work/replay-jsec-$r.stdout" 2>&1)
    read -r jsecs jrss < <(tail -1 "$work/replay-jsec-$r.time")
    share=$(awk -v s="$secs" -v js="$jsecs" 'BEGIN { printf "%.0f", 100*js/s }')
    shares+=("$share")
    awk -v r="$r" -v i="$i" -v n="$lines" -v s="$secs" -v m="$rss" -v js="$jsecs" -v jm="$jrss" -v sh="$share" \
      'BEGIN { printf "%-22s %4d %10.2f %12.0f %9.1fM %12.0f %9.1fM %7s%%\n", r, i, s, n/s, m/1024, n/js, jm/1024, sh }'
  done
  printf "%-22s median share of %d runs: %s%%\n" "$r" "$runs" "$(printf "%s\n" "${shares[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")"
done

#!/usr/bin/env bash
# Benchmark: jsec (bin/jsec) against the installed sec on shared/bench, 1M lines.
# Prints lines/s and peak RSS of both, the speed ratio, and whether both wrote the
# same output. Timing runs use the real clock; the output check runs both engines on
# one frozen clock (libfaketime), because windows and lifetimes make real-clock output
# depend on speed. For the check, "write /dev/null" becomes "write -" so that there is
# output to compare.
# usage: scripts/bench-compare.sh [RULESET.rules ...]   (default: bench-single, bench-single-write, bench-50)
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
command -v sec >/dev/null || { echo "sec is not installed (apt-get install sec)" >&2; exit 2; }
"$root/bin/jsec" --version >/dev/null   # builds the engine if needed
faketime_lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
export TZ=UTC LC_ALL=C PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0

measure() { # name command... -> "seconds rss_kib"; stops the benchmark if the command fails
  local name=$1; shift
  if ! /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" > "$work/$name.stdout" 2> "$work/$name.stderr"; then
    echo "$name failed: see $work/$name.stderr" >&2
    tail -5 "$work/$name.stderr" >&2
    exit 1
  fi
  tail -1 "$work/$name.time"
}

printf "%-26s %12s %10s %12s %10s %7s %s\n" ruleset "sec lines/s" "sec RSS" "jsec lines/s" "jsec RSS" ratio "same output"
for rules in "${@:-bench-single.rules bench-single-write.rules bench-50.rules}"; do
  for r in $rules; do
    cd "$work"
    rm -f sec-bench-alerts.out
    m=$(measure "sec-$r" sec --conf="$bench/$r" --input="$log" --notail --debug=3)
    read -r s_secs s_rss <<< "$m"
    rm -f sec-bench-alerts.out
    m=$(measure "jsec-$r" "$root/bin/jsec" --conf="$bench/$r" --input="$log" --notail --debug=3)
    read -r j_secs j_rss <<< "$m"
    # output check on a frozen clock
    sed 's#write /dev/null#write -#' "$bench/$r" > "$work/check-$r"
    rm -f sec-bench-alerts.out
    env LD_PRELOAD=$faketime_lib FAKETIME="2024-01-01 00:00:00" FAKETIME_DONT_FAKE_MONOTONIC=1 \
      sec --conf="check-$r" --input="$log" --notail --debug=3 > "check-sec-$r.out" 2>/dev/null || true
    [[ -f sec-bench-alerts.out ]] && mv sec-bench-alerts.out "check-sec-$r.alerts" || : > "check-sec-$r.alerts"
    env LD_PRELOAD=$faketime_lib FAKETIME="2024-01-01 00:00:00" FAKETIME_DONT_FAKE_MONOTONIC=1 \
      "$root/bin/jsec" --conf="check-$r" --input="$log" --notail --debug=3 > "check-jsec-$r.out" 2>/dev/null || true
    [[ -f sec-bench-alerts.out ]] && mv sec-bench-alerts.out "check-jsec-$r.alerts" || : > "check-jsec-$r.alerts"
    if cmp -s "check-sec-$r.out" "check-jsec-$r.out" && cmp -s "check-sec-$r.alerts" "check-jsec-$r.alerts"; then
      same="yes ($(wc -l < "check-sec-$r.out") stdout lines, $(wc -l < "check-sec-$r.alerts") alert lines)"
    else
      same="NO (see $work/check-*-$r.*)"
    fi
    awk -v r="$r" -v n="$lines" -v ss="$s_secs" -v sr="$s_rss" -v js="$j_secs" -v jr="$j_rss" -v same="$same" \
      'BEGIN { printf "%-26s %12.0f %9.1fM %12.0f %9.1fM %6.1fx %s\n", r, n/ss, sr/1024, n/js, jr/1024, ss/js, same }'
  done
done

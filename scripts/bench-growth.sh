#!/usr/bin/env bash
# Benchmark: time per line against the number of rules, jsec beside the installed sec, in
# one run. Rulesets of 50, 500 and 5,000 rules of one family (scripts/gen-rule-family.py:
# mixed types, regexes with and without literals) on shared/bench's auth log. jsec runs
# JSEC_LINES lines (default 1,000,000); sec runs SEC_LINES (default 20,000), because sec
# grows linearly with the rules (5,000 rules on 1M lines would take it hours). Both on the
# same first SEC_LINES lines on one frozen clock must write the same lines.
# usage: scripts/bench-growth.sh [N ...]     (default: 50 500 5000)
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
command -v sec >/dev/null || { echo "sec is not installed (apt-get install sec)" >&2; exit 2; }
"$root/bin/jsec" --version >/dev/null
faketime_lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
export TZ=UTC LC_ALL=C PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0
jsec_lines=${JSEC_LINES:-1000000}
sec_lines=${SEC_LINES:-20000}
head -n "$jsec_lines" "$log" > "$work/growth-jsec.log"
head -n "$sec_lines" "$log" > "$work/growth-sec.log"

seconds() { # command... -> elapsed seconds (its output to OUT)
  /usr/bin/time -f "%e %M" -o "$work/growth.time" "$@" > "$work/growth.out" 2> /dev/null
  tail -1 "$work/growth.time"
}

printf "%-7s %12s %12s %14s %14s %8s %s\n" rules "sec us/line" "sec RSS" "jsec us/line" "jsec RSS" ratio "same output (first $sec_lines lines, frozen clock)"
sizes=("$@")
((${#sizes[@]})) || sizes=(50 500 5000)
for n in "${sizes[@]}"; do
  rules=$work/family-$n.sec
  python3 "$root/scripts/gen-rule-family.py" "$n" > "$rules"
  read -r s_secs s_rss <<< "$(seconds sec --conf="$rules" --input="$work/growth-sec.log" --notail --debug=3)"
  read -r j_secs j_rss <<< "$(seconds "$root/bin/jsec" --conf="$rules" --input="$work/growth-jsec.log" --notail --debug=3)"
  frozen=(env LD_PRELOAD=$faketime_lib FAKETIME="2024-01-01 00:00:00" FAKETIME_DONT_FAKE_MONOTONIC=1)
  "${frozen[@]}" sec --conf="$rules" --input="$work/growth-sec.log" --notail --debug=3 > "$work/growth-check-sec-$n.out" 2>/dev/null || true
  "${frozen[@]}" "$root/bin/jsec" --conf="$rules" --input="$work/growth-sec.log" --notail --debug=3 > "$work/growth-check-jsec-$n.out" 2>/dev/null || true
  if cmp -s "$work/growth-check-sec-$n.out" "$work/growth-check-jsec-$n.out"; then
    same="yes ($(wc -l < "$work/growth-check-sec-$n.out") lines)"
  else
    same="NO (see $work/growth-check-*-$n.out)"
  fi
  awk -v n="$n" -v sl="$sec_lines" -v jl="$jsec_lines" -v ss="$s_secs" -v sr="$s_rss" -v js="$j_secs" -v jr="$j_rss" -v same="$same" \
    'BEGIN { su = ss * 1e6 / sl; ju = js * 1e6 / jl; printf "%-7s %12.1f %11.1fM %14.2f %13.1fM %7.1fx %s\n", n, su, sr/1024, ju, jr/1024, su/ju, same }'
done

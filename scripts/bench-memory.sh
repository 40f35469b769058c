#!/usr/bin/env bash
# Benchmark: many live contexts and operations, jsec beside the installed sec in one run:
# 1,000,000 contexts (one per distinct value, lifetime 3600 s) and 100,000
# SingleWithThreshold operations (one per distinct key, threshold never reached). Prints
# the time and peak RSS of both and checks that for both the first context and
# operations are still there (a SEC_SHUTDOWN rule writes it).
# usage: scripts/bench-memory.sh [CONTEXTS [OPERATIONS]]
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
command -v sec >/dev/null || { echo "sec is not installed (apt-get install sec)" >&2; exit 2; }
"$root/bin/jsec" --version >/dev/null
export TZ=UTC LC_ALL=C
contexts=${1:-1000000}
operations=${2:-100000}
seq -f "ctx %.0f" 1 "$contexts" > "$work/mem-contexts.log"
seq -f "op %.0f" 1 "$operations" > "$work/mem-operations.log"
cat > "$work/mem-contexts.sec" <<'RULES'
type=Single
ptype=RegExp
pattern=^ctx (\d+)
desc=ctx
action=create C_$1 3600

type=Single
ptype=SubStr
pattern=SEC_SHUTDOWN
context=SEC_INTERNAL_EVENT
desc=count
action=exists %a C_1; write - first context kept: %a
RULES
cat > "$work/mem-operations.sec" <<'RULES'
type=SingleWithThreshold
ptype=RegExp
pattern=^op (\d+)
desc=key $1
action=write - never
window=3600
thresh=5

type=Single
ptype=SubStr
pattern=SEC_SHUTDOWN
context=SEC_INTERNAL_EVENT
desc=count
action=getwpos %w 1 key 1; if %w ( write - first operation kept ) else ( write - first operation gone )
RULES
printf "%-34s %10s %10s %10s %10s %s\n" case "sec s" "sec RSS" "jsec s" "jsec RSS" "same output"
for c in contexts operations; do
  for e in sec jsec; do
    cmd=$([[ $e == sec ]] && echo sec || echo "$root/bin/jsec")
    /usr/bin/time -f "%e %M" -o "$work/mem-$e.time" $cmd --conf="$work/mem-$c.sec" --input="$work/mem-$c.log" \
      --notail --intevents --nochildterm --debug=3 > "$work/mem-$c-$e.out" 2>/dev/null
  done
  read -r ss sr < "$work/mem-sec.time"
  read -r js jr < "$work/mem-jsec.time"
  same=$(cmp -s "$work/mem-$c-sec.out" "$work/mem-$c-jsec.out" && echo "yes ($(head -1 "$work/mem-$c-sec.out"))" || echo NO)
  label=$([[ $c == contexts ]] && echo "$contexts live contexts" || echo "$operations live SWT operations")
  awk -v l="$label" -v ss="$ss" -v sr="$sr" -v js="$js" -v jr="$jr" -v same="$same" \
    'BEGIN { printf "%-34s %10.2f %9.0fM %10.2f %9.0fM %s\n", l, ss, sr/1024, js, jr/1024, same }'
done

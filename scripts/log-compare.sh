#!/usr/bin/env bash
# sec's log at its default level (--debug=6) against jsec's: every run case of
# org.sec.engine.tests/golden/runs, and the rules of the simulator's scenarios with the
# scenario's lines as input (--intevents), go through both engines with --notail --log on
# the real clock; the logs must be equal line for line, with the log timestamps cut and
# what the clock and the kernel choose masked (epoch seconds, HH:MM:SS, pids, Perl's
# CODE(0x...) addresses). Left out: the "actions" scenario (getaliases lists a context's
# names in Perl's hash order, which varies between sec runs) and "children" (when a
# child's output is read depends on the scheduler).
# usage: scripts/log-compare.sh        SEC=path picks another sec
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SEC=${SEC:-sec}
# Perl's hash order, fixed as the golden makers fix it: sec deletes a stale context's names
# (the context and its aliases) in hash order, which otherwise changes from run to run
export PERL_HASH_SEED=0 PERL_PERTURB_KEYS=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mask() {
  sed -E 's/^[A-Z][a-z][a-z] [A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]* [0-9]*: //; s/0x[0-9a-f]+/0xADDR/g;
    s/[0-9]{10}/EPOCH/g; s/[0-9]{2}:[0-9]{2}:[0-9]{2}/HH:MM:SS/g; s/([Cc]hild|process) [0-9]+/\1 PID/g' "$1"
}

failed=0
compare() { # NAME DIR RULES INPUT OPTIONS...
  local name=$1 dir=$2 rules=$3 input=$4
  shift 4
  # a Calendar rule fires when the wall clock's minute turns: the two runs of one case must
  # not straddle a minute's start, or one log has the firing and the other not
  if grep -qi '^[[:space:]]*type[[:space:]]*=[[:space:]]*calendar' "$dir/$rules"; then
    while (( 10#$(date +%S) > 45 )); do sleep 1; done
  fi
  for engine in sec jsec; do
    cmd=$SEC; [[ $engine == jsec ]] && cmd=$root/bin/jsec
    (cd "$dir" && timeout 60 "$cmd" --conf="$rules" --input="$input" --notail --log="$work/$name.$engine.raw" \
      "$@" > /dev/null 2>&1)
    mask "$work/$name.$engine.raw" > "$work/$name.$engine"
  done
  if diff -q "$work/$name.sec" "$work/$name.jsec" > /dev/null; then
    printf '%-26s same log as sec (%s lines)\n' "$name" "$(wc -l < "$work/$name.sec")"
  else
    failed=1
    printf '%-26s log DIFFERS\n' "$name"
    diff "$work/$name.sec" "$work/$name.jsec" | sed 's/^/    /' | head -20
  fi
}

for dir in "$root"/org.sec.engine.tests/golden/runs/*/; do
  options=()
  [[ -f $dir/sec-options ]] && mapfile -t options < <(grep -v '^[[:space:]]*$' "$dir/sec-options")
  compare "$(basename "$dir")" "$dir" rules.sec input.log "${options[@]}"
  compare "$(basename "$dir")-debug5" "$dir" rules.sec input.log --debug=5 "${options[@]}"  # the levels too
done
scenarios=$root/org.sec.engine.tests/golden/scenarios
mkdir -p "$work/scenarios"
cp "$scenarios"/*.rules "$work/scenarios/"
for scn in "$scenarios"/*.scn; do
  name=$(basename "$scn" .scn)
  [[ -f $scenarios/$name.rules && $name != actions && $name != children ]] || continue
  grep -v '^[[:space:]]*#\|^@\|^[[:space:]]*$' "$scn" | sed 's/^[0-9+]* *//' > "$work/scenarios/$name.input"
  compare "scenario-$name" "$work/scenarios" "$name.rules" "$name.input" --intevents
done
exit $failed

#!/usr/bin/env bash
# sec's log at its default level (--debug=6) against jsec's: every run case of
# org.sec.engine.tests/golden/runs goes through both engines with --notail --log, and the
# logs must be equal line for line, with the timestamps cut and Perl's addresses
# (CODE(0x...)) masked. Prints the differences and exits 1 when there are any.
# usage: scripts/log-compare.sh [CASE_DIR...]     SEC=path picks another sec
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
SEC=${SEC:-sec}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases=("$@")
((${#cases[@]})) || cases=("$root"/org.sec.engine.tests/golden/runs/*/)
failed=0
for dir in "${cases[@]}"; do
  name=$(basename "$dir")
  options=()
  [[ -f $dir/sec-options ]] && mapfile -t options < <(grep -v '^[[:space:]]*$' "$dir/sec-options")
  for engine in sec jsec; do
    cmd=$SEC; [[ $engine == jsec ]] && cmd=$root/bin/jsec
    (cd "$dir" && timeout 60 "$cmd" --conf=rules.sec --input=input.log --notail --log="$work/$name.$engine.raw" \
      "${options[@]}" > /dev/null 2>&1)
    sed 's/^[A-Z][a-z][a-z] [A-Z][a-z][a-z] [ 0-9][0-9] [0-9:]* [0-9]*: //; s/0x[0-9a-f]*/0xADDR/g' \
      "$work/$name.$engine.raw" > "$work/$name.$engine"
  done
  if diff -q "$work/$name.sec" "$work/$name.jsec" > /dev/null; then
    printf '%-26s same log as sec (%s lines)\n' "$name" "$(wc -l < "$work/$name.sec")"
  else
    failed=1
    printf '%-26s log DIFFERS\n' "$name"
    diff "$work/$name.sec" "$work/$name.jsec" | sed 's/^/    /' | head -20
  fi
done
exit $failed

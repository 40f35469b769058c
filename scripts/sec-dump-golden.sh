#!/usr/bin/env bash
# Records the dump real sec writes for a case (rules.sec, input.log; a rule triggers
# sigemul USR1) on sec-run's frozen clock: writes dump.golden and made-by.txt.
# usage: scripts/sec-dump-golden.sh CASE_DIR [--json]   (--json: --dumpfjson, writes dump.json.golden)
set -euo pipefail
dir=$(cd "$1" && pwd)
json=${2:-}
tool=$(cd "$(dirname "$0")/../.." && pwd)/shared/tools/sec-run
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [[ $json == --json ]]; then
  (cd "$dir" && "$tool" -o "$out" rules.sec input.log -- --dumpfjson)
  cp "$out/dump" "$dir/dump.json.golden"
  echo "made by: $("${SEC:-sec}" --version | head -1), shared/tools/sec-run -o DIR rules.sec input.log -- --dumpfjson (frozen clock 2024-01-01 00:00:00 UTC); DIR/dump written on sigemul USR1" > "$dir/made-by-json.txt"
  echo "wrote $dir/dump.json.golden"
else
  (cd "$dir" && "$tool" -o "$out" rules.sec input.log)
  cp "$out/dump" "$dir/dump.golden"
  echo "made by: $("${SEC:-sec}" --version | head -1), shared/tools/sec-run -o DIR rules.sec input.log (frozen clock 2024-01-01 00:00:00 UTC); DIR/dump written on sigemul USR1" > "$dir/made-by.txt"
  echo "wrote $dir/dump.golden"
fi

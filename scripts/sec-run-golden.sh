#!/usr/bin/env bash
# Records real sec's stdout for a run case: CASE_DIR holds rules.sec and input.log, and
# optionally sec-options (more sec options, one per line); writes stdout.golden
# (byte-exact) and made-by.txt.
# usage: scripts/sec-run-golden.sh CASE_DIR      SEC=path records with another sec (golden/sec-2.9.4/: SEC=shared/reference/sec-2.9.4/sec)
set -euo pipefail
dir=$(cd "$1" && pwd)
tool=$(cd "$(dirname "$0")/../.." && pwd)/shared/tools/sec-run
command -v "${SEC:-sec}" >/dev/null || { echo "sec is not installed (apt-get install sec)" >&2; exit 2; }
options=()
[[ -f $dir/sec-options ]] && mapfile -t options < <(grep -v '^[[:space:]]*$' "$dir/sec-options")
(cd "$dir" && "$tool" rules.sec input.log -- "${options[@]}" > stdout.golden)
echo "made by: $("${SEC:-sec}" --version | head -1), shared/tools/sec-run rules.sec input.log -- ${options[*]} > stdout.golden (frozen clock 2024-01-01 00:00:00 UTC, input through a pipe)" > "$dir/made-by.txt"
echo "wrote $dir/stdout.golden ($(wc -l < "$dir/stdout.golden") lines)"

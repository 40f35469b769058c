#!/usr/bin/env bash
# Records what the real sec does on a scenario, on the virtual clock of
# shared/tools/sec-scenario, as a golden transcript ("<second>\t<stdout line>").
# usage: scripts/sec-scenario-golden.sh DIR/NAME   (uses NAME.rules and NAME.scn, writes NAME.transcript)
#        SEC=path records with another sec (golden/sec-2.9.4/: SEC=shared/reference/sec-2.9.4/sec)
set -euo pipefail
base=$1
dir=$(cd "$(dirname "$base")" && pwd)
name=$(basename "$base")
tool=$(cd "$(dirname "$0")/../.." && pwd)/shared/tools/sec-scenario
[[ -x $tool ]] || tool=${SEC_SCENARIO:-$tool}
command -v "${SEC:-sec}" >/dev/null || { echo "sec is not installed (apt-get install sec)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$dir" && "$tool" -o "$out" "$name.rules" "$name.scn" >/dev/null)
{
  echo "# made by: $("${SEC:-sec}" --version | head -1), shared/tools/sec-scenario -o DIR $name.rules $name.scn (virtual clock, TZ=UTC); DIR/transcript"
  cat "$out/transcript"
} > "$dir/$name.transcript"
echo "wrote $dir/$name.transcript ($(($(wc -l < "$dir/$name.transcript") - 1)) lines)"

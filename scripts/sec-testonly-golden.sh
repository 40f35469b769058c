#!/usr/bin/env bash
# Runs the real sec's config check on a rule file and prints its log without
# timestamps, for golden files that tests compare the engine's verdict with.
# usage: scripts/sec-testonly-golden.sh FILE.sec > FILE.sec.testonly
# Runs in FILE's directory with a relative --conf, so messages name the file alone.
set -euo pipefail
file=$1
command -v sec >/dev/null || { echo "sec is not installed (apt-get install sec)" >&2; exit 2; }
dir=$(cd "$(dirname "$file")" && pwd)
name=$(basename "$file")
log=$(mktemp)
trap 'rm -f "$log"' EXIT
rc=0
(cd "$dir" && sec --conf="$name" --testonly --notail --debug=6 --log="$log") || rc=$?
version=$(sec --version | head -1)
echo "# made by: $version, sec --conf=$name --testonly --notail --debug=6 --log=FILE; timestamps stripped; exit $rc"
LC_ALL=C sed -E 's/^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}: //' "$log" | LC_ALL=C grep -a -v '^SEC (Simple Event Correlator)'
echo "exit $rc"

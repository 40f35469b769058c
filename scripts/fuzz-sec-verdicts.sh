#!/usr/bin/env bash
# Records sec's --testonly verdict on every fuzz-*.sec file of a folder that lacks one
# (FILE.sec.testonly, as scripts/sec-testonly-golden.sh writes it), two at a time.
# A sec that takes longer than FUZZ_SEC_TIMEOUT seconds (default 60) gets "exit hang".
# usage: scripts/fuzz-sec-verdicts.sh DIR
set -euo pipefail
dir=$1
here=$(cd "$(dirname "$0")" && pwd)
export here timeout=${FUZZ_SEC_TIMEOUT:-60}
one() {
	out=$1.testonly
	[ -s "$out" ] && return 0
	if ! timeout "$timeout" "$here/sec-testonly-golden.sh" "$1" > "$out.tmp" 2>/dev/null; then
		grep -q '^exit [0-9]' "$out.tmp" 2>/dev/null || echo "exit hang" > "$out.tmp"
	fi
	mv "$out.tmp" "$out"
}
export -f one
find "$dir" -maxdepth 1 -name 'fuzz-*.sec' | sort | xargs -r -P 2 -I{} bash -c 'one "$1"' _ {}

#!/usr/bin/env bash
# The launchers as users run them, on the built product: bin/jsec and bin/secwb with the
# README's own commands (the Maven tests call the classes in-process, not these scripts, their
# class-data archive or their JVM options). Run by scripts/test.sh after the build.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
example=$root/examples/ssh-login-failures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect NAME WANT_RC PATTERN -- COMMAND...: the command's exit code and a line of its output
expect() {
  local name=$1 want_rc=$2 pattern=$3
  shift 4
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [[ $rc -ne $want_rc ]] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: exit $rc (want $want_rc), no line matching /$pattern/ in:" >&2
    sed 's/^/    /' <<<"$out" >&2
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

expect "jsec --version" 0 '^jsec .*SEC.* 2\.9\.1' -- "$root/bin/jsec" --version
expect "jsec --testonly of the example" 0 "rules loaded from .*ssh-login-failures.sec$" -- \
  "$root/bin/jsec" --conf="$example/ssh-login-failures.sec" --testonly --log=/dev/stdout
expect "secwb --help lists every command" 0 '^  explain ' -- "$root/bin/secwb" --help
expect "secwb check of the example" 0 '^1 file checked: 0 errors, 0 warnings$' -- \
  "$root/bin/secwb" check "$example/ssh-login-failures.sec"
printf 'type=Single\nptype=RegExp\npattern=foo\n' >"$work/bad.sec"
expect "secwb check names file and line of an error" 1 \
  "^$work/bad.sec:1:1: error: Keyword 'action' missing \\(needed for SINGLE rule\\)$" -- "$root/bin/secwb" check "$work/bad.sec"
expect "secwb check --json" 0 '"errors": 0' -- "$root/bin/secwb" check --json "$example/ssh-login-failures.sec"
expect "secwb replay of the example" 0 '^ALERT: 3 failed logins from 203\.0\.113\.7 within 60s \(first try: admin\)$' -- \
  "$root/bin/secwb" replay --rules "$example/ssh-login-failures.sec" --log "$example/sample-auth.log"
expect "secwb test of the example" 0 '^3 tests, 3 passed, 0 failed$' -- "$root/bin/secwb" test "$example"
expect "secwb explain of one line" 0 'pattern 1: no match' -- "$root/bin/secwb" explain \
  --rules "$example/ssh-login-failures.sec" --log "$example/sample-auth.log" \
  --line 'Jan  1 00:00:50 bastion sshd[9]: Failed password for alice from 10.0.0.9 port 1 ssh2'

if [[ $failures -ne 0 ]]; then
  echo "smoke-launchers: $failures failed" >&2
  exit 1
fi
echo "smoke-launchers: all passed"

#!/usr/bin/env bash
# Main job: builds SEC Workbench if needed and opens it with the example project
# (an ssh login-failure ruleset and a sample auth log) in the SEC editor.
#
# usage: scripts/workbench.sh [--rebuild] [--screenshot FILE [--wait SECONDS]]
#   --rebuild          build the product even if one exists
#   --screenshot FILE  start, wait (default 40 s), save a screenshot of the screen, quit;
#                      without DISPLAY it starts a virtual one (Xvfb) for this
# Environment: SECWB_HOME (default ~/.sec-workbench) holds the workspace and the example.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
caller=$PWD
cd "$root"

rebuild=false
screenshot=
wait_seconds=40
while (($#)); do
  case $1 in
    --rebuild) rebuild=true ;;
    --screenshot) screenshot=$(cd "$caller" && realpath -m "$2"); shift ;;
    --wait) wait_seconds=$2; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "workbench.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [[ -z ${DISPLAY:-} && -n $screenshot ]]; then
  # a screenshot needs no person: start a virtual display (installed if missing) and run again on it
  scripts/install-system-deps.sh gui
  echo "No DISPLAY: starting a virtual one (Xvfb, 1280x1024) for the screenshot..." >&2
  again=("$root/scripts/workbench.sh" --screenshot "$screenshot" --wait "$wait_seconds")
  if $rebuild; then again+=(--rebuild); fi
  exec xvfb-run -a -s "-screen 0 1280x1024x24" "${again[@]}"
fi
if [[ -z ${DISPLAY:-} ]]; then
  cat >&2 <<'MSG'
SEC Workbench needs a display, and DISPLAY is not set.
  - On a desktop, run this from a terminal of your graphical session.
  - Over ssh, connect with 'ssh -X' (X forwarding).
  - Without any screen, take a screenshot on a virtual display (started for you):
      scripts/workbench.sh --screenshot target/screenshots/workbench.png
MSG
  exit 2
fi

scripts/install-system-deps.sh gui

product=releng/org.sec.repository/target/products/org.sec.workbench/linux/gtk/x86_64
if $rebuild || ! ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar >/dev/null 2>&1; then
  echo "Building SEC Workbench (first time: several minutes; tests are skipped here, scripts/test.sh runs them)..." >&2
  ./mvnw -B -ntp -q verify -DskipTests
fi
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -1)

home=${SECWB_HOME:-$HOME/.sec-workbench}
workspace=$home/workspace
example=$home/examples/ssh-login-failures
mkdir -p "$workspace" "$example"
# the example is copied, so that the workbench's project files stay out of the checkout;
# an existing copy keeps the user's edits
cp -n examples/ssh-login-failures/* "$example"/

args=(-Xmx1g -Dsecwb.project="$example" -Dsecwb.open=ssh-login-failures.sec
  -jar "$launcher" -data "$workspace" -consoleLog)

if [[ -z $screenshot ]]; then
  echo "Starting SEC Workbench (workspace $workspace)..." >&2
  exec java "${args[@]}"
fi

mkdir -p "$(dirname "$screenshot")"
log=$home/workbench-console.log
java "${args[@]}" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
echo "Waiting ${wait_seconds}s for the workbench to come up (console: $log)..." >&2
sleep "$wait_seconds"
if ! kill -0 $pid 2>/dev/null; then
  echo "SEC Workbench exited early; console output:" >&2
  tail -40 "$log" >&2
  exit 1
fi
import -window root "$screenshot"
echo "screenshot written: $screenshot"

#!/usr/bin/env bash
# The engine's hot path in one JVM (scripts/BenchEngine.java): lines/s per pass on a frozen
# clock, for profiling and before/after comparisons. Not a test, not run in CI.
# usage: scripts/bench-engine.sh [RULES [LOG [PASSES [noindex]]]]
#        (default: shared/bench's bench-50.rules on the 1M-line benchmark log, 3 passes)
#        JAVA_OPTS adds JVM options (a JFR recording, a heap size)
set -euo pipefail
source "$(dirname "$0")/bench-common.sh"
"$root/bin/jsec" --version >/dev/null   # builds the engine if needed
jar=$(ls -t "$root"/org.sec.engine/target/org.sec.engine-*.jar "$root"/org.sec.engine/target/jsec-classes.jar 2>/dev/null | head -1 || true)
rules=$(realpath "${1:-$bench/bench-50.rules}") input=$(realpath "${2:-$log}")
cd "$work"   # the rules' write actions land in target/bench
# shellcheck disable=SC2086
exec java -XX:+UseSerialGC ${JAVA_OPTS:-} -cp "$jar" "$root/scripts/BenchEngine.java" \
  "$rules" "$input" "${3:-3}" ${4:+"$4"}

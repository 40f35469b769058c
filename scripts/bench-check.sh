#!/usr/bin/env bash
# Benchmark: secwb check on a generated 5,000-rule file, several rounds on one JVM.
# usage: scripts/bench-check.sh [RULES] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/bin/secwb" --version >/dev/null
plugins=$root/releng/org.sec.repository/target/products/org.sec.workbench/linux/gtk/x86_64/plugins
exec java -XX:+UseParallelGC -cp "$plugins/*" org.sec.lang.cli.CheckBenchmark "$@"

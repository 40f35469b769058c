#!/usr/bin/env bash
# Benchmark: secwb check on a generated 5,000-rule file, several rounds on one JVM.
# usage: scripts/bench-check.sh [RULES] [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/bin/secwb" --version >/dev/null
plugins=$root/releng/org.sec.repository/target/products/org.sec.workbench/linux/gtk/x86_64/plugins
# a check of 5,000 rules allocates about 240 MB: the JVM's default young generation
# collects in the middle of it, copying the live model; a sized one (as a long-running IDE
# or server would have) shows the check itself. Both are printed.
for opts in "-XX:+UseParallelGC" "-XX:+UseParallelGC -Xms2g -Xmn1500m"; do
  echo "JVM options: $opts"
  # shellcheck disable=SC2086
  java $opts -cp "$plugins/*" org.sec.lang.cli.CheckBenchmark "$@"
done

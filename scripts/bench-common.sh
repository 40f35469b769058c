# Sourced by the benchmark scripts: paths, and the 1,000,000-line benchmark log
# (shared/bench's generator, seed 42), made once in target/bench.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bench=$root/../shared/bench
work=$root/target/bench
mkdir -p "$work"
log=$work/auth-1M.log
if [[ ! -f $log ]]; then
  echo "generating $log (1,000,000 lines)..." >&2
  python3 "$bench/gen-authlog.py" 1000000 42 > "$log"
fi
lines=$(wc -l < "$log")

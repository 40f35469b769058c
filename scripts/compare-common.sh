# Sourced by the scripts that run jsec beside sec (daemon-compare.sh, faq-compare.sh).

wait_for() { # FILE TEXT [COUNT]: up to 20 s for COUNT lines with TEXT
  local n=${3:-1} c
  for _ in $(seq 200); do
    c=$(grep -ac -- "$2" "$1" 2>/dev/null)
    ((${c:-0} >= n)) && return 0
    sleep 0.1
  done
  echo "timed out waiting for '$2' x$n in $1" >&2
  return 1
}

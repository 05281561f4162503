#!/usr/bin/env bash
# Issue 20's speed figure: the local executor runs the 4-point potential sweep with one process,
# then with one per core (2 on these machines), each point with SWEEP_BENCH_THREADS solver
# threads (default 1, so both pools do the same work per point); goal: about half the serial
# wall time on 2 cores. Usage: scripts/bench-sweep.sh [BIN] (default the release build).
set -uo pipefail
BIN=${1:-.build/release/glovebox}
GRID=${SWEEP_BENCH_GRID:-64}
UNTIL=${SWEEP_BENCH_UNTIL:-2}
THREADS=${SWEEP_BENCH_THREADS:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for sweep in potential anisotropy; do
echo "-- sweep: 4 points of Examples/sim/$sweep-sweep.toml at ${GRID}², until ${UNTIL} s, local pool, ${THREADS} thread(s) per point --"
declare -A wall
for p in 1 $(nproc); do
  start=$(date +%s.%N)
  "$BIN" sim sweep Examples/sim/$sweep-sweep.toml --out "$work/$sweep-p$p" --grid "$GRID" --until "$UNTIL" \
    --processes "$p" --threads "$THREADS" --wait > /dev/null || echo "sweep with $p process(es) did not finish" >&2
  wall[$p]=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  printf "processes %d: %.2f s wall\n" "$p" "${wall[$p]}"
done
n=$(nproc)
awk -v a="${wall[1]}" -v b="${wall[$n]}" -v n="$n" 'BEGIN { printf "%d processes take %.2f of the serial time (ideal %.2f)\n", n, b / a, 1 / n }'
if [ "$sweep" = potential ]; then
  echo "(the potential sweep's points differ in cost: the -0.25 V point alone takes about 60 % of the serial time, which bounds what a pool can gain)"
fi
done

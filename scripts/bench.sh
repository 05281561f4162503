#!/usr/bin/env bash
# `make bench`: runs every benchmark of the project and prints its figures. Benchmarks time
# release builds; tests never time anything.
set -uo pipefail
BIN=${1:-.build/release/glovebox}
echo "== Glovebox benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores) =="

# Phase field (issue 4): single-thread step times. Goals: Allen–Cahn 256² ≤ 1 ms/step; coupled
# Li model 1024² ≤ 150 ms/step without mechanics, ≤ 400 ms with.
echo "-- phase field: Allen–Cahn 256² (IMEX Euler, FFTW) --"
"$BIN" sim bench allen-cahn --grid 256 --json
if [ -x /work/venv-pf/bin/python ] && /work/venv-pf/bin/python -c "import fipy" 2>/dev/null; then
  echo "-- phase field: FiPy Allen–Cahn 256², same problem (side by side) --"
  /work/venv-pf/bin/python Examples/sim/fipy_allen_cahn_bench.py 256 20
fi
echo "-- phase field: coupled Li model, 256² and 1024² (ξ, φ, c; FFT floor) --"
"$BIN" sim bench model --grid 256 --json
"$BIN" sim bench model --grid 1024 --steps 5 --json
"$BIN" sim bench model --grid 1024 --steps 5 --mechanics --json
echo "-- phase field: PFHub 7a (Nx 256, t = 8) and 1a (t = 50) --"
"$BIN" sim pfhub 7a --nx 256 --dt 0.04 --stepper euler --json
"$BIN" sim pfhub 7a --nx 256 --dt 0.08 --stepper sbdf2 --json
"$BIN" sim pfhub 1a --until 50 --dt 0.01 --every 10 --json

#!/usr/bin/env bash
# `make bench`: runs every benchmark of the project and prints its figures. Benchmarks time
# release builds; tests never time anything.
set -uo pipefail
BIN=${1:-.build/release/glovebox}
echo "== Glovebox benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores) =="

# == Cycling: read + summarise a 10-million-point BDF CSV (generated here), beside navani ==
CYC_POINTS=${CYC_POINTS:-10000000}
CYC_FILE=${TMPDIR:-/tmp}/glovebox-bench-cycling.bdf.csv
"$BIN" cycle demo --bench-points "$CYC_POINTS" --bench-file "$CYC_FILE" > /dev/null
CYC_MB=$(( $(stat -c %s "$CYC_FILE") / 1048576 ))
# Wall time and CPU time (user + sys): on a shared machine the CPU time is the steadier figure.
/usr/bin/time -f "%e %U %S %M" -o "$CYC_FILE.time" "$BIN" cycle summary "$CYC_FILE" --json > "$CYC_FILE.json"
read -r CYC_S CYC_U CYC_Y CYC_KB < "$CYC_FILE.time"
CYC_CPU=$(awk -v u="$CYC_U" -v s="$CYC_Y" 'BEGIN { printf "%.2f", u + s }')
echo "cycle summary: $CYC_POINTS points, file $CYC_MB MB: ${CYC_S} s wall, ${CYC_CPU} s CPU, peak RSS $(( CYC_KB / 1024 )) MB"
CYC_PY=${NAVANI_PYTHON:-/work/venv-cyc/bin/python}
if [ -x "$CYC_PY" ] && "$CYC_PY" -c "import navani" 2>/dev/null; then
  /usr/bin/time -f "%e %U %S %M" -o "$CYC_FILE.navani.time" "$CYC_PY" -c "
import sys, navani.echem as ec
df = ec.echem_file_loader(sys.argv[1]); s = ec.cycle_summary(df); print(len(s))" "$CYC_FILE" > /dev/null
  read -r NAV_S NAV_U NAV_Y NAV_KB < "$CYC_FILE.navani.time"
  NAV_CPU=$(awk -v u="$NAV_U" -v s="$NAV_Y" 'BEGIN { printf "%.2f", u + s }')
  echo "navani echem_file_loader + cycle_summary, same file: ${NAV_S} s wall, ${NAV_CPU} s CPU, peak RSS $(( NAV_KB / 1024 )) MB"
  echo "glovebox vs navani: $(awk -v a="$NAV_S" -v b="$CYC_S" 'BEGIN { printf "%.1f", a / b }')x faster (wall)," \
    "$(awk -v a="$NAV_CPU" -v b="$CYC_CPU" 'BEGIN { printf "%.1f", a / b }')x (CPU); memory $(( NAV_KB / (CYC_KB + 1) ))x less"
else
  echo "navani not installed (NAVANI_PYTHON=$CYC_PY): side-by-side skipped"
fi
rm -f "$CYC_FILE" "$CYC_FILE.time" "$CYC_FILE.json" "$CYC_FILE.navani.time"

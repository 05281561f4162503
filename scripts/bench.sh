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
/usr/bin/time -f "%e %M" -o "$CYC_FILE.time" "$BIN" cycle summary "$CYC_FILE" --json > "$CYC_FILE.json"
read -r CYC_S CYC_KB < "$CYC_FILE.time"
echo "cycle summary: $CYC_POINTS points, file $CYC_MB MB: ${CYC_S} s, peak RSS $(( CYC_KB / 1024 )) MB"
CYC_PY=${NAVANI_PYTHON:-/work/venv-cyc/bin/python}
if [ -x "$CYC_PY" ] && "$CYC_PY" -c "import navani" 2>/dev/null; then
  /usr/bin/time -f "%e %M" -o "$CYC_FILE.navani.time" "$CYC_PY" -c "
import sys, navani.echem as ec
df = ec.echem_file_loader(sys.argv[1]); s = ec.cycle_summary(df); print(len(s))" "$CYC_FILE" > /dev/null
  read -r NAV_S NAV_KB < "$CYC_FILE.navani.time"
  echo "navani echem_file_loader + cycle_summary, same file: ${NAV_S} s, peak RSS $(( NAV_KB / 1024 )) MB;" \
    "glovebox is $(awk -v a="$NAV_S" -v b="$CYC_S" 'BEGIN { printf "%.1f", a / b }')x faster"
else
  echo "navani not installed (NAVANI_PYTHON=$CYC_PY): side-by-side skipped"
fi
rm -f "$CYC_FILE" "$CYC_FILE.time" "$CYC_FILE.json" "$CYC_FILE.navani.time"

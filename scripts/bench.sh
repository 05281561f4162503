#!/usr/bin/env bash
# `make bench`: runs every benchmark of the project and prints its figures. Benchmarks time
# release builds; tests never time anything.
set -uo pipefail
BIN=${1:-.build/release/glovebox}
echo "== Glovebox benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores) =="
echo "-- terminal UI: render+diff of a 200x60 frame, ncurses bytes per frame (written into a file) --"
"$BIN" bench-tui --iterations 500

# --- Impedance: time per fit of the 8-parameter circuit on impedance.py's example spectrum ---
EIS_DATA=Tests/EngineTests/Fixtures/eis/exampleData.csv
EIS_CIRCUIT='L0-R0-p(R1,CPE1)-p(R2,CPE2)'
EIS_START='L0=1e-6,R0=0.015,R1=0.01,CPE1_0=1,CPE1_1=0.8,R2=0.02,CPE2_0=50,CPE2_1=0.6'
eis_given=$("$BIN" eis fit "$EIS_DATA" --circuit "$EIS_CIRCUIT" --initial "$EIS_START" --repeat 200 | awk '/ms per fit/ {print $1}')
eis_auto=$("$BIN" eis fit "$EIS_DATA" --circuit "$EIS_CIRCUIT" --repeat 20 | awk '/ms per fit/ {print $1}')
echo "eis fit, 8 parameters, 66 points, start given:           ${eis_given:-?} ms per fit"
echo "eis fit, 8 parameters, no start (automatic multi-start): ${eis_auto:-?} ms per fit"
EIS_PY=""
if [ -x /work/venv-imp/bin/python ] && /work/venv-imp/bin/python -c "import impedance" 2>/dev/null; then EIS_PY=/work/venv-imp/bin/python
elif python3 -c "import impedance" 2>/dev/null; then EIS_PY=python3; fi
if [ -n "$EIS_PY" ]; then
  imp_ms=$("$EIS_PY" - "$EIS_DATA" <<'PY' 2>/dev/null
import sys, time, warnings
warnings.filterwarnings("ignore")
from impedance import preprocessing
from impedance.models.circuits import CustomCircuit
f, Z = preprocessing.readCSV(sys.argv[1])
guess = [1e-6, .015, .01, 1, .8, .02, 50, .6]
runs = 5
t = time.perf_counter()
for _ in range(runs):
    CustomCircuit('L0-R0-p(R1,CPE1)-p(R2,CPE2)', initial_guess=guess).fit(f, Z)
print("%.1f" % ((time.perf_counter() - t) / runs * 1000))
PY
)
  echo "impedance.py, same circuit, data and start:              ${imp_ms:-?} ms per fit"
  if [ -n "$imp_ms" ] && [ -n "$eis_given" ]; then
    awk -v a="$imp_ms" -v b="$eis_given" -v c="$eis_auto" 'BEGIN { printf "speed-up over impedance.py: %.0fx (start given), %.0fx (no start)\n", a / b, a / c }'
  fi
else
  echo "impedance.py not installed (python3 -m venv /work/venv-imp && /work/venv-imp/bin/pip install impedance pandas altair) — skipped"
fi

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

#!/usr/bin/env bash
# `make bench`: runs every benchmark of the project and prints its figures. Benchmarks time
# release builds; tests never time anything.
set -uo pipefail
BIN=${1:-.build/release/glovebox}
echo "== Glovebox benchmarks ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores) =="
echo "-- terminal UI: render+diff of a 200x60 frame, ncurses bytes per frame (written into a file) --"
"$BIN" bench-tui --iterations 500

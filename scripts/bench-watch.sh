#!/usr/bin/env bash
# Watching cost of the Simulation pane (issue 14 §6): the workbench in tmux at 120×40 attached
# to a running 1024² model-1 run, measured from outside:
#   - bytes the workbench writes to its terminal per second (tmux pipe-pane; goal ≤ 16 KB/s),
#   - time from a new snapshot on disk to the screen showing its step (goal ≤ 300 ms; the pane
#     watches the attached run's fields/ and reads the snapshot's preview, fields/*.preview),
#   - the workbench's CPU share of one core (/proc/PID/stat; goal ≤ 5 %),
#   - its resident memory (VmHWM of /proc/PID/status; goal ≤ 150 MB).
# Usage: scripts/bench-watch.sh [BIN] [SECONDS]   (needs tmux; cells mode, as in tmux)
#   GLOVEBOX_WATCH_GRID=N (default 1024), GLOVEBOX_WATCH_REPLAY=1 (see below)
set -uo pipefail
BIN=$(readlink -f "${1:-.build/release/glovebox}")
SECONDS_MEASURED=${2:-30}
GRID=${GLOVEBOX_WATCH_GRID:-1024}
command -v tmux > /dev/null || { echo "bench-watch: tmux not installed — skipped"; exit 0; }
WS=$(mktemp -d /tmp/glovebox-watch.XXXXXX)
SESSION=gbwatch$$
REPLAY=
cleanup() {
  [ -n "$REPLAY" ] && kill "$REPLAY" 2> /dev/null
  tmux kill-session -t "$SESSION" 2> /dev/null
  [ -f "$WS/runs/big/status.json" ] && "$BIN" sim stop "$WS/runs/big" > /dev/null 2>&1
  sleep 1
  local pid
  pid=$(sed -n 's/.*"pid" *: *\([0-9]*\).*/\1/p' "$WS/runs/big/status.json" 2> /dev/null)
  [ -n "$pid" ] && kill "$pid" 2> /dev/null
  rm -rf "$WS"
}
trap cleanup EXIT
mkdir -p "$WS/sim" && cp Examples/sim/model1.toml "$WS/sim/"
# A snapshot about every step or two (Δt grows from 1e-4 s towards 1e-3 s at this spacing).
(cd "$WS" && "$BIN" sim run sim/model1.toml --out runs/big --grid "$GRID" --until 1e9 --output-interval 0.001 --detach > /dev/null) \
  || { echo "bench-watch: could not start the run"; exit 1; }
until ls "$WS/runs/big/fields/"*.vti > /dev/null 2>&1; do sleep 0.2; done
tmux new-session -d -s "$SESSION" -x 120 -y 40 "exec env HOME=$WS TERM=xterm-256color '$BIN' '$WS'"
tmux pipe-pane -o -t "$SESSION" "cat >> '$WS/tty.bytes'"
sleep 2
tmux send-keys -t "$SESSION" 6
sleep 2
tmux send-keys -t "$SESSION" Enter
PID=$(tmux display -p -t "$SESSION" '#{pane_pid}')
sleep 8   # attached, first snapshot decoded
# GLOVEBOX_WATCH_REPLAY=1 (for debug or slow builds, whose solver is far from a snapshot a
# second): the run is paused and its first snapshot and preview are renamed into place under
# new step numbers once a second, so what is measured is the workbench alone.
if [ -n "${GLOVEBOX_WATCH_REPLAY:-}" ]; then
  echo pause > "$WS/runs/big/control"
  F="$WS/runs/big/fields"
  first=$(ls "$F" | grep '\.vti$' | sort | head -1)
  (n=900000000; while sleep 1; do
    n=$((n + 1))
    [ -f "$F/${first%.vti}.preview" ] && cp "$F/${first%.vti}.preview" "$F/.replay.preview" && mv "$F/.replay.preview" "$F/step_$n.preview"
    cp "$F/$first" "$F/.replay.vti" && mv "$F/.replay.vti" "$F/step_$n.vti"
  done) &
  REPLAY=$!
  sleep 3
fi
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
bytes0=$(stat -c %s "$WS/tty.bytes" 2> /dev/null || echo 0)
cpu0=$(ticks)
t0=$(date +%s.%N)
latencies=()
seen=$(ls "$WS/runs/big/fields" | sort | tail -1)
end=$(echo "$t0 + $SECONDS_MEASURED" | bc)
while [ "$(echo "$(date +%s.%N) < $end" | bc)" = 1 ]; do
  newest=$(ls "$WS/runs/big/fields" | grep '\.vti$' | sort | tail -1)
  if [ "$newest" != "$seen" ]; then
    appeared=$(date +%s.%N)
    seen=$newest
    step=$((10#$(echo "$newest" | sed 's/[^0-9]//g')))
    # until the field's title shows that step (or the next snapshot replaces it)
    while ! tmux capture-pane -p -t "$SESSION" | grep -q "· step $step ·"; do
      sleep 0.01
      [ "$(ls "$WS/runs/big/fields" | grep '\.vti$' | sort | tail -1)" != "$seen" ] && { step=; break; }
      [ "$(echo "$(date +%s.%N) - $appeared > 10" | bc)" = 1 ] && { step=; break; }
    done
    [ -n "$step" ] && latencies+=("$(echo "($(date +%s.%N) - $appeared) * 1000" | bc)")
  fi
  sleep 0.02
done
t1=$(date +%s.%N)
cpu1=$(ticks)
bytes1=$(stat -c %s "$WS/tty.bytes")
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$PID/status")
snapshot=$(ls -l "$WS/runs/big/fields" | awk '/\.vti$/ {s = $5} END {print s}')
preview=$(ls -l "$WS/runs/big/fields" | awk '/\.preview$/ {s = $5} END {print s + 0}')
awk -v b=$((bytes1 - bytes0)) -v c=$((cpu1 - cpu0)) -v hz="$HZ" -v t0="$t0" -v t1="$t1" -v hwm="$hwm" -v rss="$rss" \
  -v grid="$GRID" -v snap="$snapshot" -v preview="$preview" -v lat="${latencies[*]:-}" 'BEGIN {
  dt = t1 - t0
  printf "watching a %d² run in tmux at 120x40 for %.0f s (snapshot %.1f MB on disk, its preview %.2f MB):\n", grid, dt, snap / 1e6, preview / 1e6
  printf "  bytes to the terminal: %.1f KB/s (goal <= 16 KB/s)\n", b / dt / 1024
  n = split(lat, l, " ")
  if (n > 0) {
    for (i = 1; i <= n; i++) { s += l[i]; if (l[i] > m) m = l[i] }
    printf "  snapshot on disk -> frame showing it: mean %.0f ms, max %.0f ms over %d snapshots (goal <= 300 ms)\n", s / n, m, n
  } else print "  snapshot -> frame: no snapshot was shown in the window"
  printf "  workbench CPU: %.1f %% of one core (goal <= 5 %%)\n", 100 * c / hz / dt
  printf "  workbench memory: %.0f MB resident, peak %.0f MB (goal <= 150 MB)\n", rss / 1024, hwm / 1024
}'

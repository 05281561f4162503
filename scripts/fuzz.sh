#!/usr/bin/env bash
# Coverage-guided fuzzing of every reader family with libFuzzer (`make fuzz`).
#
#   scripts/fuzz.sh [FAMILY ...|all]        FUZZ_SECONDS=60 per family (default)
#   FUZZ_RUNS=N       also stop a family after N inputs (libFuzzer -runs; a campaign: 120000 with
#                     FUZZ_SECONDS as the cap)
#   FUZZ_NO_BUILD=1   use the driver already built (two campaigns side by side share one build)
#   FUZZ_SCRATCH=DIR  the fuzz build's scratch path (default .build-fuzz)
#
# Builds the driver (Sources/glovebox-fuzz, the families of Sources/FuzzTargets) with every
# module compiled -sanitize=fuzzer in its own scratch path (.build-fuzz), so the ordinary build
# is untouched. Each family is seeded with its seed files (the shipped examples, test fixtures
# and kept crash inputs, listed by the driver) and its kept corpus Tests/Fuzz/corpus/FAMILY/,
# runs FUZZ_SECONDS, and its corpus is then minimised with -merge=1 and written back (inputs
# over 64 KB are left out, and at most 192 KB a family is kept: the seeds come back every run).
# A crash, a reader flaw (an error naming no file, an accepted inf/NaN: the driver aborts), an
# input taking over 5 s (-timeout=5) or running out of memory is kept in
# Tests/Fuzz/crashes/FAMILY-HASH/ with info.txt (the command that reproduces it) and the
# fuzzer's report; the script then exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_FAMILY=${FUZZ_SECONDS:-60}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
BIN=$SCRATCH/release/glovebox-fuzz
KEEP_MAX_INPUT=65536
KEEP_MAX_TOTAL=196608
# Swift's own crash reporter takes the trap signal before libFuzzer can save the input; with it
# off libFuzzer writes crash-*, and the Swift backtrace is taken afterwards by running the input.
export SWIFT_BACKTRACE=enable=no

if [ "${FUZZ_NO_BUILD:-0}" = 1 ]; then
  [ -x "$BIN" ] || { echo "fuzz.sh: FUZZ_NO_BUILD=1 but there is no $BIN" >&2; exit 1; }
else
  echo "building the fuzz driver (-sanitize=fuzzer, scratch path $SCRATCH)"
  GLOVEBOX_FUZZ=1 swift build -c release --scratch-path "$SCRATCH" --product glovebox-fuzz \
    -Xswiftc -sanitize=fuzzer 2>&1 | cat || exit 1
fi

families=("$@")
if [ ${#families[@]} -eq 0 ] || [ "${families[0]}" = all ]; then
  mapfile -t families < <(GLOVEBOX_FUZZ_FAMILY=list "$BIN" 2>/dev/null)
fi
[ ${#families[@]} -gt 0 ] || { echo "fuzz.sh: the driver lists no families" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/glovebox-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
summary=()
failed=0

# Keeps one artifact (crash-*, timeout-*, oom-*, leak-*) as Tests/Fuzz/crashes/FAMILY-HASH/.
keep_artifact() {
  local family=$1 artifact=$2 log=$3
  local base kind hash folder
  base=$(basename "$artifact")
  kind=${base%%-*}
  hash=$(sha1sum "$artifact" | cut -c1-12)
  folder=Tests/Fuzz/crashes/$family-$hash
  mkdir -p "$folder"
  cp "$artifact" "$folder/input"
  {
    echo "class: $([ "$kind" = timeout ] && echo "hang (over 5 s)" || echo "$kind")"
    echo "family: $family"
    echo "found: $(date -u +%Y-%m-%dT%H:%MZ) by scripts/fuzz.sh (libFuzzer)"
    echo "command (run in the repository): GLOVEBOX_FUZZ_FAMILY=$family $BIN $folder/input"
    echo "---- fuzzer report ----"
    grep -v '^#\|^INFO:\|^base64:\|NEW_FUNC' "$log" | tail -15
    echo "---- the input run again, with Swift's backtrace ----"
    (SWIFT_BACKTRACE=enable=yes,interactive=no,color=no GLOVEBOX_FUZZ_FAMILY=$family timeout 60 "$BIN" "$folder/input") 2>&1 \
      | grep -v '^INFO:\|^Running:\|^Executed\|^\*\*\*.*NOTE\|^\*\*\*  ' | grep -B2 -A25 'runtime failure\|Program crashed\|crashed:\|FLAW\|reader flaw' | head -40
  } > "$folder/info.txt"
  echo "  kept $kind input: $folder"
}

for family in "${families[@]}"; do
  corpus=Tests/Fuzz/corpus/$family
  seeds=$work/$family/seeds
  found=$work/$family/found
  artifacts=$work/$family/artifacts
  merged=$work/$family/merged
  mkdir -p "$corpus" "$seeds" "$found" "$artifacts" "$merged"
  if ! GLOVEBOX_FUZZ_FAMILY=$family GLOVEBOX_FUZZ_SEEDS=1 "$BIN" > "$work/$family/seeds.txt"; then
    echo "fuzz.sh: cannot list the seeds of $family" >&2
    failed=1
    continue
  fi
  n=0
  while IFS= read -r file; do
    n=$((n + 1))
    cp "$file" "$seeds/$n-$(basename "$file")"
  done < "$work/$family/seeds.txt"
  echo "== $family: $n seed files, $(ls "$corpus" | wc -l) corpus inputs, $SECONDS_PER_FAMILY s"
  log=$work/$family/fuzz.log
  # The family's largest input (64 KB for text; more for containers fuzzed whole: FuzzFamily.maxInputBytes).
  max_len=$(GLOVEBOX_FUZZ_FAMILY=$family GLOVEBOX_FUZZ_MAX_LEN=1 "$BIN")
  runs=()
  [ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
  # New inputs go to the first folder; the kept corpus and the seeds are read.
  GLOVEBOX_FUZZ_FAMILY=$family "$BIN" "$found" "$corpus" "$seeds" "${runs[@]}" \
    -max_total_time="$SECONDS_PER_FAMILY" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 -use_value_profile=1 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" > "$log" 2>&1
  status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  if [ -z "$execs" ]; then
    # A crash ends the run before the final statistics; the last progress line has the count.
    execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  fi
  kept=0
  for artifact in "$artifacts"/*; do
    [ -e "$artifact" ] || continue
    keep_artifact "$family" "$artifact" "$log"
    kept=$((kept + 1))
  done
  if [ $status -ne 0 ] && [ $kept -eq 0 ]; then
    echo "  libFuzzer exited with $status and left no input; its log:"
    tail -20 "$log"
  fi
  [ $status -ne 0 ] || [ $kept -ne 0 ] && failed=1

  # Minimise: the inputs that add coverage, from the kept corpus and the new finds (the seeds
  # are read again next time from where they live).
  GLOVEBOX_FUZZ_FAMILY=$family "$BIN" -merge=1 -timeout=5 -rss_limit_mb=2048 "$merged" "$corpus" "$found" \
    > "$work/$family/merge.log" 2>&1
  find "$merged" -type f -size +"$KEEP_MAX_INPUT"c -delete
  # Largest first out until the family fits its share.
  while [ "$(du -sb "$merged" | cut -f1)" -gt "$KEEP_MAX_TOTAL" ]; do
    rm -f "$(find "$merged" -type f -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2-)"
  done
  rm -f "$corpus"/*
  cp "$merged"/* "$corpus"/ 2>/dev/null
  line=$(printf '%-10s %10s inputs  %d kept crash/hang  corpus %d files %s' "$family" "${execs:-?}" "$kept" \
    "$(ls "$corpus" | wc -l)" "$(du -sh --apparent-size "$corpus" | cut -f1)")
  echo "  $line"
  summary+=("$line")
done

echo
echo "fuzzing summary ($SECONDS_PER_FAMILY s${FUZZ_RUNS:+ or $FUZZ_RUNS inputs} per family):"
printf '  %s\n' "${summary[@]}"
exit $failed

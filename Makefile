# Glovebox — the two commands (run, test) and the benchmarks. Each target first installs the
# Debian packages that are missing (apt-get update only when something is missing), then builds.
SHELL := /bin/bash
DEBS := libncursesw5-dev libfftw3-dev zlib1g-dev libxy-dev libxy-bin ncurses-term tmux time slurm-wlm munge
# Tests run in release mode (the numerics are too slow unoptimised); -enable-testing keeps
# @testable imports working and lets `run`, `test` and `bench` share one build.
SWIFT_FLAGS := -c release -Xswiftc -enable-testing
# On x86-64 processors with AVX2 and FMA (every one this project runs on) the numerics are
# compiled for them: four doubles per vector instruction and fused multiply-adds shorten the
# solvers' loops and recurrences (~10 % of a 1024² phase-field step). Elsewhere: the baseline.
ifneq ($(shell grep -qw avx2 /proc/cpuinfo 2>/dev/null && grep -qw fma /proc/cpuinfo 2>/dev/null && uname -m),)
ifeq ($(shell uname -m),x86_64)
SWIFT_FLAGS += -Xswiftc -target-cpu -Xswiftc haswell -Xcc -march=haswell
endif
endif
BIN := .build/release/glovebox
WORKSPACE ?= Examples

.PHONY: all deps build run test bench fuzz clean

all: build

deps:
	@missing=""; \
	for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# swift build passes -color-diagnostics to the compiler when its output is a terminal, and a
# changed command line recompiles every module: `make run` after a `make test` without a
# terminal (CI) took minutes. Its output always goes through a pipe, so every build is alike.
build: deps
	set -o pipefail; swift build $(SWIFT_FLAGS) --product glovebox 2>&1 | cat

# The demo instrument writes a live feed (in-situ spectra, a growing cycler file) into
# $(WORKSPACE)/live while the workbench runs, and is stopped when it quits.
run: build
	@mkdir -p $(WORKSPACE)/live; \
	$(BIN) demo instrument --out $(WORKSPACE)/live > /dev/null 2>&1 & demo=$$!; \
	trap 'kill $$demo 2>/dev/null' EXIT INT TERM; \
	$(BIN) $(WORKSPACE); status=$$?; \
	kill $$demo 2>/dev/null; wait $$demo 2>/dev/null; exit $$status

# One build of every target (the executable included) and the tests run on it: `swift test`
# building on its own left the executable to be compiled again by the next `make run`.
# As root, a single-node Slurm (.ci/slurm-single-node) runs for the tests' duration, so the
# sweep test submits to a real scheduler; if it cannot start, that test fails with the reason.
test: deps
	set -o pipefail; swift build $(SWIFT_FLAGS) --build-tests 2>&1 | cat
	@if [ "$$(id -u)" -eq 0 ]; then \
	  started=0; .ci/slurm-single-node status 2>/dev/null || { .ci/slurm-single-node start && started=1; }; \
	  swift test $(SWIFT_FLAGS) --skip-build; status=$$?; \
	  [ $$started -eq 1 ] && .ci/slurm-single-node stop; exit $$status; \
	else \
	  swift test $(SWIFT_FLAGS) --skip-build; \
	fi

bench: build
	@bash scripts/bench.sh $(BIN)

# Coverage-guided fuzzing (libFuzzer) of every reader family, FUZZ_SECONDS each; keeps the
# minimised corpus in Tests/Fuzz/corpus/ and any crash or hang in Tests/Fuzz/crashes/.
# Its own build (.build-fuzz, every module instrumented) leaves the ordinary one alone.
FUZZ_SECONDS ?= 60
FUZZ_FAMILIES ?= all
FUZZ_RUNS ?=
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) bash scripts/fuzz.sh $(FUZZ_FAMILIES)

clean:
	rm -rf .build .build-fuzz

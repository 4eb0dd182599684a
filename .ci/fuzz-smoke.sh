#!/usr/bin/env bash
# Fuzz smoke run: builds the libFuzzer targets and runs each for a short fixed time (issue 16).
# Budget: the ASan build of the parser targets into .build/fuzz (from clean a few minutes on 2 cores; 30 s when
# only the parsers changed) plus 13 targets × 600 inputs (at most 15 s each) and their seed loading, about 1.5 minutes.
# Prints each target's executions and result; fails on any crash, hang or memory finding.
set -euo pipefail
trap 'echo "fuzz-smoke: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."
# A fixed seed makes CI's run the same every time (a finding is reproducible and never a coin toss);
# scripts/fuzz.sh without FUZZ_SEED explores anew on every run.
FUZZ_SEED="${FUZZ_SEED:-20261203}" FUZZ_RUNS="${FUZZ_RUNS:-600}" scripts/fuzz.sh "${FUZZ_SMOKE_SECONDS:-15}"

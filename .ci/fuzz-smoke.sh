#!/usr/bin/env bash
# Fuzz smoke run: builds the libFuzzer targets and runs each for a short fixed time (issue 16).
# Budget: the ASan build of the parser targets into .build/fuzz (from clean a few minutes on 2 cores; 30 s when
# only the parsers changed) plus 11 targets × 6 s and their seed loading, about 1.5 minutes.
# Prints each target's executions and result; fails on any crash, hang or memory finding.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fuzz.sh "${FUZZ_SMOKE_SECONDS:-6}"

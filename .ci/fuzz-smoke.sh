#!/usr/bin/env bash
# Fuzz smoke run: builds the libFuzzer targets and runs each for a short fixed time (issue 16).
# Budget: the ASan build of the parser targets (~2–3 min on 2 cores from clean) plus 11 targets × 8 s ≈ 1.5 min.
# Prints each target's executions and result; fails on any crash, hang or memory finding.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fuzz.sh "${FUZZ_SMOKE_SECONDS:-8}"

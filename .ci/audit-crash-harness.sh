#!/usr/bin/env bash
# Crash safety (issue 16): random kill -9 during issue, payment, bank import, remind and customer writes, then
# integrity, invariants and `kontor audit verify`. Bounded: 60 s of writes plus the checks (about 75 s in all).
set -euo pipefail
trap 'echo "audit-crash-harness: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
kontor="$1"
python3 "$(dirname "$0")/audit-crash-harness.py" "$kontor" --seconds "${KONTOR_CRASH_SECONDS:-60}"

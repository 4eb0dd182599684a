#!/usr/bin/env bash
# The commands a newcomer types first, on a fresh database: they must work and say something sensible.
set -euo pipefail
trap 'echo "cli-smoke: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
kontor="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KONTOR_DB="$work/kontor.sqlite" KONTOR_TODAY=2026-11-26 KONTOR_LANG=en  # the greps below read English

"$kontor" demo
"$kontor" today | tee "$work/today.txt"
grep -q "Overdue invoices" "$work/today.txt"
"$kontor" invoice list --overdue --json > "$work/overdue.json"
python3 - "$work/overdue.json" <<'PY'
import json, sys
invoices = json.load(open(sys.argv[1]))
assert invoices, "the demo book must have overdue invoices"
for invoice in invoices:
    for field in ("number", "status", "customerId", "issueDate", "dueDate", "net", "vat", "gross", "openAmount"):
        assert field in invoice, field
    assert invoice["overdue"] is True and float(invoice["openAmount"]) > 0
print(f"cli smoke: {len(invoices)} overdue invoices with every field")
PY
if "$kontor" customer show 9999 2>"$work/err.txt"; then
    echo "unknown customer must fail" >&2
    exit 1
fi
grep -q "There is no customer" "$work/err.txt"
echo "cli smoke: ok"

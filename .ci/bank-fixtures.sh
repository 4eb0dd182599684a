#!/usr/bin/env bash
# Imports every public bank statement fixture (dry run) and compares bookings, credits and credit sums with the
# fixtures' README. A file that cannot be read must fail with a clear message, never silently.
set -euo pipefail
trap 'echo "bank-fixtures: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
kontor="$(realpath "$1")"
fixtures="$(realpath "${2:-../shared/fixtures/bank}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KONTOR_DB="$work/book.sqlite" KONTOR_TODAY=2026-11-26
"$kontor" demo >/dev/null
for file in "$fixtures"/*; do
    name=$(basename "$file")
    [ "$name" = README.md ] && continue
    if ! "$kontor" import "$file" --dry-run --json >"$work/$name.json" 2>"$work/$name.err"; then
        echo "bank fixtures: $name could not be imported: $(cat "$work/$name.err")" >&2
        exit 1
    fi
done
python3 - "$fixtures/README.md" "$work" <<'PY'
import json, os, re, sys
readme, work = sys.argv[1], sys.argv[2]
rows = {}
for line in open(readme, encoding="utf-8"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) >= 8 and cells[0].startswith("`") and re.fullmatch(r"\d+", cells[4] or "x"):
        rows[cells[0].strip("`")] = (int(cells[4]), int(cells[5]), cells[6])
checked = 0
for name, (entries, credits, sums) in sorted(rows.items()):
    result = json.load(open(os.path.join(work, name + ".json")))
    expected = {}
    for part in sums.split("/"):
        m = re.match(r"\s*([\d.]+)\s*([A-Z]{3})?", part)
        if m and float(m.group(1)) > 0:
            expected[m.group(2) or "EUR"] = float(m.group(1))
    got = {k: float(v) for k, v in result["creditSums"].items()}
    # Rows the parser skipped with a warning (named in the output) still count as bookings of the file.
    bookings = result["entries"] + result["skippedRows"]
    assert bookings == entries, f"{name}: {bookings} bookings, README {entries}"
    assert result["credits"] == credits, f"{name}: {result['credits']} credits, README {credits}"
    assert got == expected, f"{name}: credit sums {got}, README {expected}"
    checked += 1
assert checked == 22, f"expected 22 fixtures in the README, compared {checked}"
print(f"bank fixtures: {checked} files match the README (bookings, credits, sums)")
PY
# Broken input fails clearly and imports nothing.
printf 'Buchungstag;Betrag\n01.02.2026;1.234,5x\n' >"$work/broken.csv"
printf '<?xml version="1.0"?><Document xmlns="urn:example:not-camt"><A/></Document>' >"$work/unknown.xml"
: >"$work/empty.sta"
for broken in broken.csv unknown.xml empty.sta; do
    if "$kontor" import "$work/$broken" 2>"$work/err.txt"; then
        echo "bank fixtures: $broken was accepted" >&2
        exit 1
    fi
    grep -q "$broken" "$work/err.txt" || { echo "bank fixtures: error for $broken does not name it: $(cat "$work/err.txt")" >&2; exit 1; }
done
"$kontor" import review --json | python3 -c 'import json, sys; assert json.load(sys.stdin) == [], "review queue not empty"'
echo "bank fixtures: broken files fail clearly and import nothing"

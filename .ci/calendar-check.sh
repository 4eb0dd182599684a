#!/usr/bin/env bash
# The agenda as iCalendar and the customers as vCard must parse with independent libraries (icalendar, vobject),
# and exporting the customers and importing them again must change nothing.
set -euo pipefail
trap 'echo "calendar-check: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
kontor="$(realpath "$1")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q icalendar vobject
export KONTOR_DB="$work/book.sqlite" KONTOR_TODAY=2026-11-26 KONTOR_LANG=en  # the grep below reads English
"$kontor" demo >/dev/null
"$kontor" agenda plan >/dev/null
"$kontor" agenda ics -o "$work/agenda.ics" >/dev/null
"$kontor" customer export --vcard -o "$work/customers.vcf" >/dev/null
"$work/venv/bin/python" - "$work/agenda.ics" "$work/customers.vcf" <<'PY'
import sys, icalendar, vobject
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
events = [c for c in cal.walk() if c.name == "VEVENT"]
assert events and all(e.get("uid") and e.get("dtstart") and e.get("summary") for e in events), "bad events"
assert any(str(e.get("summary")).startswith("Abgabe: ") for e in events), "no deadline in the feed"
cards = list(vobject.readComponents(open(sys.argv[2], encoding="utf-8").read()))
assert len(cards) >= 20 and all(c.fn.value for c in cards), "bad vCards"
assert any("ü" in c.fn.value or "ß" in c.fn.value or "ö" in c.fn.value for c in cards), "umlauts lost"
print(f"calendar check: {len(events)} events and {len(cards)} vCards parse")
PY
before=$("$kontor" customer list --json)
"$kontor" customer import "$work/customers.vcf" | grep -q "Imported 0 new customer"
[ "$before" = "$("$kontor" customer list --json)" ] || { echo "vCard round trip changed the customers" >&2; exit 1; }
# Into an empty book the same file brings every customer with the same fields.
export KONTOR_DB="$work/fresh.sqlite"
"$kontor" customer import "$work/customers.vcf" >/dev/null
"$kontor" customer export --vcard -o "$work/again.vcf" >/dev/null
python3 - "$work/customers.vcf" "$work/again.vcf" <<'PY'
import sys, re
def cards(path):
    text = open(path, encoding="utf-8").read().replace("\r\n ", "")
    return sorted(re.sub(r"UID:[^\r\n]*", "", card) for card in text.split("END:VCARD"))
assert cards(sys.argv[1]) == cards(sys.argv[2]), "vCard export → import → export differs"
print("calendar check: vCard round trip identical")
PY

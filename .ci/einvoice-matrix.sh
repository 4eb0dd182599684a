#!/usr/bin/env bash
# Generates the e-invoice matrix of the e-invoice issue with the kontor binary and validates every XML and
# every XML extracted from a ZUGFeRD PDF with the official rules (../shared/tools/validate-einvoice).
set -euo pipefail
trap 'echo "einvoice-matrix: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
kontor="$(realpath "$1")"
validator="$(realpath "${2:-../shared/tools/validate-einvoice}")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export KONTOR_TODAY=2026-03-02

book() {  # book NAME [profile options…]: a fresh database with a complete profile
    export KONTOR_DB="$work/$1.sqlite"
    shift
    "$kontor" init --name "Lena Schreiber – Texte & Konzepte" --street "Lindenstraße 12" --postal-code 50674 \
        --city Köln --state NW --email post@lena-schreiber.de --phone "0221 123 4567" \
        --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFXXX --tax-number 214/5678/1234 "$@" >/dev/null
}
customer() {  # customer NAME [options…] → id
    "$kontor" customer add --name "$1" --street "Industriestraße 7" --postal-code 44147 --city Dortmund \
        --email "rechnung@example.de" "${@:2}" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
invoice() {  # invoice CUSTOMER "desc|qty|unit|price|vat" … → number
    local id
    id=$("$kontor" invoice draft --customer "$1" --service-from 2026-02-02 --service-to 2026-02-27 --json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    shift
    for line in "$@"; do
        IFS='|' read -r desc qty unit price vat <<<"$line"
        "$kontor" invoice add-line "$id" --description "$desc" --quantity "$qty" --unit "$unit" --price "$price" \
            --vat "$vat" >/dev/null
    done
    "$kontor" invoice issue "$id" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])'
}
emit() {  # emit CASE NUMBER: XRechnung XML, EN 16931 XML, and the XML inside the ZUGFeRD PDF
    "$kontor" invoice xml "$2" --profile xrechnung -o "$work/out/$1-xrechnung.xml" >/dev/null
    "$kontor" invoice xml "$2" --profile en16931 -o "$work/out/$1-en16931.xml" >/dev/null
    "$kontor" invoice pdf "$2" --zugferd -o "$work/out/$1.pdf" >/dev/null
    pdfdetach -save 1 -o "$work/out/$1-zugferd.xml" "$work/out/$1.pdf"
    pdfdetach -list "$work/out/$1.pdf" | grep -q "factur-x.xml"
    qpdf --check "$work/out/$1.pdf" >/dev/null
    # Round trip: reading our own e-invoices back gives the invoice's totals and lines.
    "$kontor" invoice show "$2" --json >"$work/out/$1.invoice.json"
    for source in "$work/out/$1-xrechnung.xml" "$work/out/$1.pdf"; do
        "$kontor" einvoice show "$source" --json >"$work/out/$1.read.json"
        python3 - "$work/out/$1.invoice.json" "$work/out/$1.read.json" "$source" <<'PY'
import json, sys
mine, read = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
items = [l for l in mine["lines"] if not l["isDiscount"]]
def same(a, b): return abs(float(a)) == abs(float(b))
assert read["number"] == mine["number"], (read["number"], mine["number"])
assert same(read["grandTotal"], mine["gross"]) and same(read["taxExclusive"], mine["net"]), (read, mine["gross"])
assert len(read["lines"]) == len(items), (len(read["lines"]), len(items))
for a, b in zip(read["lines"], items):
    assert a["name"] == b["description"] and same(a["netAmount"], b["net"]), (a, b)
PY
    done
}
mkdir -p out

book standard
c=$(customer "Müller & Söhne <Maschinenbau> KG" --contact "Jürgen Weiß" --buyer-reference "04011000-12345-06")
emit 01-vat19 "$(invoice "$c" "Blogartikel „Grün & günstig“|1200|word|0,12|19")"
emit 02-vat7-and-19 "$(invoice "$c" "Recherche|3,5|hour|85|19" "Einräumung der Nutzungsrechte (Print)|1|flat|500|7")"
emit 03-cent-rounding "$(invoice "$c" "Wortpreis krumm|1333|word|0,085|19" "Korrektur|3|line|0,0333|19" "Lizenz|7|page|1,005|7")"
lines=()
for i in $(seq 1 250); do lines+=("Produkttext Artikel $i|$((i % 7 + 1))|word|0,$((10 + i % 80))|19"); done
emit 04-250-lines "$(invoice "$c" "${lines[@]}")"
original=$(invoice "$c" "Texte Website|1|flat|980|19")
cancellation=$("$kontor" invoice cancel "$original" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
emit 05-cancellation "$cancellation"
consumer=$(customer "Zoë Łukasiewicz" --kind consumer)
emit 06-consumer "$(invoice "$consumer" "Lektorat Festschrift|60|page|4,50|19")"
for i in 1 2 3; do
    n=$(invoice "$c" "Newsletter $i|1|flat|200|19")
    "$kontor" payment add "$n" --amount 238,00 >/dev/null
done
discounted=$(invoice "$c" "Fachartikel|2500|word|0,11|19" "Nutzungsrechte|1|flat|250|7")
emit 07-loyalty-discount "$discounted"
# Issue 13: the cancellation of a discounted invoice (its allowances negated too), and a 0 % line on a domestic
# invoice (category E with its reason, in the breakdown beside the 19 %).
emit 10-cancellation-discounted "$("$kontor" invoice cancel "$discounted" --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')"
vhs=$(customer "Volkshochschule Dortmund" --buyer-reference "04011000-99999-01")
emit 11-exempt-line "$(invoice "$vhs" "Blogartikel|800|word|0,12|19" "Vortrag Volkshochschule|1|flat|150|0")"

book small-business --tax-mode small-business
c=$(customer "Café Süßholz")
emit 08-small-business "$(invoice "$c" "Speisekarte texten|1|flat|450|19")"
emit 12-small-business-zero-line "$(invoice "$c" "Speisekarte texten|1|flat|450|19" "Fahrtkosten|1|flat|20|0")"

book reverse-charge --vat-id DE123456789
at=$("$kontor" customer add --name "Alpenblick Hotel GmbH" --street "Seestraße 4" --postal-code 5020 --city Salzburg \
    --country AT --vat-id ATU12345678 --email buchhaltung@alpenblick.at --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
emit 09-reverse-charge "$(invoice "$at" "Hotelbroschüre Texte|3000|word|0,13|19")"
fr=$("$kontor" customer add --name "Éditions du Lac SARL" --street "12 rue de la Paix" --postal-code 75002 \
    --city Paris --country FR --vat-id FR12345678901 --email compta@editions-du-lac.fr --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
emit 13-reverse-charge-fr "$(invoice "$fr" "Übersetzung Katalog|12|page|38|19" "Nutzungsrechte|1|flat|300|7")"
ch=$("$kontor" customer add --name "Bergbahnen Zermatt AG" --street "Bahnhofstrasse 7" --postal-code 3920 \
    --city Zermatt --country CH --email kreditoren@bergbahnen.ch --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
emit 14-outside-eu-ch "$(invoice "$ch" "Imagebroschüre|4000|word|0,14|19" "Nutzungsrechte|1|flat|400|7")"

# The cases must really be what their names say.
expect() { grep -q "$2" "$work/out/$1" || { echo "e-invoice matrix: $1 lacks $2" >&2; exit 1; }; }
expect 01-vat19-xrechnung.xml "M&amp;ller\|Müller &amp; Söhne &lt;Maschinenbau&gt; KG"
expect 02-vat7-and-19-xrechnung.xml "<ram:RateApplicablePercent>7</ram:RateApplicablePercent>"
expect 04-250-lines-xrechnung.xml "<ram:LineID>250</ram:LineID>"
expect 05-cancellation-xrechnung.xml "<ram:TypeCode>381</ram:TypeCode>"
expect 05-cancellation-xrechnung.xml "<ram:InvoiceReferencedDocument>"
expect 07-loyalty-discount-xrechnung.xml "<ram:AllowanceTotalAmount>"
expect 08-small-business-xrechnung.xml "<ram:CategoryCode>E</ram:CategoryCode>"
expect 09-reverse-charge-xrechnung.xml "<ram:CategoryCode>AE</ram:CategoryCode>"
expect 09-reverse-charge-xrechnung.xml "ATU12345678"

expect 10-cancellation-discounted-xrechnung.xml "<ram:TypeCode>381</ram:TypeCode>"
expect 10-cancellation-discounted-xrechnung.xml "<ram:AllowanceTotalAmount>"
expect 10-cancellation-discounted-xrechnung.xml "Stornorechnung zur Rechnung"
expect 11-exempt-line-xrechnung.xml "<ram:CategoryCode>E</ram:CategoryCode>"
expect 11-exempt-line-xrechnung.xml "<ram:ExemptionReason>Steuerfreie Leistung"
expect 12-small-business-zero-line-xrechnung.xml "<ram:CategoryCode>E</ram:CategoryCode>"
expect 13-reverse-charge-fr-xrechnung.xml "FR12345678901"
expect 13-reverse-charge-fr-xrechnung.xml "<ram:CategoryCode>AE</ram:CategoryCode>"
expect 14-outside-eu-ch-xrechnung.xml "<ram:CategoryCode>O</ram:CategoryCode>"
expect 14-outside-eu-ch-en16931.xml "<ram:CategoryCode>O</ram:CategoryCode>"
# No invoice says "Gutschrift" (self-billing, § 14 Abs. 4 Nr. 10 UStG), and none carries category Z.
! grep -l "Gutschrift\|<ram:CategoryCode>Z<" "$work"/out/*.xml ||
    { echo "e-invoice matrix: Gutschrift or Z" >&2; exit 1; }

# On paper (pdftotext): no VAT rate, tax column or tax line where no tax applies (§ 14c UStG), only the note;
# where tax applies, the 0 % line stands in the breakdown with its reason.
for case in 08-small-business 09-reverse-charge 12-small-business-zero-line 13-reverse-charge-fr 14-outside-eu-ch; do
    pdftotext -enc UTF-8 "$work/out/$case.pdf" "$work/out/$case.txt"
    if grep -nE '[0-9] ?%|USt\.|zzgl\.|MwSt|Steuerbetrag' "$work/out/$case.txt"; then
        echo "e-invoice matrix: $case.pdf shows a VAT rate or tax" >&2
        exit 1
    fi
    grep -q "§ 19 UStG\|Steuerschuldnerschaft des Leistungsempfängers\|§ 3a Abs. 2 UStG" "$work/out/$case.txt" ||
        { echo "e-invoice matrix: $case.pdf lacks its tax note" >&2; exit 1; }
done
pdftotext -enc UTF-8 "$work/out/11-exempt-line.pdf" "$work/out/11-exempt-line.txt"
for text in "zzgl. 19 % USt. auf 96,00 €" "steuerfrei (0 % USt.) auf 150,00 €" \
    "Steuerfreie Leistung gemäß § 4 UStG."; do
    grep -qF "$text" "$work/out/11-exempt-line.txt" ||
        { echo "e-invoice matrix: 11-exempt-line.pdf lacks $text" >&2; exit 1; }
done
for case in 05-cancellation 10-cancellation-discounted; do
    pdftotext -enc UTF-8 "$work/out/$case.pdf" "$work/out/$case.txt"
    grep -q "Stornorechnung" "$work/out/$case.txt" ||
        { echo "e-invoice matrix: $case.pdf lacks Stornorechnung" >&2; exit 1; }
    ! grep -q "Gutschrift" "$work/out/$case.txt" || { echo "e-invoice matrix: $case.pdf says Gutschrift" >&2; exit 1; }
done
echo "e-invoice matrix: no VAT rate on paper where none applies; Stornorechnung, never Gutschrift"

count=$(ls "$work"/out/*.xml | wc -l)
echo "e-invoice matrix: validating $count XML files"
"$validator" --quiet "$work"/out/*.xml
echo "e-invoice matrix: $count files valid, and read back with the same totals and lines"

# Every CII and UBL sample of the XRechnung test suite reads without error and shows its totals.
suite="$(dirname "$validator")/../einvoice/testsuite/xrechnung-testsuite-2026-01-31.tar.xz"
mkdir -p "$work/suite"
tar xJf "$suite" -C "$work/suite"
read_ok=0
while IFS= read -r sample; do
    "$kontor" einvoice show "$sample" --lang de >"$work/suite/out.txt"
    grep -q "Rechnungsnummer" "$work/suite/out.txt"
    read_ok=$((read_ok + 1))
done < <(find "$work/suite" -name '*_uncefact.xml' -o -name '*_ubl.xml' | sort)
[ "$read_ok" -eq 86 ] || { echo "expected 86 test-suite samples, read $read_ok" >&2; exit 1; }
echo "e-invoice test suite: $read_ok CII and UBL samples read"

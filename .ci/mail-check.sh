#!/usr/bin/env bash
# Sends invoices with the kontor binary through a real SMTP server on 127.0.0.1 (the aiosmtpd test server), reads
# the delivered messages back from the server's spool with Python's e-mail package, and validates the e-invoice
# each carries with the official rules (../shared/tools/validate-einvoice): the factur-x.xml inside the ZUGFeRD
# PDF of a business customer, and the XRechnung XML attached for a public-sector customer.
set -euo pipefail
trap 'echo "mail check: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
kontor="$(realpath "$1")"
validator="$(realpath "${2:-../shared/tools/validate-einvoice}")"
server_script="$(realpath "$(dirname "$0")/../Tests/KontorTestTools/Server/smtp-server.py")"
work=$(mktemp -d)
smtp_pid=""
trap '[ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
export KONTOR_TODAY=2026-03-02 KONTOR_DB="$work/book.sqlite"

mkfifo ready
/usr/bin/python3 "$server_script" --spool "$work/spool" >ready &
smtp_pid=$!
read -r _ port <ready

"$kontor" init --name "Lena Schreiber – Texte & Konzepte" --street "Lindenstraße 12" --postal-code 50674 \
    --city Köln --state NW --email post@lena-schreiber.de --phone "0221 123 4567" --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFFXXX \
    --tax-number 214/5678/1234 >/dev/null
"$kontor" mail settings --host 127.0.0.1 --port "$port" --security none --from post@lena-schreiber.de >/dev/null
send() {  # send CUSTOMER-OPTIONS…: a customer, an issued invoice for it, sent by e-mail
    local customer draft number
    customer=$("$kontor" customer add --street "Industriestraße 7" --postal-code 44147 --city Dortmund "$@" --json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    draft=$("$kontor" invoice draft --customer "$customer" --service-from 2026-02-02 --service-to 2026-02-27 --json |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    "$kontor" invoice add-line "$draft" --description "Pressetext Messe" --quantity 1 --unit flat --price 850 >/dev/null
    number=$("$kontor" invoice issue "$draft" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
    "$kontor" invoice send "$number" >/dev/null
}
send --name "Müller & Söhne GmbH" --email "buchhaltung@mueller.example"
send --name "Stadt Dortmund" --email "rechnung@dortmund.example" --einvoice xrechnung --buyer-reference 04011000-12345-06

mkdir out
python3 - "$work/spool" "$work/out" <<'PY'
import email, email.policy, os, sys
spool, out = sys.argv[1], sys.argv[2]
names = sorted(n for n in os.listdir(spool) if n.endswith(".eml"))
assert len(names) == 2, names
for index, name in enumerate(names):
    message = email.message_from_bytes(open(os.path.join(spool, name), "rb").read(), policy=email.policy.default)
    assert str(message["from"]) == "Lena Schreiber – Texte & Konzepte <post@lena-schreiber.de>", message["from"]
    assert str(message["subject"]).startswith("Rechnung 2026-000"), message["subject"]
    assert message["message-id"] and message["date"], "Message-ID and Date are required"
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Mit freundlichen Grüßen" in text, text
    for part in message.iter_attachments():
        open(os.path.join(out, f"{index}-{part.get_filename()}"), "wb").write(part.get_payload(decode=True))
print("mail check: 2 messages read back with their attachments")
PY
for pdf in out/*.pdf; do
    qpdf --check "$pdf" >/dev/null
    if pdfdetach -list "$pdf" | grep -q "factur-x.xml"; then
        pdfdetach -save 1 -o "${pdf%.pdf}-factur-x.xml" "$pdf"
    fi
done
xmls=(out/*.xml)
[ ${#xmls[@]} -eq 2 ] || { echo "mail check: expected a ZUGFeRD XML and an XRechnung XML, got ${xmls[*]}"; exit 1; }
for xml in "${xmls[@]}"; do
    "$validator" "$xml" >/dev/null || { echo "mail check: $xml is not a valid e-invoice"; "$validator" "$xml"; exit 1; }
done
echo "mail check: ok (the e-invoices in the delivered mails are valid: ${xmls[*]##*/})"

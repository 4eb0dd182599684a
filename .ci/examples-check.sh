#!/usr/bin/env bash
# Runs what the documentation tells a user to type, against a built kontor binary:
#   1. every `kontor …` line in README.md's ```sh blocks, in order, on one fresh book;
#   2. every example value in the help texts (--experimental-dump-help), as `kontor COMMAND --option EXAMPLE`;
#   3. every command named in a hint ('kontor …', „kontor …“, "kontor …" in Sources/, `kontor …` in README.md's
#      prose) against the command tree: the subcommand words must exist.
# Usage: bash .ci/examples-check.sh PATH/TO/kontor
# Exit 0 when all three pass (one line per part); exit 1 listing every failure with the example and the output.
# No network: the lines that need an SMTP server are run with --queue (or skipped) and say so; the lines of the
# "For agencies" block run against a PostgreSQL server the check starts on 127.0.0.1 (Debian's postgresql package).
set -euo pipefail
trap 'echo "examples-check: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: bash .ci/examples-check.sh PATH/TO/kontor" >&2
    exit 2
fi
KONTOR_BIN=$(realpath "$1")
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -p "$WORK/home" "$WORK/cwd" "$WORK/book"
export KONTOR_BIN WORK
export KONTOR_DB="$WORK/book/kontor.sqlite"
export KONTOR_TODAY=2026-11-26
export HOME="$WORK/home"          # the README's ~/… paths land in the temporary folder
unset LC_ALL LC_MESSAGES KONTOR_LANG
export LANG=C.UTF-8 # English messages (the CLI speaks German under a German locale; a README line may set LANG)
unset KONTOR_SMTP_PASSWORD KONTOR_LOG_LEVEL

python3 - "$KONTOR_BIN" <<'PY'
import glob, json, os, re, shlex, shutil, signal, socket, subprocess, sys, tempfile, time, zipfile
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone

BIN = sys.argv[1]
WORK = os.environ["WORK"]
HOME = os.environ["HOME"]
CWD = os.path.join(WORK, "cwd")
BOOK = os.environ["KONTOR_DB"]
PRELUDE = ('kontor() { "$KONTOR_BIN" "$@"; }; '
           # last_id ARGS…: the largest "id" in the JSON of `kontor ARGS… --json` (a list or one record)
           'last_id() { kontor "$@" --json | python3 -c \'import json,sys; d=json.load(sys.stdin); '
           'print(max(x["id"] for x in d) if isinstance(d, list) else d["id"])\'; }; '
           'fresh() { mktemp -u -p "$WORK" book-XXXXXX.sqlite; }; ')
failures = []  # (part, example, command, output)
notes = []     # printed always: what was skipped or substituted, and why


def sh(command, env=None, timeout=60, stdin=None):
    """Runs one command line through bash with `kontor` as a function for the binary (`stdin`: text to type)."""
    full_env = dict(os.environ, **(env or {}))
    try:
        p = subprocess.run(["bash", "-c", PRELUDE + command], cwd=CWD, env=full_env,
                           input=stdin.encode() if stdin is not None else None,
                           stdin=subprocess.DEVNULL if stdin is None else None,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return 124, (e.stdout or b"").decode("utf-8", "replace") + f"\n(timed out after {timeout} s)"


def kontor_json(args, env=None):
    code, out = sh("kontor " + args + " --json", env)
    if code != 0:
        raise SystemExit(f"setup failed: kontor {args} --json\n{out}")
    return json.loads(out)


def fail(part, example, command, output):
    failures.append((part, example, command, output.strip()))


# ---------------------------------------------------------------------------------------------------------------------
# The command tree from --experimental-dump-help
dump = json.loads(subprocess.run([BIN, "--experimental-dump-help"], stdout=subprocess.PIPE, check=True).stdout)
TREE = {}  # "customer edit" -> command object


def index(command, path):
    TREE[" ".join(path)] = command
    for sub in command.get("subcommands", []):
        index(sub, path + [sub["commandName"]])


index(dump["command"], [])


def option_help(path, option):
    for arg in TREE[path].get("arguments", []):
        names = [n["name"] for n in arg.get("names", [])]
        if option.lstrip("-") in names or (arg["kind"] == "positional" and option == "<" + arg["valueName"] + ">"):
            return arg.get("abstract", "") + " " + arg.get("discussion", "")
    return None


# =====================================================================================================================
# Part 1: README examples
# =====================================================================================================================
# Fixture files the README's lines read (made with the standard library, in the temporary HOME and working folder).
def make_fixtures():
    os.makedirs(os.path.join(HOME, "Downloads"), exist_ok=True)
    os.makedirs(os.path.join(HOME, "Mail"), exist_ok=True)
    os.makedirs(os.path.join(HOME, "Sicherung"), exist_ok=True)
    os.makedirs(os.path.join(HOME, "Export"), exist_ok=True)
    with open(os.path.join(HOME, ".kontor-smtp"), "w") as f:
        f.write("secret\n")
    os.chmod(os.path.join(HOME, ".kontor-smtp"), 0o600)

    def mail(sender, subject, text, day, msgid):
        m = EmailMessage()
        m["From"], m["To"], m["Subject"] = sender, "lena@schreiber.de", subject
        m["Date"] = format_datetime(datetime(2026, 11, day, 9, 30, tzinfo=timezone.utc))
        m["Message-ID"] = f"<{msgid}@example.de>"
        m.set_content(text)
        return m

    # anfrage.eml: a new sender (an inquiry); inbox.mbox: ten more new senders; the Maildir, as the 12th mail: the
    # customer of the first session (hallo@suessholz.de) promising to pay (README: mail accept 12).
    with open(os.path.join(HOME, "Downloads", "anfrage.eml"), "wb") as f:
        f.write(bytes(mail("Tom Berg <tom@berg.example>", "Anfrage Flyertext", "Hallo, wir brauchen einen Flyer.",
                           20, "a1")))
    with open(os.path.join(HOME, "Mail", "inbox.mbox"), "wb") as f:
        for i in range(10):
            m = mail(f"Person {i} <p{i}@people.example>", f"Anfrage {i}", f"Bitte um ein Angebot ({i}).", 21, f"b{i}")
            f.write(b"From MAILER-DAEMON Sat Nov 21 09:30:00 2026\n" + bytes(m).replace(b"\nFrom ", b"\n>From ")
                    + b"\n")
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(HOME, "Maildir", sub), exist_ok=True)
    with open(os.path.join(HOME, "Maildir", "new", "1764150001.2.host"), "wb") as f:
        f.write(bytes(mail("Café Süßholz <hallo@suessholz.de>", "Re: Rechnung 2026-0002",
                           "Guten Tag, wir zahlen die Rechnung 2026-0002 bis zum 16.12. Viele Grüße", 23, "c2")))


def camt_zip(path, number, amount):
    """A camt.053.001.02 statement with one credit that pays invoice `number`, zipped as a bank exports it."""
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>EXAMPLES-1</MsgId><CreDtTm>2026-11-25T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>EXAMPLES-1</Id><CreDtTm>2026-11-25T18:00:00</CreDtTm>
<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-25</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">{1000 + float(amount):.2f}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-25</Dt></Dt></Bal>
<Ntry><Amt Ccy="EUR">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-25</Dt></BookgDt><ValDt><Dt>2026-11-25</Dt></ValDt>
<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
<AmtDtls><TxAmt><Amt Ccy="EUR">{amount}</Amt></TxAmt></AmtDtls>
<RltdPties><Dbtr><Nm>Cafe Suessholz</Nm></Dbtr><DbtrAcct><Id><IBAN>DE02120300000000202051</IBAN></Id></DbtrAcct></RltdPties>
<RmtInf><Ustrd>Rechnung {number}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>
"""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("auszug.xml", xml)


class Postgres:
    """A PostgreSQL cluster of its own on 127.0.0.1 for the README's agency block: initdb with trust logins for the
    user `kontor`, as the `postgres` OS user when this runs as root (initdb refuses root), removed at the end."""

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
        if not found:
            raise SystemExit("examples-check: PostgreSQL is not installed (apt-get install -y postgresql)")
        self.bin = os.path.dirname(found[-1])
        self.folder = tempfile.mkdtemp(prefix="kontor-examples-pg-")
        self.as_postgres = []
        if os.geteuid() == 0:
            import pwd
            account = pwd.getpwnam("postgres")
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.as_postgres = ["runuser", "-u", "postgres", "--"]
        data = os.path.join(self.folder, "data")
        subprocess.run(self.as_postgres + [self.bin + "/initdb", "-D", data, "-U", "kontor", "--auth=trust",
                                           "--no-locale", "-E", "UTF8", "--no-sync"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.server = subprocess.Popen(
            self.as_postgres + [self.bin + "/postgres", "-D", data, "-k", self.folder, "-h", "127.0.0.1",
                                "-p", str(self.port), "-c", "fsync=off"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        for _ in range(300):
            if subprocess.run([self.bin + "/pg_isready", "-h", "127.0.0.1", "-p", str(self.port), "-q"]).returncode == 0:
                break
            time.sleep(0.1)
        subprocess.run([self.bin + "/createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "kontor", "kontor"],
                       check=True)
        self.url = f"postgres://kontor@127.0.0.1:{self.port}/kontor"

    def stop(self):
        try:
            with open(os.path.join(self.folder, "data", "postmaster.pid")) as f:
                os.kill(int(f.readline()), signal.SIGINT)  # the postmaster itself: fast shutdown
        except (OSError, ValueError):
            self.server.terminate()
        self.server.wait(30)
        shutil.rmtree(self.folder, ignore_errors=True)


# The README's agency block runs on a PostgreSQL book: its lines get $KONTOR_DATABASE_URL (its `export` lines are not
# `kontor` lines and are not run).
POSTGRES_BLOCKS = {"For agencies: one book on PostgreSQL"}

# Each README block gets a name from the heading above it; the README's lines run in order, on one book, from the
# "A first real session" block on. No `kontor demo` first: that block starts with `kontor init`, which a demo book
# refuses ("The business profile exists already"), and its ids (customer 1 = Café Süßholz) are the ones it creates.
# The "Run" block gets a throwaway book of its own: `serve --demo` fills the book it serves with the demo business.
SEPARATE_BOOK_BLOCKS = {"Run"}

# State a README line takes for granted, made right before it (key: a unique part of the README line). Every key must
# match a README line, so this table cannot silently go stale.
SETUP = {
    # "Everything before issue is a draft": the README goes on with a second inquiry (2) and quote (2, two lines) of
    # customer 1, customers 2 to 4, and two invoice drafts: 2 (customer 1, issued later as 2026-0002) and 3.
    "kontor quote edit 2 --title": [
        'kontor inquiry add --customer 1 --channel email --subject "Getränkekarte" --size 800 --unit word',
        'kontor quote add --inquiry 2 --title "Texte Getränkekarte"',
        'kontor quote add-line 2 --description "Texte Getränkekarte" --quantity 800 --unit word --price 0,12',
        'kontor quote add-line 2 --description "Korrektorat" --quantity 2 --unit hour --price 60',
        'kontor customer add --name "Agentur Blickfang GmbH" --email jana@blickfang.de --street "Ring 1"'
        ' --postal-code 50667 --city Köln --state NW',
        'kontor customer add --name "Grünraum Landschaftsarchitektur" --email weber@gruenraum.de --street "Isarweg 3"'
        ' --postal-code 80331 --city München --state BY',
        'kontor customer add --name "Verlag am Fluss" --email lektorat@verlag-am-fluss.de --street "Elbufer 1"'
        ' --postal-code 01067 --city Dresden --state SN',
        'kontor invoice draft --customer 1',
        'kontor invoice add-line 2 --description "Korrektorat Flyer" --quantity 1 --unit hour --price 50',
        'kontor invoice draft --customer 3',
        'kontor invoice add-line 3 --description "Pressetext" --quantity 1 --unit hour --price 85',
    ],
    # The mail block: issued invoices up to 2026-0007 (2026-0003 … 0007 issued on 1 September, so that they are
    # overdue and `kontor remind` drafts reminders 1 to 5), a quote 12 with a line, a proposal for inquiry 2.
    "kontor invoice send 2026-0007 --preview": [
        'kontor invoice issue 2',
        'for i in 1 2 3 4 5; do id=$(last_id invoice draft --customer 4) && kontor invoice add-line $id'
        ' --description "Lektorat Kapitel $i" --quantity 2 --unit hour --price 85 >/dev/null'
        ' && kontor invoice issue $id --today 2026-09-01 >/dev/null || exit 1; done',
        'for i in $(seq 1 12); do kontor quote show 12 >/dev/null 2>&1 && break;'
        ' kontor quote add --customer 4 --title "Klappentext $i" >/dev/null || exit 1; done',
        'kontor quote add-line 12 --description "Klappentext" --quantity 1 --unit page --price 90',
        'kontor remind',
        'kontor inquiry propose 2',
    ],
    "kontor import auszug.zip --dry-run": ["CAMT auszug.zip 2026-0003 202.30"],  # made by camt_zip()
    "kontor einvoice show eingang.xml": ['cp Rechnung-2026-0001.xml eingang.xml'],
    # The agency block copies "your book" from the default place: the README's book so far.
    "kontor migrate --from": ['mkdir -p ~/.local/share/kontor && cp "$KONTOR_DB" ~/.local/share/kontor/kontor.sqlite'],
    # note 7: customers 5 to 7.
    "kontor note 7 ": ['for i in 5 6 7; do kontor customer add --name "Kunde $i" --email k$i@example.de >/dev/null'
                       ' || exit 1; done'],
}

# Placeholders in README lines (…, <ID>, NUMBER, FILE) and ids the README numbers for a smaller book, with what stands
# in for them: (README line part, text, replacement (a shell word, evaluated right before the line), why).
# A placeholder left in a line without a row here is a failure.
SUBSTITUTE = [
    ("kontor remind approve 3 --send", " 3 ", " 4 ",
     "reminder 3 is approved by post in the dunning block further down; this one takes draft 4"),
    ('kontor payment reverse 1 --reason "Rücklastschrift"', " 1 ", " 3 ",
     "payment 1 was reversed in the first session ('Betrag vertippt', entry 2); 3 is the 214,20 booked after it"),
    ("kontor inquiry propose 4", " 4", " $(last_id inquiry list --all)",
     "the inquiry the line before added: 4 in a book without the mails imported above"),
    ("kontor quote add --from-proposal 4", " 4", " $(last_id inquiry list --all)", "the same inquiry"),
    ("kontor quote edit 5 --delivery", " 5 ", " $(last_id quote list) ", "the quote the line before made"),
    ("kontor quote accept 5 ", " 5 ", " $(last_id quote list) ", "the same quote"),
    ("kontor job log 3 --hours", " 3 ", " $(last_id job list) ", "the job accepting that quote made"),
]
# README lines run differently from as written: (README line part, how, why).
#   "skip": not run; "queue": run with --queue added (the mail is checked and queued, not sent);
#   "db": run on an empty book of its own. Lines of `kontor serve` are started, probed on 127.0.0.1 and stopped.
SPECIAL = [
    ("kontor mail test --to", "skip", "needs a reachable SMTP server (smtp.example.de)"),
    ("kontor invoice send 2026-0007 # into", "queue", "sending needs an SMTP server; queued instead"),
    ("kontor quote send 12", "queue", "sending needs an SMTP server; queued instead"),
    ("kontor remind approve 3 --send", "queue", "sending needs an SMTP server; queued instead"),
    ("kontor inquiry reply 2 --send", "queue", "sending needs an SMTP server; queued instead"),
    ("kontor restore ", "db", "restore goes 'into an empty book'; the README's book has records"),
    ("kontor user set-password --name anna", "stdin", "it asks for the password on a terminal; typed on stdin here"),
]
PLACEHOLDER = re.compile(r"…|<[A-Z_]+>|\b(ID|NUMBER|FILE|DIR|NAME|KIND|USER)\b")


def readme_lines():
    text = open("README.md", encoding="utf-8").read()
    heading, out = "", []
    for m in re.finditer(r"^(#+ [^\n]*)$|^```sh\n(.*?)^```", text, re.S | re.M):
        if m.group(1):
            heading = m.group(1).lstrip("# ").strip()
            continue
        for line in m.group(2).replace("\\\n", " ").split("\n"):
            line = re.sub(r"\s+", " ", line.strip())
            cmd = re.sub(r"^((?:[A-Z_]+=\S+ )*)swift run kontor\b", r"\1kontor", line)
            if re.match(r"^(?:[A-Z_]+=\S+ )*kontor\b", cmd):
                out.append((heading, line, cmd))
    return out


def free_port(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def run_serve(cmd, env):
    """Starts a serve line in the background, waits for its port with curl, then stops it."""
    port = int(re.search(r"--port (\d+)", cmd).group(1)) if "--port" in cmd else 8080
    if not free_port(port):
        return 1, f"port {port} on 127.0.0.1 is already in use; cannot check '{cmd}'"
    log = open(os.path.join(WORK, "serve.log"), "w+b")
    p = subprocess.Popen(["bash", "-c", PRELUDE + cmd], cwd=CWD, env=dict(os.environ, **env), stdin=subprocess.DEVNULL,
                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    code, answer = 1, ""
    # A server for a named host answers only that name (421 otherwise): ask as a browser of that name would.
    named = re.search(r"--allowed-host (\S+)", cmd)
    host = ["-H", f"Host: {named.group(1)}"] if named else []
    for _ in range(150):
        if p.poll() is not None:
            break
        r = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "2"] + host
                           + [f"http://127.0.0.1:{port}/"], stdout=subprocess.PIPE)
        answer = r.stdout.decode()
        if answer in ("200", "303"):
            code = 0
            break
        time.sleep(0.1)
    if p.poll() is None:
        os.killpg(p.pid, signal.SIGTERM)
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    for _ in range(100):  # the server's own shutdown: wait until the port is free for the next line
        if free_port(port):
            break
        time.sleep(0.1)
    log.seek(0)
    out = log.read().decode("utf-8", "replace")
    if code != 0:
        out += f"\n(no HTTP 200/303 on 127.0.0.1:{port}; last curl answer: '{answer}', exit {p.returncode})"
    return code, out


def part1():
    make_fixtures()
    lines = readme_lines()
    used = set()
    ran = skipped = 0
    separate_env = {"KONTOR_DB": os.path.join(WORK, "run-block", "kontor.sqlite")}
    os.makedirs(os.path.dirname(separate_env["KONTOR_DB"]), exist_ok=True)
    postgres = None
    for heading, line, cmd in lines:
        env = separate_env if heading in SEPARATE_BOOK_BLOCKS else {}
        if heading in POSTGRES_BLOCKS:
            if postgres is None:
                postgres = Postgres()
                notes.append(f"README: the block '{heading}' ran on a PostgreSQL server started on 127.0.0.1")
            env = {"KONTOR_DATABASE_URL": postgres.url}
        for key, setup in SETUP.items():
            if key in cmd and key not in used:
                used.add(key)
                for s in setup:
                    if s.startswith("CAMT "):
                        _, name, number, amount = s.split()
                        camt_zip(os.path.join(CWD, name), number, amount)
                        continue
                    code, out = sh(s, env)
                    if code != 0:
                        fail("README", f"setup before: {line}", s, out)
        code_part = cmd.split(" #")[0]
        for key, placeholder, value, why in SUBSTITUTE:
            if key in cmd:
                code_part = (code_part + " ").replace(placeholder, value, 1).rstrip()
                code, word = sh("echo " + code_part, env)
                notes.append(f"README: ran '{word.strip()}' for '{cmd.split(' #')[0].strip()}': {why}")
        left = PLACEHOLDER.search(code_part)
        if left:
            fail("README", line, code_part, f"placeholder '{left.group(0)}' without a row in SUBSTITUTE")
            continue
        special = next(((how, why) for key, how, why in SPECIAL if key in cmd), None)
        how = special[0] if special else ("serve" if re.search(r"\bkontor serve\b", code_part) else "run")
        if how == "skip":
            notes.append(f"README: skipped '{code_part.strip()}': {special[1]}")
            skipped += 1
            continue
        if how == "queue":
            code_part = code_part.rstrip() + " --queue"
            notes.append(f"README: ran '{code_part.strip()}': {special[1]}")
        if how == "db":
            empty = os.path.join(WORK, "restore-target", "kontor.sqlite")
            os.makedirs(os.path.dirname(empty), exist_ok=True)
            env = {"KONTOR_DB": empty}
            notes.append(f"README: ran '{code_part.strip()}' on an empty book: {special[1]}")
        if how == "serve":
            code, out = run_serve(code_part.strip(), env)
        elif how == "stdin":
            notes.append(f"README: ran '{code_part.strip()}' with a password on stdin: {special[1]}")
            code, out = sh(code_part, env, stdin="ein-langes-passwort\n")
        else:
            code, out = sh(code_part, env, timeout=300 if "migrate" in code_part else 60)
        ran += 1
        if code != 0:
            fail("README", line, code_part.strip(), f"exit {code}\n{out}")
    if postgres is not None:
        postgres.stop()
    for key in SETUP:
        if key not in used:
            fail("README", "SETUP table", key, "matches no README line any more: update the table")
    for key, how, why in SPECIAL:
        if not any(key in cmd for _, _, cmd in lines):
            fail("README", "SPECIAL table", key, "matches no README line any more: update the table")
    substituted = sum(n.startswith("README: ran '") and "' for '" in n for n in notes)
    queued = sum("queued instead" in n for n in notes)
    return (f"README examples: {ran} run ({substituted} with a substituted id, {queued} queued instead of sent), "
            f"{skipped} skipped (needs SMTP)")


# =====================================================================================================================
# Part 2: help examples
# =====================================================================================================================
# The examples in the help texts of --experimental-dump-help, each run on a demo book of its own (`kontor demo`: its
# customers, open invoices, jobs and payments are what the commands below need). A row names the command, the option
# (or <argument>), a regular expression whose matches in that help text are the example's forms (every form is tried,
# exactly as the help shows it), and the command the form is tried in: {v} is the option with the form
# (`--option 'FORM'`, or only 'FORM' for an argument). Shell helpers: last_id (above); fresh (a new empty book file).
# A help text with "e.g.", "such as" or "like" that has no row is a failure, and so is a row whose help text is gone.
PROFILE_BASES = {
    "init": 'kontor init --db "$(fresh)" --name "Lena Schreiber" --street "Lindenstraße 12" --postal-code 50674'
            " --city Köln {v}",
    "profile set": "kontor profile set {v}",
}
HELP_EXAMPLES = []
for cmd, base in PROFILE_BASES.items():
    HELP_EXAMPLES += [
        (cmd, "--state", r"e\.g\. ([A-Z]{2}), ([A-Z]{2}), ([A-Z]{2}) ", base),
        (cmd, "--loyalty", r"e\.g\. (\S+), or (\w+)\.", base),
        (cmd, "--dunning", r"e\.g\. (\S+?)\.?$", base),
        (cmd, "--hours", r"e\.g\. (\S+?)\.?$", base),
        (cmd, "--vacation", r"e\.g\. (\S+) \(", base),
        (cmd, "--rates", r"e\.g\. (\S+) \(", base),
    ]
for cmd, base in (("customer add", 'kontor customer add --name "Beispiel GmbH" --street "Ring 1" --postal-code 50667'
                                  " --city Köln {v}"),
                  ("customer edit", "kontor customer edit 1 {v}")):
    HELP_EXAMPLES += [
        (cmd, "--contact", r'e\.g\. "([^"]+)"', base),
        (cmd, "--title", r'"([^"]*)"', base),
        (cmd, "--state", r"e\.g\. ([A-Z]{2}), ([A-Z]{2}), ([A-Z]{2}) ", base),
    ]
HELP_EXAMPLES += [
    ("inquiry add", "--size", r"e\.g\. (\d+)", 'kontor inquiry add --name "Tom Berg" --channel phone --subject S'
                                               " --unit word {v}"),
    ("inquiry add", "--contact", r'e\.g\. "([^"]+)"', "kontor inquiry add --customer 1 --channel phone --subject S {v}"),
    ("inquiry add", "--title", r'e\.g\. "([^"]+)"', "kontor inquiry add --customer 1 --channel phone --subject S"
                                                    ' --contact "Ines Wolff" {v}'),
    ("inquiry edit", "--size", r"e\.g\. (\d+)", "kontor inquiry edit 37 {v}"),
    ("inquiry edit", "--contact", r'"([^"]*)"', "kontor inquiry edit 37 {v}"),
    ("inquiry edit", "--title", r'e\.g\. "([^"]+)"', 'kontor inquiry edit 37 --contact "Ines Wolff" {v}'),
    ("quote add", "--title", r'e\.g\. "([^"]+)"', "kontor quote add --customer 1 {v}"),
    ("job log", "--hours", r"e\.g\. (\S+?)\.$", "kontor job log 28 {v}"),
    # On a book of their own: a user with a password would let the `serve --host 0.0.0.0` example start.
    ("user set-capacity", "--hours", r"e\.g\. (\S+?)\.?$",
     "b=$(fresh) && printf 'ein-langes-passwort\\n' | kontor user set-password --db \"$b\" --name anna >/dev/null"
     " && kontor user set-capacity --db \"$b\" --name anna {v}"),
    ("user set-capacity", "--vacation", r"e\.g\. (\S+) \(",
     "b=$(fresh) && printf 'ein-langes-passwort\\n' | kontor user set-password --db \"$b\" --name anna >/dev/null"
     " && kontor user set-capacity --db \"$b\" --name anna {v}"),
    ("payment add", "--amount", r"e\.g\. (\S+) or (\S+?)\.$", "kontor payment add 2026-0026 --confirm-overpayment {v}"),
    ("payment reverse", "--reason", r'"([^"]+)"', 'kontor payment reverse "$(last_id payment add 2026-0025'
                                                  ' --amount 1)" {v}'),
    ("interest", "--amount", r"e\.g\. (\S+?)\.$", "kontor interest --due 2026-03-15 {v}"),
    ("interest", "--state", r"e\.g\. (\w+)\.", "kontor interest --amount 100 --due 2026-03-15 {v}"),
    ("due-date", "--state", r"e\.g\. (\w+)\.", "kontor due-date 2026-06-04 {v}"),
    ("settings base-rate add", "<rate>", r"e\.g\. (\S+) or (\S+?)\.$", "kontor settings base-rate add 2026-07-01 {v}"),
    ("import file", "--map", r"e\.g\. (\S+?)\.$", "kontor import file statement.csv --dry-run {v}"),
    ("mail settings", "--host", r"e\.g\. (\S+?)\.$", "kontor mail settings --from lena@schreiber.de {v}"),
    ("mail settings", "--from-name", r'e\.g\. "([^"]+)"',
     "kontor mail settings --host smtp.example.de --from lena@schreiber.de {v}"),
    ("audit log", "--record", r"e\.g\. (\S+), (\S+), (\S+?)\.$", "kontor audit log {v}"),
]
for kind in ("quote", "invoice"):
    draft = f'"$(last_id {kind} list)"' if kind == "quote" else '"$(last_id invoice list --status draft)"'
    HELP_EXAMPLES += [
        (f"{kind} add-line", "--description", r'e\.g\. "([^"]+)"',
         f"kontor {kind} add-line {draft} --unit word --quantity 1 --price 1 {{v}}"),
        (f"{kind} add-line", "--quantity", r"e\.g\. (\S+) or (\S+?)\.$",
         f"kontor {kind} add-line {draft} --description Text --unit word --price 1 {{v}}"),
        (f"{kind} add-line", "--price", r"e\.g\. (\S+) or (\S+?)\.$",
         f"kontor {kind} add-line {draft} --description Text --unit word --quantity 1 {{v}}"),
        (f"{kind} edit-line", "--quantity", r"e\.g\. (\S+) or (\S+?)\.$", f"kontor {kind} edit-line {draft} 1 {{v}}"),
        (f"{kind} edit-line", "--price", r"e\.g\. (\S+) or (\S+?)\.$", f"kontor {kind} edit-line {draft} 1 {{v}}"),
    ]
# Help texts whose "e.g." is prose, not a value to type: (command, option or "" for the command's own text, why).
PROSE = [
    ("customer add", "--buyer-reference", "names what the value is (a Leitweg-ID), not a value"),
    ("customer edit", "--buyer-reference", "names what the value is (a Leitweg-ID), not a value"),
    ("payment add", "--note", "names what a note may hold (the bank reference)"),
    ("payment refund", "--note", "names what a note may hold (the transfer reference)"),
    ("interest", "--agreed", "a flag; the example is where the agreement was made"),
]
# Command texts with an example command line: (command, the example, how it is run and checked).
COMMAND_EXAMPLES = [
    ("serve", "--host 0.0.0.0", "refused without a password, naming 'kontor user set-password'"),
]
EXAMPLE_WORDS = re.compile(r"e\.g\.|such as|\blike\b")


def help_texts():
    """(command path, option or "<argument>" or "", text) for every text in the dump."""
    for path, command in TREE.items():
        text = command.get("abstract", "") + " " + command.get("discussion", "")
        yield path, "", text
        for arg in command.get("arguments", []):
            name = ("<" + arg["valueName"] + ">" if arg["kind"] == "positional"
                    else "--" + arg["preferredName"]["name"] if arg.get("preferredName") else arg["valueName"])
            yield path, name, arg.get("abstract", "") + " " + arg.get("discussion", "")


def part2():
    global failures
    env = {"KONTOR_DB": os.path.join(WORK, "help-book", "kontor.sqlite")}
    os.makedirs(os.path.join(WORK, "help-book"))
    with open(os.path.join(CWD, "statement.csv"), "w", encoding="utf-8") as f:
        f.write("Buchungstag;Betrag;Name;Verwendungszweck\n25.11.2026;321,30;Henrik Lange;Rechnung 2026-0026\n")
    for setup in ("kontor demo", 'kontor quote add-line "$(last_id quote add --customer 1 --title T)" '
                  "--description Text --unit word --quantity 1 --price 1",
                  'kontor invoice add-line "$(last_id invoice draft --customer 1)" '
                  "--description Text --unit word --quantity 1 --price 1"):
        code, out = sh(setup, env)
        if code != 0:
            fail("help", "setup", setup, out)
    texts = {(c, o): t for c, o, t in help_texts()}
    covered = {(c, o) for c, o, _, _ in HELP_EXAMPLES} | {(c, o) for c, o, _ in PROSE} | \
              {(c, "") for c, _, _ in COMMAND_EXAMPLES}
    for (c, o), t in texts.items():
        if o in ("--db", "--today", "--json", "--help") or not EXAMPLE_WORDS.search(t):
            continue
        if (c, o) not in covered:
            fail("help", f"kontor {c} {o}: {t.strip()}", "-", "an example in a help text without a row in "
                 "HELP_EXAMPLES (or PROSE): add one")
    tried = 0
    for c, o, pattern, base in HELP_EXAMPLES:
        text = texts.get((c, o))
        if text is None:
            fail("help", f"kontor {c} {o}", "-", "HELP_EXAMPLES names an option the command no longer has")
            continue
        forms = [g for m in re.findall(pattern, text.strip()) for g in (m if isinstance(m, tuple) else (m,))]
        if not forms:
            fail("help", f"kontor {c} {o}: {text.strip()}", "-", f"no example matches {pattern!r}: update the row")
            continue
        for form in forms:
            value = shlex.quote(form) if o.startswith("<") else f"{o} {shlex.quote(form)}"
            command = base.replace("{v}", value)
            code, out = sh(command, env)
            tried += 1
            if code != 0:
                fail("help", f"kontor {c} {o}: e.g. {form}   ({text.strip()[:100]}…)", command, f"exit {code}\n{out}")
    for c, example, why in COMMAND_EXAMPLES:
        if example not in texts.get((c, ""), ""):
            fail("help", f"kontor {c}: {example}", "-", "COMMAND_EXAMPLES names an example the help no longer shows")
            continue
        command = f'timeout 10 "$KONTOR_BIN" {c} {example}'
        code, out = sh(command, env)
        tried += 1
        if code == 0 or "set-password" not in out:
            fail("help", f"kontor {c}: e.g. {example}", command, f"exit {code} (expected: {why})\n{out}")
    return f"help examples: {tried} forms tried, {len(PROSE)} prose examples listed"


# =====================================================================================================================
# Part 3: hints in messages
# =====================================================================================================================
# Commands quoted in Swift string literals ('kontor …', „kontor …“, or a whole literal "kontor …") and in README.md's
# prose (`kontor …`): the words up to the first option, placeholder or interpolation must be a command path of
# --experimental-dump-help; words after a command without subcommands must be arguments it takes.
HINT_PATTERNS = [re.compile(r"'(kontor [^'\n]*)'"), re.compile(r"„(kontor [^“\n]*)“"),
                 re.compile(r'(?<![\\\w])"(kontor [^"\\\n]*)"')]
NOT_HINTS = {"kontor (migration)", "kontor (schema)"}  # audit journal actor names, not commands
WORD = re.compile(r"^[a-z][a-z0-9-]*(\|[a-z][a-z0-9-]*)*$")


def check_path(hint):
    """None when the command words of `hint` name a command, else why not."""
    words = hint.split()[1:]
    paths = [[]]
    for w in words:
        if not WORD.match(w):
            break
        new_paths = []
        for path in paths:
            command = TREE[" ".join(path)]
            subs = {s["commandName"] for s in command.get("subcommands", [])}
            for alt in w.split("|"):
                if alt in subs:
                    new_paths.append(path + [alt])
                elif subs and not command.get("defaultSubcommand"):
                    return f"'{' '.join(['kontor'] + path)}' has no subcommand '{alt}'"
                elif not any(a["kind"] == "positional" for a in
                             TREE[" ".join(path + ([command["defaultSubcommand"]] if subs else []))]["arguments"]):
                    return f"'{' '.join(['kontor'] + path)}' takes no argument '{alt}'"
                else:
                    return None  # an argument of the command (or of its default subcommand)
        paths = new_paths
    for path in paths:
        if TREE[" ".join(path)].get("subcommands") and not TREE[" ".join(path)].get("defaultSubcommand") \
                and path and len(words) == len(path):
            return f"'{' '.join(['kontor'] + path)}' needs a subcommand"
    return None


def part3():
    hints = []  # (where, hint)
    for root, _, files in os.walk("Sources"):
        for name in sorted(files):
            if not name.endswith(".swift"):
                continue
            path = os.path.join(root, name)
            for number, line in enumerate(open(path, encoding="utf-8"), 1):
                if line.lstrip().startswith("//"):
                    continue
                for pattern in HINT_PATTERNS:
                    hints += [(f"{path}:{number}", m.group(1)) for m in pattern.finditer(line)]
    for number, line in enumerate(open("README.md", encoding="utf-8"), 1):
        hints += [(f"README.md:{number}", m.group(1)) for m in re.finditer(r"`(kontor [^`]*)`", line)]
    checked = 0
    for where, hint in hints:
        if hint in NOT_HINTS:
            continue
        checked += 1
        why = check_path(hint.replace('\\"', '"'))
        if why:
            fail("hints", f"{where}: '{hint}'", "-", why)
    return f"hints: {checked} commands named in Sources/ and README.md checked against the command tree"


def main():
    global part2_summary, part3_summary
    print(part1())
    print(part2())
    print(part3())
    if failures:
        print("\nWhat ran differently from the README (tables SETUP, SUBSTITUTE, SPECIAL):")
        for n in notes:
            print("  " + n)
        print(f"\n{len(failures)} failure(s):")
        for part, example, command, output in failures:
            print(f"--- [{part}] {example}\n    command: {command}")
            for l in output.splitlines()[-15:]:
                print("    | " + l)
        sys.exit(1)


main()
PY

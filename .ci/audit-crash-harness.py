#!/usr/bin/env python3
"""Crash safety as a test (issue 16): write commands of every kind, each killed with SIGKILL at a random moment
in a share of the runs, then the book must hold: PRAGMA integrity_check, gapless unique invoice numbers, no
half-issued invoice, every statement imported completely or not at all, balances equal to the sum of payments,
and `kontor audit verify`. Bounded by --seconds (default 90); prints its counts; exit 1 on the first violation."""
import argparse, os, random, signal, sqlite3, subprocess, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("kontor")
parser.add_argument("--seconds", type=float, default=90)
parser.add_argument("--seed", type=int, default=int(time.time()))
parser.add_argument("--kill-share", type=float, default=0.4)
args = parser.parse_args()
rng = random.Random(args.seed)
work = tempfile.mkdtemp(prefix="kontor-crash-")
db = os.path.join(work, "book.sqlite")
env = dict(os.environ, KONTOR_DB=db, KONTOR_TODAY="2026-03-02", KONTOR_LANG="en")
counts = {"runs": 0, "killed": 0, "failed": 0}
durations = {}
statements = {}  # source file name -> rows in it


def run(argv, kill=False, today=None):
    """Runs kontor; with kill, sends SIGKILL after a random share of the command's usual duration."""
    e = dict(env, KONTOR_TODAY=today) if today else env
    kind = argv[0]
    start = time.monotonic()
    process = subprocess.Popen([args.kontor] + argv, env=e, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    counts["runs"] += 1
    if kill:
        delay = rng.uniform(0, durations.get(kind, 0.3) * 1.2)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            counts["killed"] += 1
            return None
    out, err = process.communicate()
    if process.returncode != 0:
        counts["failed"] += 1
        return None
    durations[kind] = 0.8 * durations.get(kind, time.monotonic() - start) + 0.2 * (time.monotonic() - start)
    return out


def fail(message):
    print(f"crash harness: FAILED (seed {args.seed}): {message}", file=sys.stderr)
    print(f"crash harness: book kept in {work}", file=sys.stderr)
    sys.exit(1)


def statement(index):
    """A DKB CSV statement with 3–12 rows that no other statement has."""
    name = f"konto-{index}.csv"
    rows = rng.randint(3, 12)
    lines = ['"Girokonto";"DE02120300000000202051"', '', '"Kontostand vom 01.03.2026:";"100,00 €"', '""',
             '"Buchungsdatum";"Wertstellung";"Status";"Zahlungspflichtige*r";"Zahlungsempfänger*in";'
             '"Verwendungszweck";"Umsatztyp";"IBAN";"Betrag (€)";"Gläubiger-ID";"Mandatsreferenz";"Kundenreferenz"']
    for row in range(rows):
        lines.append(f'"01.03.26";"01.03.26";"Gebucht";"Kundin {index}";"Lena";"Honorar {index}-{row}";"Eingang";'
                     f'"DE89370400440532013000";"{rng.randint(1, 900)},{rng.randint(10, 99)}";"";"";""')
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    statements[name] = rows
    return os.path.join(work, name)


def check():
    con = sqlite3.connect(db)
    if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        fail("integrity_check")
    numbers = sorted(n for (n,) in con.execute("SELECT number FROM invoice WHERE number IS NOT NULL"))
    if numbers != [f"2026-{i:04d}" for i in range(1, len(numbers) + 1)]:
        fail(f"numbers not gapless: {numbers[:5]}…")
    counter = con.execute("SELECT value FROM numberCounter WHERE series = '2026'").fetchone()
    if len(numbers) != (counter[0] if counter else 0):
        fail(f"{len(numbers)} issued invoices but the counter says {counter}")
    half = con.execute("""SELECT COUNT(*) FROM invoice i WHERE number IS NOT NULL AND (issueDate IS NULL
        OR grossCents IS NULL OR NOT EXISTS (SELECT 1 FROM invoiceBalance b WHERE b.invoiceId = i.id)
        OR NOT EXISTS (SELECT 1 FROM invoiceLine l WHERE l.invoiceId = i.id))""").fetchone()[0]
    if half:
        fail(f"{half} half-issued invoices")
    for name, rows in con.execute("SELECT sourceFile, COUNT(*) FROM bankEntry GROUP BY sourceFile"):
        if os.path.basename(name) in statements and rows != statements[os.path.basename(name)]:
            fail(f"statement {name}: {rows} of {statements[os.path.basename(name)]} entries")
    wrong = con.execute("""SELECT COUNT(*) FROM invoiceBalance b WHERE paidCents <> (SELECT COALESCE(SUM(amountCents
        - toCostsCents - toInterestCents), 0) FROM payment p WHERE p.invoiceId = b.invoiceId)""").fetchone()[0]
    if wrong:
        fail(f"{wrong} balances differ from their payments")
    imported = con.execute("SELECT COUNT(DISTINCT sourceFile) FROM bankEntry").fetchone()[0]
    con.close()
    verify = subprocess.run([args.kontor, "audit", "verify"], env=env, capture_output=True, text=True)
    if verify.returncode != 0:
        fail("audit verify: " + verify.stdout + verify.stderr)
    return len(numbers), imported


run(["init", "--name", "Lena Schreiber", "--street", "Lindenstraße 12", "--postal-code", "50674", "--city", "Köln",
     "--state", "NW", "--iban", "DE89 3704 0044 0532 0130 00", "--tax-number", "214/5678/1234"])
run(["customer", "add", "--name", "Agentur Blickfang GmbH", "--street", "Ehrenstraße 44", "--postal-code", "50672",
     "--city", "Köln", "--state", "NW", "--email", "jana@blickfang.de"])
deadline = time.monotonic() + args.seconds
kinds = {k: 0 for k in ("issue", "payment", "import", "remind", "customer")}
index = 0
while time.monotonic() < deadline:
    index += 1
    kind = rng.choice(list(kinds))
    kill = index > 5 and rng.random() < args.kill_share
    kinds[kind] += 1
    if kind == "issue":
        draft = run(["invoice", "draft", "--customer", "1", "--json"])
        if draft is None:
            continue
        draft_id = draft.split('"id"')[1].split(",")[0].strip(" :\n")
        run(["invoice", "add-line", draft_id, "--description", f"Artikel {index}", "--price", f"{rng.randint(1, 900)},00"])
        run(["invoice", "issue", draft_id], kill=kill)
    elif kind == "payment":
        con = sqlite3.connect(db)
        open_ = con.execute("SELECT i.number FROM invoice i JOIN invoiceBalance b ON b.invoiceId = i.id "
                            "WHERE b.openCents > 100 ORDER BY random() LIMIT 1").fetchone()
        con.close()
        if open_:
            run(["payment", "add", open_[0], "--amount", "1,00"], kill=kill)
    elif kind == "import":
        run(["import", "file", statement(index)], kill=kill)
    elif kind == "remind":
        run(["remind", "run"], kill=kill, today=f"2026-{rng.randint(4, 9):02d}-15")
    else:
        run(["customer", "add", "--name", f"Kunde {index}", "--email", f"k{index}@example.de"], kill=kill)
    if index % 25 == 0:
        check()

issued, imported = check()
print(f"crash harness: {counts['runs']} commands ({', '.join(f'{k} {v}' for k, v in kinds.items())}), "
      f"{counts['killed']} killed with SIGKILL, {counts['failed']} refused; {issued} invoices gapless, "
      f"{imported} statements imported whole and {len(statements) - imported} not at all, integrity ok, "
      f"audit chain verifies (seed {args.seed})")
subprocess.run(["rm", "-rf", work])

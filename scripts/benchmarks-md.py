#!/usr/bin/env python3
"""Writes BENCHMARKS.md from kontor-bench JSON files and the output of scripts/web-bench.sh.

    swift run -c release kontor-bench --scale 1 --json /tmp/bench1.json       (likewise 10 and 100)
    scripts/web-bench.sh 10 8 15 > /tmp/webbench.log
    scripts/benchmarks-md.py /tmp/bench1.json /tmp/bench10.json /tmp/bench100.json /tmp/webbench.log > BENCHMARKS.md

The section "Against the tools people use instead" comes from the JSON lines scripts/peers.sh records under
benchmarks/ (the peers', Kontor's and the run's details). `--peers PEERS KONTOR META` adds it to a whole file;
with `--update FILE` only that section of FILE is written (replaced, or put before "Against the targets"), the
rest of the file stays as it is:

    scripts/benchmarks-md.py --peers benchmarks/peers.jsonl benchmarks/peers-kontor.jsonl benchmarks/peers-meta.json \
        --update BENCHMARKS.md
"""
import json
import re
import sys


def load(path):
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return None


def is_page(m):
    return m["operation"].startswith("page ")


def table(report):
    lines = [f"Book: {report['customers']:,} customers, {report['invoices']:,} invoices.\n",
             "| operation | count | total ms | µs per op | ops/s |", "|---|---:|---:|---:|---:|"]
    for m in report["measurements"]:
        if is_page(m):
            continue
        lines.append(f"| {m['operation']} | {m['count']:,} | {m['totalMilliseconds']:.1f} | "
                     f"{m['perOperationMicroseconds']:.1f} | {m['operationsPerSecond']:.0f} |")
    return "\n".join(lines)


def pages(reports):
    """One row per web page: the first request after start and the mean of the repeated ones, per scale."""
    names, first, mean = [], {}, {}
    for scale, report in reports:
        for m in (report or {}).get("measurements", []):
            if not is_page(m):
                continue
            match = re.match(r"page (.*), first request \((\d+) KB\)$", m["operation"])
            if match:
                name = match.group(1)
                first[(scale, name)] = (m["totalMilliseconds"], int(match.group(2)))
            else:
                name = m["operation"][len("page "):]
                mean[(scale, name)] = m["perOperationMicroseconds"] / 1000
            if name not in names:
                names.append(name)
    scales = [scale for scale, report in reports if report]
    if not names:
        return None
    header = "| page | " + " | ".join(f"scale {s}: first / mean ms (KB)" for s in scales) + " |"
    lines = [header, "|---|" + "---:|" * len(scales)]
    for name in names:
        cells = []
        for scale in scales:
            f, m = first.get((scale, name)), mean.get((scale, name))
            cells.append(f"{f[0]:.1f} / {m:.1f} ({f[1]:,})" if f and m is not None else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    residents = [f"scale {s}: {r['residentMiBAfterPages']:.0f} MiB" for s, r in reports
                 if r and r.get("residentMiBAfterPages")]
    if residents:
        lines.append("\nResident memory of the benchmark process after every page was requested: "
                     + ", ".join(residents) + " (the process also holds the book's caches and the benchmark's data).")
    return "\n".join(lines)


def measurement(report, operation):
    for m in (report or {}).get("measurements", []):
        if m["operation"] == operation:
            return m
    return None


def web(log_path):
    try:
        text = open(log_path).read()
    except OSError:
        return None
    rows = []
    for block in text.split("== GET ")[1:]:
        path = block.split(" (")[0]
        size = re.search(r"\((\d+) bytes\)", block)
        rps = re.search(r"Requests/sec:\s+([\d.]+)", block)
        p50 = re.search(r"\s50%\s+([\d.]+\w+)", block)
        p99 = re.search(r"\s99%\s+([\d.]+\w+)", block)
        if rps and p99:
            rows.append((path, size.group(1) if size else "?", float(rps.group(1)), p50.group(1), p99.group(1)))
    rss = re.search(r"server RSS after the runs: (\d+) KiB", text)
    return rows, (int(rss.group(1)) if rss else None)


# ---------------------------------------------------------------- against the peers ----------------------------------

PEERS_HEADING = "## Against the tools people use instead"

# (what, peer figures (their medians are added up), Kontor's figure, DESIGN.md's target, footnote number or None)
PEER_ROWS = [
    ("1-page invoice PDF", ["weasyprint_invoice_1page_pdf"], "kontor_invoice_1page_pdf", "≥ 150×", 1),
    ("1-page invoice PDF/A-3b", ["weasyprint_invoice_1page_pdfa3b"], "kontor_invoice_1page_pdf", "", 1),
    ("10-page invoice PDF (400 lines)", ["weasyprint_invoice_10page_pdf"], "kontor_invoice_10page_pdf", "≥ 300×", 1),
    ("CII XML (EN 16931, 6 lines, 2 VAT rates)", ["drafthorse_cii_en16931_build_serialize"], "kontor_cii_en16931",
     "≥ 100×", 2),
    ("CII XML, drafthorse with its XSD check", ["drafthorse_cii_en16931_build_serialize_xsd"], "kontor_cii_en16931",
     "", 2),
    ("ZUGFeRD invoice: PDF/A-3b + CII XML + embedding",
     ["weasyprint_invoice_1page_pdfa3b", "drafthorse_cii_en16931_build_serialize", "facturx_embed_xml_in_pdf"],
     "kontor_zugferd_1page", "≥ 150×", 3),
    ("ZUGFeRD: factur-x embedding alone (XSD check)", ["facturx_embed_xml_in_pdf"], "kontor_zugferd_1page", "", 3),
    ("ZUGFeRD: factur-x embedding alone (no XSD check)", ["facturx_embed_xml_in_pdf_noxsd"], "kontor_zugferd_1page",
     "", 3),
    ("MT940, 10,000 entries, parse", ["mt940_parse_10k"], "kontor_mt940_parse_10k", "≥ 20×", None),
    ("camt.053, 100,000 entries, parse: camt053 whole document", ["camt053_parse_document_100k"],
     "kontor_camt053_parse_100k", "", 4),
    ("camt.053 parse: camt053 streaming entries", ["camt053_iter_entries_100k"], "kontor_camt053_parse_100k", "", 4),
    ("camt.053 parse: lxml iterparse, 11 fields per entry", ["lxml_iterparse_fields_100k"],
     "kontor_camt053_parse_100k", "", 4),
    ("camt.053 parse: lxml iterparse, nothing read", ["lxml_iterparse_minimal_100k"], "kontor_camt053_parse_100k",
     "", 4),
    ("camt.053 parse + match + store (Kontor) vs lxml iterparse, 11 fields", ["lxml_iterparse_fields_100k"],
     "kontor_camt053_import_100k", "faster, < 1 s", 5),
    ("camt.053 parse + match + store (Kontor) vs lxml iterparse, nothing read", ["lxml_iterparse_minimal_100k"],
     "kontor_camt053_import_100k", "faster, < 1 s", 5),
    ("EPC QR matrix (GiroCode)", ["segno_epc_qr_matrix"], "kontor_epc_qr_matrix", "≥ 50×", 6),
    ("EPC QR as SVG", ["segno_epc_qr_svg"], None, "", 6),
]

TO_SECONDS = {"s": 1.0, "ms": 1e-3, "µs": 1e-6}


def jsonl(path):
    figures = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                figure = json.loads(line)
                figures[figure["name"]] = figure
    return figures


def seconds(figure, key="median"):
    """A figure's value as seconds per run (a rate is turned back into the time for its entries)."""
    if figure["unit"] in TO_SECONDS:
        return figure[key] * TO_SECONDS[figure["unit"]]
    entries = float(figure.get("entries", 0))
    other = {"min": "max", "max": "min"}.get(key, key)  # the highest rate is the shortest time
    return entries / figure[other] if entries and figure[other] else float("nan")


def show(value):
    """Seconds in the unit that suits them, 3 significant digits."""
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if value >= scale or unit == "µs":
            shown = value / scale
            return f"{shown:,.{max(0, 2 - len(str(int(shown))) + 1)}f} {unit}"
    return "?"


def spread(figure):
    return f"{show(seconds(figure))} ({show(seconds(figure, 'min'))}–{show(seconds(figure, 'max'))}, n={figure['n']})"


def rss(figure):
    value = figure.get("rss_mib")
    return f"{float(value):.0f}" if value not in (None, "") else "–"


def wrap(text):
    import textwrap
    return textwrap.fill(text, width=118, break_long_words=False, break_on_hyphens=False)


def busy(meta):
    """A warning when other work shared the machine: both sides were slowed, by different amounts."""
    try:
        load, cpus = float(str(meta.get("load_average_before", "")).split()[0]), int(meta.get("cpus") or 1)
    except (IndexError, ValueError):
        return ""
    if load < cpus / 2:
        return ""
    return (" — other work shared the machine, so both sides ran slower than on a quiet one and the spreads are "
            "wide; the ratios are the figures to read, and they are rougher than usual")


def peers_section(peers_path, kontor_path, meta_path):
    peers, kontor = jsonl(peers_path), jsonl(kontor_path)
    try:
        meta = json.load(open(meta_path))
    except (OSError, ValueError):
        meta = {}
    versions = {}
    for figure in peers.values():
        versions.setdefault(figure.get("version", "?"), []).append(figure["name"])
    out = [PEERS_HEADING, ""]
    out.append(wrap(
        f"`{meta.get('command', 'scripts/peers.sh')}` on {meta.get('date', '?')} (commit {meta.get('commit', '?')}): "
        f"the peer benchmarks of `../shared/peers/` and then `kontor-bench --peers DIR`, on the same input files "
        f"(`peerlib.py --dump DIR`), one after the other in one run, both pinned with `{meta.get('pinned', '?')}`, "
        f"release build; {meta.get('cpus', '?')} cores ({meta.get('cpu_model', '?')}), {meta.get('swift', '')}, "
        f"load average {meta.get('load_average_before', '?')} before the run{busy(meta)}. "
        f"Wall-clock medians, with min–max and the number of runs; peak RSS in MiB per process (Kontor: one process "
        f"per group of rows; a sum row lists each peer's). Written from `benchmarks/peers.jsonl`, `benchmarks/peers-kontor.jsonl` and "
        f"`benchmarks/peers-meta.json` by `scripts/benchmarks-md.py`."))
    out.append("")
    out.append("| what | peer: median (min–max, runs) | Kontor: median (min–max, runs) | Kontor faster | target "
               "| RSS MiB peer / Kontor |")
    out.append("|---|---|---|---:|---|---|")
    for label, names, mine, target, note in PEER_ROWS:
        theirs = [peers.get(n) for n in names]
        ours = kontor.get(mine) if mine else None
        label_shown = label + (f" [{note}]" if note else "")
        if any(t is None for t in theirs):
            continue
        if len(theirs) == 1:
            peer_cell = f"{spread(theirs[0])}"
            peer_rss = rss(theirs[0])
        else:
            peer_cell = show(sum(seconds(t) for t in theirs)) + " (sum of the medians)"
            peer_rss = "/".join(rss(t) for t in theirs)
        peer_time = sum(seconds(t) for t in theirs)
        if ours is None:
            out.append(f"| {label_shown} | {peer_cell} | – (none in Kontor) | – | {target} | {peer_rss} / – |")
            continue
        ratio = peer_time / seconds(ours)
        shown = f"{ratio:,.1f}" if ratio >= 1 else f"{ratio:.2f}"
        out.append(f"| {label_shown} | {peer_cell} | {spread(ours)} | **{shown}×** | {target} "
                   f"| {peer_rss} / {rss(ours)} |")
    out.append("")
    out.append(wrap("Peers: " + "; ".join(sorted(versions)) + "."))
    out.append("")
    facts = []
    for name, what in (("kontor_invoice_1page_pdf", "1-page PDF"), ("kontor_invoice_10page_pdf", "400-line PDF")):
        if name in kontor and "pages" in kontor[name]:
            facts.append(f"Kontor's {what}: {kontor[name]['pages']} page(s), {int(kontor[name]['pdf_bytes']):,} bytes")
    for name, what in (("weasyprint_invoice_1page_pdf", "WeasyPrint's 1-page PDF"),
                       ("weasyprint_invoice_10page_pdf", "WeasyPrint's 400-line PDF")):
        if name in peers:
            figure = peers[name]
            facts.append(f"{what}: {figure.get('pages', '?')} page(s), {int(figure.get('pdf_bytes', 0)):,} bytes")
    if "kontor_camt053_import_100k" in kontor:
        k = kontor["kontor_camt053_import_100k"]
        facts.append(f"camt import: {k.get('applied', '?')} payments booked, {k.get('queued', '?')} credits queued "
                     f"for review, {k.get('ignored', '?')} debits ignored, run with "
                     f"`{meta.get('pinned_import', meta.get('pinned', '?'))}` (it reads on one core while it stores "
                     f"on the other)")
    if "kontor_epc_qr_matrix" in kontor:
        k = kontor["kontor_epc_qr_matrix"]
        facts.append(f"EPC QR: version {k.get('qr_version')}-{k.get('error')}, {k.get('modules')} modules a side")
    if facts:
        out.append(wrap("Checks from the same run: " + "; ".join(facts) + "."))
    out.append("")
    notes = __file__.replace("benchmarks-md.py", "benchmarks-peers-notes.md")
    try:
        out.append(open(notes).read().rstrip())
    except OSError:
        pass
    return "\n".join(out).rstrip() + "\n"


def replace_peers_section(text, section):
    """`text` with its peers section replaced by `section`, or `section` put before "Against the targets"."""
    start = text.find(PEERS_HEADING)
    if start >= 0:
        end = text.find("\n## ", start + len(PEERS_HEADING))
        end = len(text) if end < 0 else end + 1
        return text[:start] + section + ("\n" if end < len(text) else "") + text[end:]
    anchor = text.find("## Against the targets")
    if anchor < 0:
        return text.rstrip() + "\n\n" + section
    return text[:anchor] + section + "\n" + text[anchor:]


def main():
    args = sys.argv[1:]
    peers = None
    if "--peers" in args:
        at = args.index("--peers")
        peers = peers_section(*args[at + 1:at + 4])
        del args[at:at + 4]
    if "--update" in args:
        at = args.index("--update")
        target = args[at + 1]
        if peers is None:
            sys.exit("benchmarks-md.py: --update needs --peers PEERS KONTOR META")
        with open(target) as f:
            text = f.read()
        with open(target, "w") as f:
            f.write(replace_peers_section(text, peers))
        return
    sys.argv[1:] = args
    b1, b10, b100 = (load(p) for p in sys.argv[1:4])
    web_result = web(sys.argv[4]) if len(sys.argv) > 4 else None
    out = [open(__file__.replace("benchmarks-md.py", "benchmarks-intro.md")).read().rstrip() + "\n"]
    for name, report in (("Scale 1", b1), ("Scale 10", b10), ("Scale 100", b100)):
        if report:
            out.append(f"## {name}\n\n{table(report)}\n")
    page_table = pages([(1, b1), (10, b10), (100, b100)])
    if page_table:
        out.append("## Every page, in-process\n\n`kontor-bench` requests every page through the real router and "
                   "templates (no network), after the imports, reminders and mail of the run: the first request "
                   "after the app is built, then the mean of 20 more, with one browser session.\n")
        out.append(page_table + "\n")
    if web_result:
        rows, rss = web_result
        out.append("## Web server (wrk, scale 10)\n\n`scripts/web-bench.sh 10 8 15`: release build, a kept scale-10 book, "
                   "`kontor serve` on 127.0.0.1, `wrk -t2 -c8 -d15s --latency` with one session cookie (as a browser "
                   "sends it), on the same 2 cores as the server.\n")
        out.append("| page | bytes | requests/s | p50 | p99 |\n|---|---:|---:|---:|---:|")
        for path, size, rps, p50, p99 in rows:
            out.append(f"| `GET {path}` | {int(size):,} | {rps:,.0f} | {p50} | {p99} |")
        if rss:
            out.append(f"\nServer RSS after the runs: {rss / 1024:.0f} MiB.\n")
    if peers:
        out.append(peers.rstrip() + "\n")
    targets = [
        ("1-page invoice PDF", "< 2 ms", b1, "invoice PDF, 1 page", 1 / 1000, "ms"),
        ("10-page invoice PDF (400 lines)", "< 40 ms", b1, "invoice PDF, 400 lines", 1 / 1000, "ms"),
        ("CII XML, 6 lines, 2 VAT rates", "< 90 µs", b1, "CII XML, 6 lines, 2 VAT rates", 1, "µs"),
        ("`today`, scale 100", "< 5 ms", b100, "today (morning list)", 1 / 1000, "ms"),
        ("dunning run over all open invoices, scale 100", "< 1 s", b100, "remind (all open invoices)", 1 / 1000, "ms"),
        ("camt.053 with 100,000 entries, parse + match + store", "< 0.5 s", b1,
         "import camt.053, 100,000 entries", 100000 / 1000, "ms"),
        ("planning 10,000 open jobs", "< 100 ms", b1, "plan 10,000 open jobs", 1 / 1000, "ms"),
    ]
    out.append("## Against the targets (DESIGN.md)\n\n| operation | target | measured |\n|---|---|---|")
    for label, target, report, operation, scale, unit in targets:
        m = measurement(report, operation)
        if m:
            out.append(f"| {label} | {target} | {m['perOperationMicroseconds'] * scale:.1f} {unit} |")
    if web_result and web_result[0]:
        path, _, rps, _, p99 = web_result[0][0]
        out.append(f"| Heute page, scale 10, wrk on 127.0.0.1 | > 5,000 req/s, p99 < 20 ms | {rps:,.0f} req/s, p99 {p99} |")
    out.append("")
    out.append(open(__file__.replace("benchmarks-md.py", "benchmarks-notes.md")).read().rstrip() + "\n")
    print("\n".join(out))


if __name__ == "__main__":
    main()

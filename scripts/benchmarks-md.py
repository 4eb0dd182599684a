#!/usr/bin/env python3
"""Writes BENCHMARKS.md from kontor-bench JSON files and the output of scripts/web-bench.sh.

    swift run -c release kontor-bench --scale 1 --json /tmp/bench1.json       (likewise 10 and 100)
    scripts/web-bench.sh 10 8 15 > /tmp/webbench.log
    scripts/benchmarks-md.py /tmp/bench1.json /tmp/bench10.json /tmp/bench100.json /tmp/webbench.log > BENCHMARKS.md
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


def main():
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

#!/usr/bin/env bash
# Kontor against the tools people use instead (issue 15, DESIGN.md performance): runs the peer benchmarks of
# ../shared/peers (WeasyPrint, drafthorse, factur-x, mt-940, camt053, lxml, segno) and then `kontor-bench --peers`
# on the very same input files, one after the other (never both at once: the machine has 2 cores), each pinned to
# core 0 with taskset, release build. Records the JSON lines under benchmarks/ and rewrites the section
# "Against the tools people use instead" of BENCHMARKS.md from them (scripts/benchmarks-md.py; nothing typed by hand).
#   scripts/peers.sh            about 4 minutes plus the release build; the peers' venv is built on first use
# Environment: KONTOR_PEERS (default ../shared/peers), KONTOR_PEERS_OUT (default benchmarks), KONTOR_PEERS_CPU (0).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
peers="${KONTOR_PEERS:-$root/../shared/peers}"
out="${KONTOR_PEERS_OUT:-$root/benchmarks}"
cpu="${KONTOR_PEERS_CPU:-0}"
[ -x "$peers/run-all" ] || { echo "peers.sh: no peer benchmarks at $peers (set KONTOR_PEERS)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "peers.sh: python3 is needed" >&2; exit 2; }
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c "$cpu"); else echo "peers.sh: no taskset, not pinned" >&2; fi

echo "peers.sh: building kontor-bench (release)" >&2
swift build -c release --product kontor-bench >&2
bench="$(swift build -c release --show-bin-path)/kontor-bench"

work="$(mktemp -d /tmp/kontor-peers.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# The inputs as files, written by the same functions the peer scripts build them with in memory.
python3 -B "$peers/peerlib.py" --dump "$work/inputs" >&2

load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)"
echo "peers.sh: peers (${pin[*]:-unpinned}; load average $load)" >&2
status=0
"${pin[@]}" "$peers/run-all" >"$work/peers.jsonl" || { echo "peers.sh: a peer benchmark failed" >&2; status=1; }
echo "peers.sh: Kontor (${pin[*]:-unpinned})" >&2
# One process per group, as each peer script is its own process: every peak RSS is then that group's alone.
: >"$work/kontor.jsonl"
# The import reads and weighs a statement on one core while it stores on another (Kontor.importStatement), so it
# gets every core; the figures say so.
all_cores=()
if [ ${#pin[@]} -gt 0 ]; then all_cores=(taskset -c "0-$(( $(nproc) - 1 ))"); fi
for group in documents mt940 camt-parse camt-import qr; do
    echo "peers.sh: kontor-bench --peers --only $group" >&2
    run=("${pin[@]}")
    if [ "$group" = camt-import ]; then run=("${all_cores[@]}"); fi
    "${run[@]}" "$bench" --peers "$work/inputs" --only "$group" --json "$work/kontor-$group.jsonl" >/dev/null
    cat "$work/kontor-$group.jsonl" >>"$work/kontor.jsonl"
done

mkdir -p "$out"
cp "$work/peers.jsonl" "$out/peers.jsonl"
cp "$work/kontor.jsonl" "$out/peers-kontor.jsonl"
python3 - "$out/peers-meta.json" "${pin[*]:-unpinned}" "$load" "${all_cores[*]:-unpinned}" <<'EOF'
import json, os, platform, subprocess, sys, time
def run(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""
meta = {
    "command": "scripts/peers.sh",
    "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    "pinned": sys.argv[2],
    "cpus": os.cpu_count(),
    "cpu_model": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), ""),
    "kernel": platform.release(),
    "swift": (run("swift", "--version").splitlines() or [""])[0],
    "commit": run("git", "rev-parse", "--short", "HEAD"),
    "load_average_before": sys.argv[3],
    "pinned_import": sys.argv[4],
}
json.dump(meta, open(sys.argv[1], "w"), indent=1, ensure_ascii=False)
open(sys.argv[1], "a").write("\n")
EOF
python3 scripts/benchmarks-md.py --peers "$out/peers.jsonl" "$out/peers-kontor.jsonl" "$out/peers-meta.json" \
    --update BENCHMARKS.md
echo "peers.sh: wrote $out/peers.jsonl, $out/peers-kontor.jsonl, $out/peers-meta.json and BENCHMARKS.md" >&2
exit $status

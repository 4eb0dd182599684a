#!/usr/bin/env bash
# Fuzzes every parser a user can feed with libFuzzer (+ AddressSanitizer), seeded from ../shared.
#
#   scripts/fuzz.sh [seconds per target] [target …]      default: 300 s, every target (kontor-fuzz list, web-form)
#
# Builds `kontor-fuzz` with `--sanitize=fuzzer --sanitize=address -DFUZZING` into .build/fuzz (the normal
# .build/debug stays as it is), then runs each target for the given time. Each target keeps its growing corpus in
# .build/fuzz-work/corpus/TARGET. A crash, a hang (> 10 s for one input) or an input that takes more than 256 MiB
# in one allocation or 1 GiB in all (ASan's own memory included) stops that target; the input is written to
# .build/fuzz-work/artifacts/TARGET/. Check it in under Tests/Fuzz/regressions/TARGET/ and add a test that names
# the crash class (see Tests/*/Fuzz/), then fix the parser. Replay with a normal build:
#   swift build --product kontor-fuzz && .build/debug/kontor-fuzz TARGET FILE…
# Exit status: 0 when every target ran its time without a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true
work=.build/fuzz-work
mkdir -p "$work"
shared="${KONTOR_SHARED:-../shared}"

echo "fuzz: building kontor-fuzz with libFuzzer and ASan (.build/fuzz) …"
build_start=$(date +%s)
# The coverage that guides libFuzzer is asked for explicitly: with --sanitize=fuzzer alone, some clean builds here
# came out without counters in the package's modules (libFuzzer then ran blind: "no interesting inputs … Is the
# code instrumented?"), two builds with the same command differing. Linked with lld (ld.gold lost them too).
swift build --product kontor-fuzz --build-path .build/fuzz --sanitize=fuzzer --sanitize=address \
    -Xswiftc -DFUZZING -Xswiftc -use-ld=lld -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
    2>&1 | grep -E "error|warning: |Compiling kontor-fuzz|complete" || true
binary=.build/fuzz/debug/kontor-fuzz
[ -x "$binary" ] || { echo "fuzz: build failed" >&2; exit 1; }
if command -v readelf >/dev/null && ! readelf -S "$binary" | grep -q __sancov_cntrs; then
    echo "fuzz: WARNING: $binary has no coverage counters; libFuzzer runs without guidance (inputs still run under ASan)"
fi
# The web app's form decoding needs no server: its two Foundation-only sources are compiled with the harness.
web=.build/fuzz/kontor-fuzz-web
if ! swiftc -sanitize=fuzzer,address -use-ld=lld -parse-as-library -module-name KontorWebFuzz -o "$web" \
    Tests/Fuzz/WebForm/WebFormFuzz.swift Sources/KontorWeb/Support/FormData.swift \
    Sources/KontorWeb/Support/MultipartForm.swift 2>"$work.web-build.log"; then
    echo "fuzz: web-form not built (FormData/MultipartForm no longer compile on their own; see $work.web-build.log)"
    web=""
fi
echo "fuzz: built in $(( $(date +%s) - build_start )) s"

# Seeds: the real fixtures, the e-invoice test suite, generated ZUGFeRD PDFs and vCards, and every checked-in
# regression input.
seeds="$work/seeds"
rm -rf "$seeds"
all=($("$binary" list))
[ -z "$web" ] || all+=(web-form)
for target in "${all[@]}"; do
    mkdir -p "$seeds/$target" "$work/corpus/$target" "$work/artifacts/$target"
    [ ! -d "Tests/Fuzz/seeds/$target" ] || cp Tests/Fuzz/seeds/"$target"/* "$seeds/$target/"
done
bank="$shared/fixtures/bank"
cp "$bank"/*.xml "$seeds/camt/" 2>/dev/null || true
cp "$bank"/*.zip "$seeds/camt-zip/" 2>/dev/null || true
cp "$bank"/*.sta "$bank"/*.mta "$seeds/mt940/" 2>/dev/null || true
cp "$bank"/*.csv "$seeds/csv/" 2>/dev/null || true
cp "$bank"/*.xml "$bank"/*.zip "$bank"/*.sta "$bank"/*.csv "$seeds/bank-detect/" 2>/dev/null || true
suite=$(ls "$shared"/einvoice/testsuite/*.tar.xz 2>/dev/null | head -1 || true)
if [ -n "$suite" ]; then
    mkdir -p "$work/suite"
    tar -xJf "$suite" -C "$work/suite"
    find "$work/suite" -name "*_uncefact.xml" -o -name "*-cii.xml" -o -name "*_cii.xml" | head -40 \
        | while read -r f; do cp "$f" "$seeds/cii/"; done
    find "$work/suite" -name "*_ubl.xml" | head -40 | while read -r f; do cp "$f" "$seeds/ubl/"; done
    for f in $(ls "$seeds/cii/" | head -5); do
        "$binary" make-zugferd "$seeds/cii/$f" "$seeds/zugferd/${f%.xml}.pdf" >/dev/null
    done
fi
"$binary" make-vcards "$seeds/vcard" >/dev/null
cp Tests/KontorMailTests/Fixtures/*.eml "$seeds/eml/" 2>/dev/null || true
awk 'FNR == 1 { print "From kontor@fuzz Thu Jan  1 00:00:00 2026" } { print }' Tests/KontorMailTests/Fixtures/*.eml \
    >"$seeds/mbox/fixtures.mbox" 2>/dev/null || true
printf '%s\n' "1.234,56" "-0,01" "€ 40" "1,234.56" "12,5" "2026-03-15" "15.03.2026" "DE89 3704 0044 0532 0130 00" \
    | nl -nln | while read -r n value; do printf '%s' "$value" > "$seeds/amount-date/$n"; done

# Leaks at exit come from Foundation's XMLParser (a few hundred bytes per document), not from the parsers' limits.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
failed=0
for target in "${targets[@]}"; do
    log="$work/$target.log"
    regressions="Tests/Fuzz/regressions/$target"
    dirs=("$work/corpus/$target" "$seeds/$target")
    [ -d "$regressions" ] && dirs+=("$regressions")
    set +e
    started=$(date +%s)
    if [ "$target" = web-form ]; then command=("$web"); else command=("$binary" "$target"); fi
    seed=()
    [ -z "${FUZZ_SEED:-}" ] || seed=(-seed="$FUZZ_SEED")
    # FUZZ_RUNS: a fixed number of inputs per target, so that a seeded run is the same on any machine
    # (the time given stays the cap).
    [ -z "${FUZZ_RUNS:-}" ] || seed+=(-runs="$FUZZ_RUNS")
    "${command[@]}" "${seed[@]}" -max_total_time="$seconds" -timeout=10 -malloc_limit_mb=256 -rss_limit_mb=1024 \
        -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$work/artifacts/$target/" "${dirs[@]}" >"$log" 2>&1
    status=$?
    took=$(( $(date +%s) - started ))
    set -e
    runs=$(grep -Eo "stat::number_of_executed_units: *[0-9]+" "$log" | grep -Eo "[0-9]+$" | tail -1 || true)
    coverage=$(grep -Eo "cov: [0-9]+" "$log" | tail -1 | grep -Eo "[0-9]+" || true)
    if [ $status -eq 0 ]; then
        echo "fuzz: $target: ${runs:-?} runs in ${took} s (cap ${seconds} s), coverage ${coverage:-?} edges, no finding"
    else
        failed=1
        echo "fuzz: $target: FINDING after ${runs:-?} runs (exit $status); input in $work/artifacts/$target/"
        grep -E "ERROR: |Fatal error|SUMMARY|==[0-9]+==|Test unit written" "$log" | head -8 | sed 's/^/    /'
    fi
done
exit $failed

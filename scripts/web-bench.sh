#!/usr/bin/env bash
# The web benchmark of BENCHMARKS.md: requests per second and p99 latency of every page of the web app on a
# synthetic book (scale 10 by default), measured with wrk (Debian package `wrk`) on 127.0.0.1 against the release
# build, and the server's resident memory after every page has been visited.
#   scripts/web-bench.sh [scale] [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-10}"
connections="${2:-8}"
seconds="${3:-15}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

swift build -c release --product kontor-bench >/dev/null
swift build -c release --product kontor >/dev/null
folder="$(mktemp -d)"
port=8097
trap 'kill "$server" 2>/dev/null || true; rm -rf "$folder"' EXIT
.build/release/kontor-bench --scale "$scale" --keep "$folder/book.sqlite"
.build/release/kontor serve --db "$folder/book.sqlite" --port "$port" >"$folder/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
# One browser session, as a person has: the cookie of the first answer goes with every request.
cookie="$(curl -s -D - -o /dev/null "http://127.0.0.1:$port/" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \([^;]*\).*/\1/p' | head -1)"
pages=(
    "/" "/inquiries" "/inquiries/new" "/customers" "/customers?q=Kunde%201" "/customers/17" "/quotes" "/jobs"
    "/jobs?all=1" "/agenda" "/invoices" "/invoices?filter=all&page=40" "/invoices/1" "/received-invoices"
    "/payments" "/dunning" "/dunning/calculator" "/reports" "/mail" "/mail/import" "/mail/settings" "/settings"
)
for path in "${pages[@]}"; do
    echo "== GET $path ($(curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port$path" | wc -c) bytes)"
    curl -s -o /dev/null -w "   status %{http_code}\n" -H "Cookie: $cookie" "http://127.0.0.1:$port$path"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path" \
        | grep -E "Requests/sec|Latency  |  50%|  99%|requests in|Non-2xx"
done
echo "server RSS after the runs: $(ps -o rss= -p "$server" | tr -d ' ') KiB"

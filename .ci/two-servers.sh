#!/usr/bin/env bash
# Two `kontor serve` processes on one PostgreSQL book, as an agency runs them behind one address: a login on one is
# valid on the other, and a write on one is on the other's Heute at the next request. A PostgreSQL cluster of its
# own on 127.0.0.1 (Debian's postgresql package), removed at the end.
# Usage: bash .ci/two-servers.sh PATH/TO/kontor
set -euo pipefail
trap 'echo "two-servers: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
KONTOR=$(realpath "$1")
WORK=$(mktemp -d)
chmod 711 "$WORK"  # the postgres OS user reaches its cluster folder inside
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -f "$WORK/pg/data/postmaster.pid" ]; then kill -INT "$(head -1 "$WORK/pg/data/postmaster.pid")" 2>/dev/null || true; fi
    sleep 1
    rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$WORK/pg"
as_postgres=()
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK/pg"; as_postgres=(runuser -u postgres --); fi
"${as_postgres[@]}" "$bin/initdb" -D "$WORK/pg/data" -U kontor --auth=trust --no-locale -E UTF8 --no-sync >/dev/null
pg_port=$(free_port)
"${as_postgres[@]}" "$bin/postgres" -D "$WORK/pg/data" -k "$WORK/pg" -h 127.0.0.1 -p "$pg_port" -c fsync=off \
    >"$WORK/pg.log" 2>&1 &
for _ in $(seq 300); do "$bin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q && break; sleep 0.1; done
"$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U kontor kontor
export KONTOR_DATABASE_URL="postgres://kontor@127.0.0.1:$pg_port/kontor" KONTOR_TODAY=2026-03-02 LANG=C.UTF-8
unset KONTOR_DB

"$KONTOR" init --name "Lena Schreiber" --street "Lindenstraße 12" --postal-code 50674 --city Köln >/dev/null
printf 'ein-langes-passwort\n' | "$KONTOR" user set-password --name lena >/dev/null

ports=()
for name in a b; do
    port=$(free_port)
    "$KONTOR" serve --host 0.0.0.0 --port "$port" --allowed-host kontor.test >"$WORK/serve-$name.log" 2>&1 &
    pids+=($!)
    ports+=("$port")
done
for port in "${ports[@]}"; do
    for _ in $(seq 300); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: kontor.test' "http://127.0.0.1:$port/login")" = 200 ] && break
        sleep 0.1
    done
done
a="http://127.0.0.1:${ports[0]}"
b="http://127.0.0.1:${ports[1]}"
get() { curl -s -b "$WORK/jar" -c "$WORK/jar" -H 'Host: kontor.test' -H 'Accept-Language: de' "$@"; }
csrf() { grep -o 'name="_csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//;s/"//'; }

# A login on A …
token=$(get "$a/login" | csrf)
status=$(get -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$token" --data-urlencode user=lena \
    --data-urlencode password=ein-langes-passwort --data-urlencode next=/ "$a/login")
[ "$status" = 303 ] || { echo "two-servers: the login on A answered $status"; exit 1; }
# … is valid on B.
status=$(get -o "$WORK/heute-before.html" -w '%{http_code}' "$b/")
[ "$status" = 200 ] || { echo "two-servers: B answered $status to A's session (expected 200)"; exit 1; }
! grep -q "Speisekarte texten" "$WORK/heute-before.html"
# B listens to the book's changes from its first page on and keeps its Heute from now.
sleep 1
get "$b/" > /dev/null
# A second browser of the same person, which will make no change itself.
cp "$WORK/jar" "$WORK/jar-bystander"
# A write on A …
token=$(get "$a/inquiries/new" | csrf)
status=$(get -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$token" --data-urlencode "name=Café Morgenrot" \
    --data-urlencode email=hallo@morgenrot.example --data-urlencode kind=business --data-urlencode channel=email \
    --data-urlencode received=2026-02-27 --data-urlencode "subject=Speisekarte texten" "$a/inquiries")
[ "$status" = 303 ] || { echo "two-servers: the new inquiry on A answered $status"; exit 1; }
# … is on B's Heute at the next request of the same browser (A's answer named the change in kontor_seen) …
grep -q "kontor_seen" "$WORK/jar" || { echo "two-servers: A's answer to the write set no kontor_seen cookie"; exit 1; }
get "$b/" > "$WORK/heute-after.html"
grep -q "Speisekarte texten" "$WORK/heute-after.html" || { echo "two-servers: B's Heute does not show A's write"; exit 1; }
# … and on every other browser's once B has heard the NOTIFY (well within a second on one machine).
seen=""
for _ in $(seq 50); do
    if curl -s -b "$WORK/jar-bystander" -H 'Host: kontor.test' -H 'Accept-Language: de' "$b/" | grep -q "Speisekarte texten"; then
        seen=yes
        break
    fi
    sleep 0.1
done
[ -n "$seen" ] || { echo "two-servers: B still shows a Heute kept from before A's write after 5 s"; exit 1; }
grep -q "user=lena" "$WORK/serve-b.log" || { echo "two-servers: B's log does not name the user"; exit 1; }
echo "two-servers: a login on one kontor serve process is valid on the other, and a write on one is on the other's Heute (the writer's browser at once, others by NOTIFY)"

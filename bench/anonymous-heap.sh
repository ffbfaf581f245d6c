#!/usr/bin/env bash
# Live heap after N anonymous GET / (no cookies, 8 at a time), each figure after two jcmd GC.run, on a throwaway
# PostgreSQL and 48 servers: bash bench/anonymous-heap.sh target/ipmi-monitor.jar <label> [N]   (PORT, PG: free ports)
# docs/operations.md "Out of memory and liveness" has the figures. Loopback only; needs initdb (Debian postgresql), jcmd.
set -euo pipefail
JAR=$(realpath "$1"); LABEL=$2; N=${3:-10000}  # the app starts in its own work dir
W=/tmp/memheap/$LABEL; PORT=${PORT:-18193}; PG=${PG:-55443}
PG_THROWAWAY=$(cd "$(dirname "$0")/.." && pwd)/scripts/pg-throwaway.sh
rm -rf "$W"; mkdir -p "$W"; chmod 777 "$W"
"$PG_THROWAWAY" start "$W/pg" "$PG" -c fsync=off
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; "$PG_THROWAWAY" stop "$W/pg"' EXIT
runuser -u postgres -- psql -h "$W/pg/data" -p $PG -U postgres -q -c "create role ipmimon login password 'ipmimon'" -c "create database ipmimon owner ipmimon"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1" > "$W/loopback.asadmin"
( cd "$W" && exec env DB_URL="jdbc:postgresql://127.0.0.1:$PG/ipmimon" DB_USER=ipmimon DB_PASSWORD=ipmimon DATA_DIR="$W/data" \
   ADMIN_PASS=measure SECRET_KEY=measure-secret-key POLL_INTERVAL=300 \
   java -Xmx768m -XX:+ExitOnOutOfMemoryError -jar "$JAR" --port $PORT --prebootcommandfile "$W/loopback.asadmin" --rootdir "$W/payara" >"$W/app.log" 2>&1 ) &
APP=$!
for i in $(seq 1 300); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && break; sleep 1; done
# 48 servers (one page of cards) on addresses nothing answers
ini=""; for i in $(seq 1 48); do ini+=$'[server-'$i$']\nbmc_ip = 127.83.200.'$i$'\n'; done
curl -fsS -u admin:measure -H 'Content-Type: text/plain' --data-binary "$ini" "http://127.0.0.1:$PORT/api/servers/import?format=ini" -o /dev/null
PID=$(pgrep -f -- "--rootdir $W/payara" | head -1)
python3 - "$PORT" 50 <<'PY'
import sys, http.client, concurrent.futures
port, n = int(sys.argv[1]), int(sys.argv[2])
def get(_):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120); c.request("GET", "/"); r = c.getresponse(); r.read(); c.close(); return r.status
with concurrent.futures.ThreadPoolExecutor(8) as ex: print("warm-up", sorted(set(ex.map(get, range(n)))))
PY
jcmd $PID GC.run >/dev/null; sleep 2; jcmd $PID GC.run >/dev/null
echo "== $LABEL: before the views"; jcmd $PID GC.heap_info | head -3
start=$(date +%s)
python3 - "$PORT" "$N" <<'PY'
import sys, http.client, concurrent.futures, collections
port, n = int(sys.argv[1]), int(sys.argv[2])
def get(_):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120); c.request("GET", "/"); r = c.getresponse(); r.read()
    cookie = any(h.lower() == "set-cookie" and "JSESSIONID" in v for h, v in r.getheaders()); c.close(); return r.status, cookie
with concurrent.futures.ThreadPoolExecutor(8) as ex: res = list(ex.map(get, range(n)))
print("statuses", collections.Counter(s for s, _ in res), "responses with a new session", sum(1 for _, c in res if c))
PY
echo "$N views in $(( $(date +%s) - start )) s"
jcmd $PID GC.run >/dev/null; sleep 2; jcmd $PID GC.run >/dev/null
echo "== $LABEL: after $N anonymous views + GC.run"; jcmd $PID GC.heap_info | head -3

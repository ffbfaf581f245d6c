#!/usr/bin/env bash
# redfish-bench.sh - issue 19: RF_N Redfish simulators next to IPMI_N ipmi_sim BMCs, polled by the app at
# POLL_INTERVAL (60 s) pace; after the first round and one interval, WINDOW (120) s measured (bench/redfishbench.py):
# polls per 60 s by protocol, CPU cores of the JVM (+ ipmitool), PostgreSQL and of each kind of simulator, Redfish
# requests/bytes per poll (counted by the sims). Run it under the bench lock:
#   flock /tmp/ipmimon-bench.lock bench/redfish-bench.sh
# Environment (defaults): RF_N=300 IPMI_N=300 WINDOW=120 POLL_INTERVAL=60 SENSOR_POLL_MULTIPLIER=1
#   LOG_ENTRIES=1000 (per Redfish sim) BENCH_DIR=/tmp/ipmimon-rfbench APP_PORT=18397 PG_PORT=55497
#   IPMI_NET=127.197 RF_NET=127.198 JAR=target/ipmi-monitor.jar (copied; built with mvn -o package if missing)
# Everything listens on loopback; every process started here is stopped by PID on exit (trap).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(cd "$HERE/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/ipmimon-rfbench}
RF_N=${RF_N:-300}
IPMI_N=${IPMI_N:-300}
WINDOW=${WINDOW:-120}
POLL_INTERVAL=${POLL_INTERVAL:-60}
SENSOR_POLL_MULTIPLIER=${SENSOR_POLL_MULTIPLIER:-1}
LOG_ENTRIES=${LOG_ENTRIES:-1000}
APP_PORT=${APP_PORT:-18397}
PG_PORT=${PG_PORT:-55497}
IPMI_NET=${IPMI_NET:-127.197}
RF_NET=${RF_NET:-127.198}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DB=ipmibench PG_USER=bench PG_PASS=bench-pg-secret
PGDATA=$BENCH_DIR/pg/data
FLEET=$BENCH_DIR/ipmi
APP_PID_FILE=$BENCH_DIR/app.pid
JAR=$BENCH_DIR/bench-app.jar
PY=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3 )

say() { echo "[rfbench $(date +%H:%M:%S)] $*" >&2; }
die() { say "ERROR: $*"; exit 1; }
. "$HERE/lib.sh"

stop_app() {
  [ -f "$APP_PID_FILE" ] || return 0
  local pid; pid=$(cat "$APP_PID_FILE")
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-jar $JAR"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { pkill -KILL -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; }
  fi
  rm -f "$APP_PID_FILE"
}
stop_fleet() { if ls "$FLEET"/*/sim.pid >/dev/null 2>&1; then FLEET_DIR=$FLEET timeout 120 "$PROJECT/src/test/bmcsim/fleet.sh" stop >&2 || true; fi; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app; stop_pg; stop_fleet
  say "cleanup done (exit $rc); uptime: $(uptime)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_app; stop_pg; stop_fleet
rm -rf "$BENCH_DIR"; mkdir -p "$BENCH_DIR/results"; chmod 755 "$BENCH_DIR"
say "uptime before: $(uptime)"
[ -f "$PROJECT/target/ipmi-monitor.jar" ] || (cd "$PROJECT" && mvn -q -o package -DskipTests) >&2
cp -f "${APP_JAR:-$PROJECT/target/ipmi-monitor.jar}" "$JAR"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$BENCH_DIR/sim.key" -out "$BENCH_DIR/sim.crt" -days 7 \
  -subj /CN=redfishsim 2>/dev/null
start_pg
as_pg "$PG_BIN/psql" -h "$PGDATA" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAt -c "create database $PG_DB"
say "starting $IPMI_N ipmi_sim BMCs on $IPMI_NET.x"
FLEET_DIR=$FLEET SIM_NET=$IPMI_NET timeout 600 "$PROJECT/src/test/bmcsim/fleet.sh" start "$IPMI_N" >&2
run=$BENCH_DIR/app
mkdir -p "$run"
printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' \
  > "$run/loopback.asadmin"
( cd "$run" && exec env DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" DB_USER="$PG_USER" DB_PASSWORD="$PG_PASS" \
    DATA_DIR="$run/data" ADMIN_PASS=bench SECRET_KEY=bench POLL_INTERVAL="$POLL_INTERVAL" \
    SENSOR_POLL_MULTIPLIER="$SENSOR_POLL_MULTIPLIER" IPMITOOL_SESSION_TIMEOUT=1 IPMITOOL_RETRIES=1 \
    java -Xmx768m -XX:+ExitOnOutOfMemoryError -jar "$JAR" --port "$APP_PORT" \
    --prebootcommandfile "$run/loopback.asadmin" --rootdir "$run/payara" </dev/null >"$run/app.log" 2>&1 ) &
echo $! > "$APP_PID_FILE"
for ((t = 0; ; t++)); do
  kill -0 "$(cat "$APP_PID_FILE")" 2>/dev/null || die "the app exited during start; see $run/app.log"
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$APP_PORT/health/ready")" = 200 ] && break
  [ "$t" -lt 300 ] || die "the app was not ready within 300 s; see $run/app.log"
  sleep 1
done
say "app ready after ${t} s"
timeout 1500 "$PY" "$HERE/redfishbench.py" --base "http://127.0.0.1:$APP_PORT" --admin-pass bench --n "$RF_N" \
  --net "$RF_NET" --log-entries "$LOG_ENTRIES" --sim "$PROJECT/src/test/redfishsim/redfishsim.py" \
  --cert "$BENCH_DIR/sim.crt" --key "$BENCH_DIR/sim.key" --workdir "$BENCH_DIR/rf" \
  --inventory "$FLEET/inventory.tsv" --fleet-dir "$FLEET" --jvm-pid "$(cat "$APP_PID_FILE")" \
  --postmaster-pid "$(head -1 "$PGDATA/postmaster.pid")" --window "$WINDOW" --interval "$POLL_INTERVAL" \
  --psql "$PG_BIN/psql" --pgdata "$PGDATA" --pgport "$PG_PORT" --pguser "$PG_USER" --pgdb "$PG_DB" \
  | tee "$BENCH_DIR/results/redfish-bench.json"

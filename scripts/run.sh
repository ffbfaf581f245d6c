#!/usr/bin/env bash
# Sets up, builds and runs IPMI Monitor on http://localhost:${PORT:-8080}/ .
# With no DB_URL, the app starts its own PostgreSQL (data under ./data). With no BMCs configured yet, a
# simulated demo fleet of ${DEMO_SIZE:-8} BMCs (ipmi_sim on 127.77.0.x) and 3 Redfish BMCs (redfishsim.py on
# 127.77.8.1-3) is started and loaded, so the dashboard shows real collected data within a minute. DEMO=0 turns the
# demo fleet off.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

scripts/setup.sh
[ -f target/ipmi-monitor.jar ] && [ -z "$(find src pom.xml -newer target/ipmi-monitor.jar -print -quit)" ] \
  || mvn -B -q package -DskipTests

export DATA_DIR=${DATA_DIR:-$ROOT/data}
mkdir -p "$DATA_DIR"
# PostgreSQL runs as the "postgres" user when we are root; it must be able to reach the data directory
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$DATA_DIR"; then
  export DATA_DIR=/var/lib/ipmi-monitor
  mkdir -p "$DATA_DIR"
  echo "run: $ROOT is not reachable by the postgres user; using DATA_DIR=$DATA_DIR"
fi

if [ "${DEMO:-1}" = 1 ] && [ -z "${DB_URL:-}" ]; then
  export FLEET_DIR=$DATA_DIR/demo-fleet
  src/test/bmcsim/fleet.sh stop >/dev/null 2>&1 || true
  src/test/redfishsim/demo-fleet.sh stop >/dev/null 2>&1 || true
  src/test/bmcsim/fleet.sh start "${DEMO_SIZE:-8}"
  trap 'src/test/redfishsim/demo-fleet.sh stop; src/test/bmcsim/fleet.sh stop' EXIT
  # three Redfish BMCs (Dell-, HPE- and OpenBMC-like) join the inventory with the protocol column set to redfish
  src/test/redfishsim/demo-fleet.sh start "$FLEET_DIR/inventory.tsv"
  export DEMO_INVENTORY=$FLEET_DIR/inventory.tsv
  # the demo BMCs poll every minute so that changes show up quickly
  export POLL_INTERVAL=${POLL_INTERVAL:-60}
fi

echo "run: starting IPMI Monitor on http://localhost:${PORT:-8080}/ (Ctrl-C stops it)"
# The JVM runs as a child this script waits for, so that a SIGTERM or SIGHUP sent to the script alone (a service
# manager, kill <pid>) reaches it too: bash would otherwise die at once and leave the JVM running without it.
app=""
stop_app() {
  trap - TERM INT HUP
  [ -n "$app" ] && kill -TERM "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  exit 143
}
trap stop_app TERM INT HUP
# -XX:+ExitOnOutOfMemoryError stops a JVM that ran out of heap (exit status 3; it would otherwise keep answering
# 500); this loop is its supervisor, as compose's restart policy is the container's
while :; do
  status=0
  java ${JAVA_OPTS:--Xmx768m} -XX:+ExitOnOutOfMemoryError -jar target/ipmi-monitor.jar --port "${PORT:-8080}" \
    --rootdir "$DATA_DIR/payara" &
  app=$!
  wait "$app" || status=$?
  [ "$status" = 3 ] || exit "$status"
  echo "run: the app ran out of memory and stopped; starting it again"
done

#!/usr/bin/env bash
# Proves that the built WAR (target/ROOT.war) deploys unchanged to a full Payara Server 6 and works there:
# unzips Payara Server from the local Maven repository into target/payara-server/, creates a throwaway domain
# on free loopback ports, starts a throwaway PostgreSQL, deploys the WAR byte for byte as built and checks
# health, API, admin login, metrics and the dashboard over HTTP. Everything it starts is stopped and deleted on
# exit. Exit 0 only when every check passed.
#
#   scripts/payara-server-check.sh            (after mvn package)
#
# Settings (environment): PAYARA_SERVER_VERSION (the pom's payara.server.version), WAR (target/ROOT.war), PG_PORT (first one tried,
# 55477), PORTBASE (first one tried, 24800), KEEP_LOGS_DIR (target/payara-server/last-run).
#
# What the domain needs beyond "create-domain" (no change to the WAR):
#  - every listener on 127.0.0.1 (domain.xml edited before the first start), Hazelcast bound to loopback;
#  - phone home off; the embedded JMS broker disabled in server-config (the app uses no JMS). A fresh domain.xml
#    has no <jms-service> in server-config, so the server runs the built-in default: EMBEDDED with a lazy-init
#    proxy on *:portbase+76 (host "localhost" is bound as 0.0.0.0). An explicit type="DISABLED" there removes it;
#  - Payara's own MicroProfile Metrics endpoint moved from /metrics to /mp-metrics, as the uber-jar's post-boot
#    command does, so that the app's Prometheus servlet answers /metrics;
#  - the app's configuration (DB_URL, ADMIN_PASS, ...) in the environment of start-domain: the domain JVM
#    inherits it and MicroProfile Config reads it.
set -uo pipefail

PROJECT_DIR=$(cd "$(dirname "$0")/.." && pwd)
POM_VERSION=$(sed -n 's|.*<payara.server.version>\(.*\)</payara.server.version>.*|\1|p' "$PROJECT_DIR/pom.xml")
VERSION=${PAYARA_SERVER_VERSION:-$POM_VERSION}
WAR=${WAR:-$PROJECT_DIR/target/ROOT.war}
WORK=$PROJECT_DIR/target/payara-server
M2_REPO=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
ZIP=$M2_REPO/fish/payara/distributions/payara/$VERSION/payara-$VERSION.zip
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
DOMAIN=ipmimon-check
APP_NAME="IPMI Monitor on Payara Server check"
ADMIN_USER=admin
ADMIN_PASS="psc-$(date +%s)-$$"
T0=$(date +%s.%N)

failures=()
log() { printf '[%6.1fs] %s\n' "$(echo "$(date +%s.%N) - $T0" | bc)" "$*"; }
pass() { log "PASS $*"; }
fail() { log "FAIL $*"; failures+=("$*"); }
die() { fail "$*"; exit 1; }   # the EXIT trap cleans up and prints the summary

[ -f "$WAR" ] || { echo "no $WAR: run mvn package first" >&2; exit 2; }
[ -x "$PG_BIN/initdb" ] || { echo "no PostgreSQL binaries (looked in $PG_BIN)" >&2; exit 2; }
for tool in java curl unzip python3 sha256sum ss bc; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done

mkdir -p "$WORK"
# one run at a time per checkout (the domain directory is shared)
exec 9>"$WORK/.lock"
flock -w 600 9 || { echo "another payara-server-check holds $WORK/.lock" >&2; exit 2; }

TMP=$(mktemp -d /tmp/ipmimon-payara-check.XXXXXX)
chmod 755 "$TMP"                       # the postgres user must traverse it
PGDATA=$TMP/pg/data
ASADMIN=$WORK/payara6/bin/asadmin
DOMAINS_DIR=$WORK/domains
DOMAIN_DIR=$DOMAINS_DIR/$DOMAIN
LOGS_KEEP=${KEEP_LOGS_DIR:-$WORK/last-run}
domain_started=0
pg_started=0

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "$domain_started" = 1 ]; then
    mkdir -p "$LOGS_KEEP" && rm -f "$LOGS_KEEP"/* && cp "$DOMAIN_DIR"/logs/server.log* "$LOGS_KEEP"/ 2>/dev/null
    local pid; pid=$(cat "$DOMAIN_DIR/config/pid" 2>/dev/null)
    timeout 90 "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAINS_DIR" --kill=false "$DOMAIN" >/dev/null 2>&1 \
      || timeout 30 "$ASADMIN" --interactive=false stop-domain --domaindir "$DOMAINS_DIR" --kill=true "$DOMAIN" >/dev/null 2>&1
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null; fi
    log "domain stopped (server.log kept in $LOGS_KEEP)"
  fi
  if [ "$pg_started" = 1 ]; then
    PG_BIN=$PG_BIN "$PROJECT_DIR/scripts/pg-throwaway.sh" stop "$TMP/pg"
    log "PostgreSQL stopped"
  fi
  rm -rf "$TMP" "$DOMAIN_DIR"
  echo
  if [ "${#failures[@]}" -eq 0 ] && [ "$rc" = 0 ]; then
    log "ALL CHECKS PASSED: $(basename "$WAR") deploys unchanged to Payara Server $VERSION"
  else
    log "FAILED (${#failures[@]}):"
    for f in "${failures[@]}"; do echo "  - $f"; done
    [ "$rc" = 0 ] && rc=1
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'fail "interrupted"; exit 130' INT TERM

listening() { ss -Htln 2>/dev/null | awk '{print $4}' | sed 's/.*://' | grep -qx "$1"; }

# ---------------------------------------------------------------- the WAR as built
WAR_SHA_BEFORE=$(sha256sum "$WAR" | cut -d' ' -f1)
log "WAR $WAR sha256 $WAR_SHA_BEFORE"

# ---------------------------------------------------------------- Payara Server distribution
if [ ! -f "$ZIP" ]; then
  log "fetching fish.payara.distributions:payara:$VERSION:zip"
  timeout 600 mvn -q -B dependency:get -Dartifact="fish.payara.distributions:payara:$VERSION:zip" \
    || die "cannot fetch the Payara Server zip"
fi
if [ "$(cat "$WORK/.unzipped" 2>/dev/null)" != "$ZIP" ] || [ ! -x "$ASADMIN" ]; then
  rm -rf "$WORK/payara6"
  timeout 300 unzip -q -o "$ZIP" -d "$WORK" || die "cannot unzip $ZIP"
  echo "$ZIP" > "$WORK/.unzipped"
  log "unzipped Payara Server $VERSION into $WORK/payara6"
fi

# ---------------------------------------------------------------- free loopback ports
# create-domain --portbase B uses B+ 9 37 38 39 48 49 59 66 76 80 81 86
OFFSETS="9 37 38 39 48 49 59 66 76 80 81 86"
PORTBASE=""
for base in ${PORTBASE_START:-24800} 25800 26800 27800 28800 29800 31800 32800; do
  free=1
  for o in $OFFSETS; do listening $((base + o)) && { free=0; break; }; done
  [ "$free" = 1 ] && { PORTBASE=$base; break; }
done
[ -n "$PORTBASE" ] || die "no free port base"
ADMIN_PORT=$((PORTBASE + 48)); HTTP_PORT=$((PORTBASE + 80))
PG_PORT=""
for p in $(seq "${PG_PORT_START:-55477}" $((${PG_PORT_START:-55477} + 20))); do
  listening "$p" || { PG_PORT=$p; break; }
done
[ -n "$PG_PORT" ] || die "no free PostgreSQL port"
BASE=http://127.0.0.1:$HTTP_PORT
log "port base $PORTBASE (admin $ADMIN_PORT, http $HTTP_PORT), PostgreSQL $PG_PORT"

# ---------------------------------------------------------------- throwaway PostgreSQL
pg_started=1
PG_BIN=$PG_BIN "$PROJECT_DIR/scripts/pg-throwaway.sh" start "$TMP/pg" "$PG_PORT" \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off || die "PostgreSQL did not start"
as_pg "$PG_BIN/psql" -X -q -h "$PGDATA" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE ipmimon LOGIN PASSWORD 'ipmimon'" -c "CREATE DATABASE ipmimon OWNER ipmimon" \
  || die "cannot create the database"
log "PostgreSQL up on 127.0.0.1:$PG_PORT"

# ---------------------------------------------------------------- domain
rm -rf "$DOMAIN_DIR"
t=$(date +%s.%N)
timeout 180 "$ASADMIN" --interactive=false create-domain --domaindir "$DOMAINS_DIR" --portbase "$PORTBASE" \
  --nopassword=true --savelogin=false --checkports=true "$DOMAIN" >"$TMP/create-domain.log" 2>&1 \
  || { cat "$TMP/create-domain.log"; die "create-domain failed"; }
log "domain created in $(echo "$(date +%s.%N) - $t" | bc | xargs printf '%.1f') s"

# loopback only, Hazelcast on loopback, phone home off, Payara's MP Metrics off /metrics (server-config only:
# the server-config <config> comes first in a fresh domain.xml, so the first occurrence of each element is it)
DX=$DOMAIN_DIR/config/domain.xml
cp "$DX" "$TMP/domain.xml.orig"
sed -i \
  -e 's#<network-listener port=#<network-listener address="127.0.0.1" port=#' \
  -e 's#address="0\.0\.0\.0"#address="127.0.0.1"#g' \
  -e 's#host="localhost"#host="127.0.0.1"#g' \
  -e '0,/<jms-service type="EMBEDDED"/s##<jms-service type="DISABLED"#' \
  -e 's#<config name="server-config">#<config name="server-config"><jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="127.0.0.1" port="${JMS_PROVIDER_PORT}" lazy-init="false"></jms-host></jms-service>#' \
  -e 's#<hazelcast-runtime-configuration #<hazelcast-runtime-configuration interface="127.0.0.1" das-bind-address="127.0.0.1" das-public-address="127.0.0.1" #' \
  -e '0,/<microprofile-metrics-configuration><\/microprofile-metrics-configuration>/s##<microprofile-metrics-configuration endpoint="mp-metrics"></microprofile-metrics-configuration><phone-home-runtime-configuration enabled="false"></phone-home-runtime-configuration>#' \
  -e '0,/<jvm-options>-server<\/jvm-options>/s##<jvm-options>-server</jvm-options><jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>#' \
  "$DX"
for expect in 'endpoint="mp-metrics"' 'phone-home-runtime-configuration enabled="false"' 'das-bind-address="127.0.0.1"' \
    'hazelcast.socket.bind.any=false' '<config name="server-config"><jms-service type="DISABLED"' \
    "address=\"127.0.0.1\" port=\"$HTTP_PORT\""; do
  grep -q "$expect" "$DX" || die "domain.xml edit did not apply: $expect"
done

APP_DATA=$TMP/app-data
mkdir -p "$APP_DATA"
t=$(date +%s.%N)
# the domain JVM inherits this environment; MicroProfile Config reads the app's settings from it
env DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/ipmimon" DB_USER=ipmimon DB_PASSWORD=ipmimon \
    ADMIN_USER="$ADMIN_USER" ADMIN_PASS="$ADMIN_PASS" SECRET_KEY="payara-server-check-secret" \
    DATA_DIR="$APP_DATA" APP_NAME="$APP_NAME" POLL_INTERVAL=3600 IPMITOOL_SESSION_TIMEOUT=1 IPMITOOL_RETRIES=1 \
  timeout 240 "$ASADMIN" --interactive=false start-domain --domaindir "$DOMAINS_DIR" --timeout 200 "$DOMAIN" \
  >"$TMP/start-domain.log" 2>&1
start_rc=$?
[ -f "$DOMAIN_DIR/config/pid" ] && domain_started=1
[ "$start_rc" = 0 ] || { cat "$TMP/start-domain.log"; tail -50 "$DOMAIN_DIR/logs/server.log" 2>/dev/null; die "start-domain failed"; }
domain_started=1
START_S=$(echo "$(date +%s.%N) - $t" | bc | xargs printf '%.1f')
log "start-domain took $START_S s"
DOMAIN_PID=$(cat "$DOMAIN_DIR/config/pid")

AS=("$ASADMIN" --interactive=false --host 127.0.0.1 --port "$ADMIN_PORT")
timeout 60 "${AS[@]}" version >/dev/null 2>&1 && pass "admin listener answers on 127.0.0.1:$ADMIN_PORT" \
  || fail "asadmin version against 127.0.0.1:$ADMIN_PORT"

# ---------------------------------------------------------------- deploy, unchanged
LOG_LINES_BEFORE=$(cat "$DOMAIN_DIR"/logs/server.log* 2>/dev/null | wc -l)
t=$(date +%s.%N)
if timeout 300 "${AS[@]}" deploy --contextroot / --name ROOT "$WAR" >"$TMP/deploy.log" 2>&1; then
  DEPLOY_S=$(echo "$(date +%s.%N) - $t" | bc | xargs printf '%.1f')
  pass "asadmin deploy --contextroot / --name ROOT $(basename "$WAR") ($DEPLOY_S s)"
else
  cat "$TMP/deploy.log"
  tail -80 "$DOMAIN_DIR/logs/server.log"
  die "asadmin deploy failed"
fi

# ---------------------------------------------------------------- HTTP checks
code() { curl -s -o "$TMP/body" -w '%{http_code}' -m 15 "$@" 2>/dev/null; }

deadline=$(( $(date +%s) + 120 ))
ready=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  # ready = database UP; the API must answer too (Payara can fail the very first requests with a 500)
  if [ "$(code "$BASE/health/ready")" = 200 ] && [ "$(code "$BASE/api/auth/status")" = 200 ]; then ready=1; break; fi
  sleep 1
done
READY_S=$(echo "$(date +%s.%N) - $t" | bc | xargs printf '%.1f')
[ "$ready" = 1 ] || log "not ready within 120 s after deploy"

c=$(code "$BASE/health/ready")
if [ "$c" = 200 ] && python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
sys.exit(0 if d.get("status")=="UP" and any(x.get("name")=="database" and x.get("status")=="UP" for x in d.get("checks",[])) else 1)' "$TMP/body"; then
  pass "/health/ready 200, database UP: $(cat "$TMP/body")"
else fail "/health/ready -> $c $(head -c 400 "$TMP/body")"; fi

c=$(code "$BASE/api/auth/status")
if [ "$c" = 200 ] && python3 -c '
import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if "is_admin" in d else 1)' "$TMP/body"; then
  pass "/api/auth/status 200 JSON: $(cat "$TMP/body")"
else fail "/api/auth/status -> $c $(head -c 400 "$TMP/body")"; fi

c=$(code -u "$ADMIN_USER:$ADMIN_PASS" "$BASE/api/auth/status")
if [ "$c" = 200 ] && grep -q '"is_admin":true' "$TMP/body"; then pass "/api/auth/status with Basic admin: $(cat "$TMP/body")"
else fail "/api/auth/status as admin -> $c $(head -c 400 "$TMP/body")"; fi

# a BMC on a loopback port nobody listens on: the poll fails harmlessly, no traffic leaves the host
BMC_PORT=$((PORTBASE + 99))
ADD_JSON="{\"bmc_ip\":\"127.0.0.1\",\"port\":$BMC_PORT,\"server_name\":\"payara-server-check-1\",\"ipmi_user\":\"admin\",\"ipmi_pass\":\"not-used\",\"notes\":\"payara-server-check\"}"
c=$(code -X POST -H 'Content-Type: application/json' -d "$ADD_JSON" "$BASE/api/servers/add")
if [ "$c" = 401 ] || [ "$c" = 403 ]; then pass "POST /api/servers/add without credentials -> $c"
else fail "POST /api/servers/add without credentials -> $c (expected 401/403)"; fi
c=$(code -u "$ADMIN_USER:$ADMIN_PASS" -X POST -H 'Content-Type: application/json' -d "$ADD_JSON" "$BASE/api/servers/add")
if [ "$c" = 201 ]; then pass "POST /api/servers/add as admin -> 201"
else fail "POST /api/servers/add as admin -> $c $(head -c 400 "$TMP/body")"; fi

c=$(code "$BASE/api/servers")
if [ "$c" = 200 ] && python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
sys.exit(0 if len(d)==1 and d[0]["server_name"]=="payara-server-check-1" and d[0]["bmc_ip"]=="127.0.0.1" else 1)' "$TMP/body"; then
  pass "GET /api/servers lists it"
else fail "GET /api/servers -> $c $(head -c 400 "$TMP/body")"; fi

# the gauges are refreshed from the database every 15 s
deadline=$(( $(date +%s) + 60 ))
metrics_ok=0
while [ "$(date +%s)" -lt "$deadline" ]; do
  c=$(code "$BASE/metrics")
  if [ "$c" = 200 ] && grep -qx 'ipmi_total_servers 1' "$TMP/body"; then metrics_ok=1; break; fi
  sleep 2
done
if [ "$metrics_ok" = 1 ]; then pass "/metrics 200 (app's Prometheus text) with 'ipmi_total_servers 1'"
else fail "/metrics -> $c, no 'ipmi_total_servers 1' within 60 s: $(grep -m3 ipmi_total_servers "$TMP/body" | tr '\n' ' ')$(head -c 200 "$TMP/body")"; fi

c=$(code "$BASE/mp-metrics?scope=base")
if [ "$c" = 200 ]; then pass "Payara's own MP Metrics moved to /mp-metrics (200)"; else log "note: /mp-metrics?scope=base -> $c"; fi

c=$(code "$BASE/")
if [ "$c" = 200 ] && grep -qF "$APP_NAME" "$TMP/body"; then pass "dashboard / 200, renders APP_NAME \"$APP_NAME\""
else fail "dashboard / -> $c, APP_NAME missing: $(head -c 300 "$TMP/body")"; fi

c=$(code "$BASE/health")
if [ "$c" = 200 ] && grep -q '"collector-timer","status":"UP"' "$TMP/body"; then pass "/health 200 with the collector timer UP"
else fail "/health -> $c $(head -c 400 "$TMP/body")"; fi

# ---------------------------------------------------------------- loopback only
nonlocal=$(ss -Htlnp 2>/dev/null | grep "pid=$DOMAIN_PID," | awk '{print $4}' | grep -Ev '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):' || true)
if [ -z "$nonlocal" ]; then pass "every socket of the domain listens on loopback: $(ss -Htlnp | grep "pid=$DOMAIN_PID," | awk '{print $4}' | tr '\n' ' ')"
else fail "domain listens beyond loopback: $(echo "$nonlocal" | tr '\n' ' ')"; fi

# ---------------------------------------------------------------- unchanged: the WAR, and what Payara expanded
WAR_SHA_AFTER=$(sha256sum "$WAR" | cut -d' ' -f1)
if [ "$WAR_SHA_BEFORE" = "$WAR_SHA_AFTER" ]; then pass "WAR sha256 unchanged by the deployment: $WAR_SHA_AFTER"
else fail "WAR changed during the run: $WAR_SHA_BEFORE -> $WAR_SHA_AFTER"; fi
if python3 - "$WAR" "$DOMAIN_DIR/applications/ROOT" >"$TMP/compare.log" 2>&1 <<'EOF'
import hashlib, os, sys, zipfile
war, root = sys.argv[1], sys.argv[2]
n = 0; bad = []
with zipfile.ZipFile(war) as z:
    for e in z.infolist():
        if e.is_dir():
            continue
        p = os.path.join(root, e.filename)
        if not os.path.isfile(p) or hashlib.sha256(open(p, 'rb').read()).digest() != hashlib.sha256(z.read(e)).digest():
            bad.append(e.filename)
        n += 1
print(f"{n} files of the WAR, {len(bad)} differ or missing in {root}", bad[:10])
sys.exit(1 if bad or n == 0 else 0)
EOF
then pass "the application Payara runs is the WAR's content byte for byte ($(cat "$TMP/compare.log"))"
else fail "deployed application differs from the WAR: $(cat "$TMP/compare.log")"; fi

# ---------------------------------------------------------------- SEVERE in the server log since deploy
severe=$(cat "$DOMAIN_DIR"/logs/server.log* | tail -n +"$((LOG_LINES_BEFORE + 1))" | grep -c '\[SEVERE\]')
if [ "$severe" = 0 ]; then pass "no SEVERE in server.log during deploy and checks"
else
  fail "$severe SEVERE record(s) in server.log since deploy"
  cat "$DOMAIN_DIR"/logs/server.log* | tail -n +"$((LOG_LINES_BEFORE + 1))" | grep -A4 '\[SEVERE\]' | head -60
fi
warnings=$(cat "$DOMAIN_DIR"/logs/server.log* | tail -n +"$((LOG_LINES_BEFORE + 1))" | grep -c '\[WARNING\]')
log "server.log since deploy: $severe SEVERE, $warnings WARNING"
log "timings: start-domain $START_S s, deploy $DEPLOY_S s, deploy start to ready $READY_S s"

[ "${#failures[@]}" -eq 0 ]

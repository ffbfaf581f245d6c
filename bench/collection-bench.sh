#!/usr/bin/env bash
# collection-bench.sh [sel|fleet|all] - benchmarks of IPMI Monitor's collection (see bench/README.md)
#
#   sel    (A) one BMC with a 1236-entry SEL (bmc002 of a 2-sim fleet on 127.79.x): steady-state poll
#              (exec "power status"+"sel info", + sensor) vs full "sel elist" vs incremental raw read
#   fleet  (B) the real app (target/ipmi-monitor.jar) against 300 simulated BMCs on 127.80.x: first round
#              (registration -> first outcome) and steady-state round (POST /api/collect)
#   all    both (default)
#   compare    issue 18: the sustained run below for each jar of COMPARE_JARS ("name=path ...", e.g.
#              "before=/tmp/main.jar after=target/ipmi-monitor.jar"), one after the other on the same fleet in
#              the same run, with the one-session floor (floorbench.py) measured before and after them; CPU per
#              poll of the whole process tree (JVM, its ipmitool children, PostgreSQL) in each JSON's
#              sustained.cpu_ms_per_poll
#   first      issue 18: the first full read (round 1 of (B) only: registration -> every server's first outcome,
#              every SEL read in full) for each jar of COMPARE_JARS, one after the other on the same fleet in the
#              same run (fresh database each); results/first-<name>.json, load in results/first-meta.txt
#   sustained  the fleet of (B) polled at the app's own pace, POLL_INTERVAL=$SUSTAIN_INTERVAL (60): after the
#              first round and one interval of warm-up, SUSTAIN_WINDOW (180) s measured: polls per 60 s, CPU
#              cores of the app (JVM + ipmitool) and PostgreSQL, gaps between a server's polls (issue 7's target:
#              >= 300 BMCs per 60 s using <= 1 core); with IDLE_WINDOW=S then S seconds with no server due
#              (JVM CPU between polls). A second argument sets FLEET_N: "sustained 1000" is issue 18's 1,000-BMC
#              bench (fleet.sh allows up to 1,000 sims)
#
# Environment (defaults):
#   BENCH_DIR=/tmp/ipmimon-bench   all state: sims, PostgreSQL, app data, logs, results (recreated each run)
#   REPS=30                        repetitions per variant in (A)
#   FLEET_N=300                    simulated BMCs in (B)
#   THREADS_LIST="10"              COLLECTOR_THREADS values for (B), e.g. "10 4"
#   CI_LOG=/tmp/ci1.log            before measuring, wait (poll 20 s, <= CI_WAIT_MAX=2400 s) until it has a
#                                  line starting with rc= and no Maven build runs (the latter for at most
#                                  MAVEN_WAIT_MAX=600 s; WAIT_FOR_MAVEN=0: don't check); CI_LOG= skips waiting
#   APP_PORT=18299 PG_PORT=55499
#   APP_JAVA_OPTS=                 more JVM options for the app (e.g. a JFR recording)
#   PGSS_OUT=                      sustained/compare, with PG_OPTS loading pg_stat_statements: the statements of
#                                  the measured window into this file (per jar in compare: FILE.<name>)
# Everything listens on loopback only; every process started here is stopped by PID on exit (trap).
# Results: $BENCH_DIR/results/*.json, copied to bench/results/.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(cd "$HERE/.." && pwd)
MODE=${1:-all}
[ -n "${2:-}" ] && FLEET_N=$2
case "$MODE" in sel|fleet|all|sustained|compare|first) ;; *) sed -n '2,37p' "$0"; exit 2 ;; esac

BENCH_DIR=${BENCH_DIR:-/tmp/ipmimon-bench}
REPS=${REPS:-30}
FLEET_N=${FLEET_N:-300}
THREADS_LIST=${THREADS_LIST:-10}
SUSTAIN_INTERVAL=${SUSTAIN_INTERVAL:-60}
SUSTAIN_WINDOW=${SUSTAIN_WINDOW:-180}
CI_LOG=${CI_LOG-/tmp/ci1.log}
CI_WAIT_MAX=${CI_WAIT_MAX:-2400}
APP_PORT=${APP_PORT:-18299}
PG_PORT=${PG_PORT:-55499}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DB=ipmibench PG_USER=bench PG_PASS=bench-pg-secret
FLEET_SH=$PROJECT/src/test/bmcsim/fleet.sh
BIG_NET=${BIG_NET:-127.80}   # the big fleet's loopback net (fleet.sh SIM_NET)
PY=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3 )
SEL_FLEET=$BENCH_DIR/sel/fleet
BIG_FLEET=$BENCH_DIR/fleet/fleet
PGDATA=$BENCH_DIR/pg/data
RESULTS=$BENCH_DIR/results
APP_PID_FILE=$BENCH_DIR/app.pid
JAR=$BENCH_DIR/bench-app.jar   # own name: other cleanups may pkill -f ipmi-monitor.jar

say() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
die() { say "ERROR: $*"; exit 1; }
. "$HERE/lib.sh"   # as_pg, tcp_free, start_pg, stop_pg

# ---------------------------------------------------------------- cleanup (by PID / own dirs only)
stop_app() {
  [ -f "$APP_PID_FILE" ] || return 0
  local pid; pid=$(cat "$APP_PID_FILE")
  # only if that PID is really our java -jar $JAR
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-jar $JAR"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "app $pid did not stop in 30 s: SIGKILL"
      pkill -KILL -P "$pid" 2>/dev/null || true   # its ipmitool children, by parent PID
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$APP_PID_FILE"
}
stop_fleet() {  # $1 = FLEET_DIR
  if ls "$1"/*/sim.pid >/dev/null 2>&1; then FLEET_DIR=$1 timeout 120 "$FLEET_SH" stop >&2 || true; fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_app
  stop_pg
  stop_fleet "$SEL_FLEET"
  stop_fleet "$BIG_FLEET"
  [ -d "$RESULTS" ] && mkdir -p "$HERE/results" && cp -f "$RESULTS"/*.json "$RESULTS"/*.txt "$HERE/results/" 2>/dev/null || true
  say "cleanup done (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- machine etiquette
wait_for_ci() {
  # the brief: do not measure before $CI_LOG has a line starting with rc= (maven colours may precede it);
  # also wait while a Maven build runs on this machine (it would skew the figures and be slowed by us)
  [ -n "$CI_LOG" ] || return 0
  local waited=0 why
  local maven_max=${MAVEN_WAIT_MAX:-600}
  while :; do
    why=
    if [ -e "$CI_LOG" ] && ! grep -aqE $'^(\x1b\\[[0-9;]*m)*rc=' "$CI_LOG"; then why="$CI_LOG has no rc= line yet"; fi
    if [ "${WAIT_FOR_MAVEN:-1}" = 1 ] && [ "$waited" -lt "$maven_max" ] && pgrep -f 'org.codehaus.plexus.classworlds.launcher.Launcher' >/dev/null; then
      why="${why:+$why; }a Maven build is running"
    fi
    if [ -z "$why" ]; then
      if [ "${WAIT_FOR_MAVEN:-1}" = 1 ] && [ "$waited" -ge "$maven_max" ] && pgrep -f 'org.codehaus.plexus.classworlds.launcher.Launcher' >/dev/null; then
        say "WARNING: Maven builds kept running for ${maven_max} s; measuring anyway (figures may be noisier)"
        echo "$(date -u +%FT%TZ) measured while Maven builds ran" >> "$RESULTS/warnings.txt"
      fi
      return 0
    fi
    [ "$waited" -ge "$CI_WAIT_MAX" ] && die "still busy after ${CI_WAIT_MAX} s: $why"
    [ $((waited % 120)) = 0 ] && say "waiting: $why"
    sleep 20; waited=$((waited + 20))
  done
}


# ---------------------------------------------------------------- (A) steady-state poll vs full elist
bench_sel() {
  say "(A) starting 2 sims on 127.79.x (bmc002 = 127.79.0.3:6230, large SEL)"
  rm -rf "$BENCH_DIR/sel"; mkdir -p "$BENCH_DIR/sel/home/.local/usr/share/misc"
  cp "$PROJECT/src/main/resources/ipmitool/enterprise-numbers.txt" "$BENCH_DIR/sel/home/.local/usr/share/misc/"
  FLEET_DIR=$SEL_FLEET SIM_NET=127.79 timeout 300 "$FLEET_SH" start 2 >&2
  # fleet.sh gives the LAST sim of a fleet a wrong password (inventory still says "secret"); with N=2 that is
  # bmc002, so use the password the sim really has
  local pass; pass=$(cat "$SEL_FLEET/bmc002/real_password")
  wait_for_ci
  say "(A) measuring, $REPS repetitions per variant"
  IPMI_PASSWORD=$pass timeout 1200 "$PY" "$HERE/selbench.py" --host 127.79.0.3 --port 6230 --user admin \
    --reps "$REPS" --home "$BENCH_DIR/sel/home" --workdir "$BENCH_DIR/sel/work" > "$RESULTS/sel.json"
  stop_fleet "$SEL_FLEET"
  "$PY" - "$RESULTS/sel.json" <<'EOF' >&2
import json, sys
d = json.load(open(sys.argv[1]))
print(f"(A) {d['bmc']}  SEL entries {d['sel_entries']}  reps {d['reps']}")
print(f"{'variant':<22}{'wall ms (median)':>18}{'cpu ms (median)':>17}{'elist/x wall':>14}{'elist/x cpu':>13}")
for k, r in d["results"].items():
    q = d["full_elist_over"].get(k, {})
    print(f"{k:<22}{r['wall_median_ms']:>18}{r['cpu_median_ms']:>17}{q.get('wall', ''):>14}{q.get('cpu', ''):>13}")
print("checks:", json.dumps(d["checks"]))
EOF
}

# ---------------------------------------------------------------- (B) fleet throughput of the real app
prepare_jar() {
  if [ -f "$PROJECT/target/ipmi-monitor.jar" ]; then
    cp -f "$PROJECT/target/ipmi-monitor.jar" "$JAR"   # a stable copy: the checkout may be rebuilt meanwhile
  else
    say "no target/ipmi-monitor.jar: building a copy in /tmp/benchsrc (mvn -o)"
    rm -rf /tmp/benchsrc; mkdir -p /tmp/benchsrc
    tar -C "$PROJECT" --exclude=./target --exclude=./data --exclude=./bench -cf - . | tar -C /tmp/benchsrc -xf -
    (cd /tmp/benchsrc && timeout 1200 mvn -q -o package -DskipTests) >&2
    cp -f /tmp/benchsrc/target/ipmi-monitor.jar "$JAR"
  fi
}

psql_pg() { as_pg "$PG_BIN/psql" -h "$PGDATA" -p "$PG_PORT" -U "$PG_USER" -d postgres -qAt -c "$1"; }

start_app() {  # $1 = COLLECTOR_THREADS, $2 = POLL_INTERVAL (3600: only the polls a round asks for)
  tcp_free "$APP_PORT" || die "port $APP_PORT is in use"
  local run=$BENCH_DIR/app-t$1
  rm -rf "$run"; mkdir -p "$run"
  printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' \
    > "$run/loopback.asadmin"
  ( cd "$run" && exec env DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" DB_USER="$PG_USER" DB_PASSWORD="$PG_PASS" \
      DATA_DIR="$run/data" ADMIN_PASS=bench SECRET_KEY=bench POLL_INTERVAL="${2:-3600}" \
      IPMITOOL_SESSION_TIMEOUT=1 IPMITOOL_RETRIES=1 COLLECTOR_THREADS="$1" \
      java -Xmx768m -XX:+ExitOnOutOfMemoryError ${APP_JAVA_OPTS:-} -jar "$JAR" --port "$APP_PORT" --prebootcommandfile "$run/loopback.asadmin" \
      --rootdir "$run/payara" </dev/null >"$run/app.log" 2>&1 ) &
  echo $! > "$APP_PID_FILE"
  local t
  for ((t = 0; t < 240; t++)); do
    kill -0 "$(cat "$APP_PID_FILE")" 2>/dev/null || die "the app exited during start; see $run/app.log"
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$APP_PORT/health/ready")" = 200 ] \
      && { say "app ready after ${t} s (pid $(cat "$APP_PID_FILE"), COLLECTOR_THREADS=$1)"; return 0; }
    sleep 1
  done
  die "the app was not ready within 240 s; see $run/app.log"
}

start_big_fleet() {  # $1 = what for
  say "($1) starting $FLEET_N sims on $BIG_NET.x (about a minute)"
  rm -rf "$BENCH_DIR/fleet"; mkdir -p "$BENCH_DIR/fleet"
  FLEET_DIR=$BIG_FLEET SIM_NET=$BIG_NET timeout 900 "$FLEET_SH" start "$FLEET_N" >&2
}

fleetbench() {  # $1 = COLLECTOR_THREADS, $2 = result file, then extra fleetbench.py options
  local threads=$1 out=$2; shift 2
  timeout 3600 "$PY" "$HERE/fleetbench.py" --base "http://127.0.0.1:$APP_PORT" --admin-pass bench \
    --inventory "$BIG_FLEET/inventory.tsv" --fleet-dir "$BIG_FLEET" --jvm-pid "$(cat "$APP_PID_FILE")" \
    --postmaster-pid "$(head -1 "$PGDATA/postmaster.pid")" --threads "$threads" --psql "$PG_BIN/psql" \
    --pgdata "$PGDATA" --pgport "$PG_PORT" --pguser "$PG_USER" --pgdb "$PG_DB" "$@" > "$out"
}

bench_fleet() {
  prepare_jar
  start_pg
  start_big_fleet B
  local t
  { echo "git_head=$(git -C "$PROJECT" rev-parse --short HEAD 2>/dev/null || echo -)"
    echo "jar_sha256=$(sha256sum "$JAR" | cut -c1-16)"
    echo "jar_source_mtime=$(stat -c %y "$PROJECT/target/ipmi-monitor.jar" 2>/dev/null || echo built)"; } > "$RESULTS/fleet-meta.txt"
  for t in $THREADS_LIST; do
    psql_pg "drop database if exists $PG_DB" && psql_pg "create database $PG_DB"   # every run starts empty
    wait_for_ci
    start_app "$t"
    fleetbench "$t" "$RESULTS/fleet-t$t.json"
    stop_app
    "$PY" - "$RESULTS/fleet-t$t.json" <<'EOF' >&2
import json, sys
d = json.load(open(sys.argv[1]))
print(f"(B) {d['servers']} servers, COLLECTOR_THREADS={d['collector_threads']}")
for k in ("round1_first_poll", "round2_steady_state"):
    r = d[k]; c = r["cpu_s"]; cr = r.get("collection_run", {})
    print(f"  {k:<20} {r['elapsed_s']:>7} s  {r['servers_per_s']:>6} servers/s  outcomes {r['outcomes']}  "
          f"cpu s: jvm {c['jvm']} ipmitool {c['ipmitool']} postgres {c['postgres']} sims {c['sims']}  "
          f"poll ms median {cr.get('poll_ms_median')} p90 {cr.get('poll_ms_p90')} utilisation {cr.get('thread_utilisation')}")
EOF
  done
  stop_fleet "$BIG_FLEET"
  stop_pg
}

bench_sustained() {
  prepare_jar
  start_pg
  start_big_fleet sustained
  { echo "git_head=$(git -C "$PROJECT" rev-parse --short HEAD 2>/dev/null || echo -)"
    echo "jar_sha256=$(sha256sum "$JAR" | cut -c1-16)"
    echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg)"; } > "$RESULTS/sustained-meta.txt"
  psql_pg "drop database if exists $PG_DB" && psql_pg "create database $PG_DB"
  wait_for_ci
  start_app 10 "$SUSTAIN_INTERVAL"
  fleetbench 10 "$RESULTS/fleet-sustained.json" --sustain "$SUSTAIN_WINDOW" --interval "$SUSTAIN_INTERVAL" \
    ${IDLE_WINDOW:+--idle "$IDLE_WINDOW"} ${PGSS_OUT:+--pgss "$PGSS_OUT"}
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/sustained-meta.txt"
  stop_app
  "$PY" -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["sustained"], indent=1))' \
    "$RESULTS/fleet-sustained.json" >&2
  stop_fleet "$BIG_FLEET"
  stop_pg
}

floor() {  # $1 = result file: CPU per ipmitool session against bmc001 of the big fleet (floorbench.py)
  local host; host=$(awk -F'\t' '$1 == "bmc001" {print $2}' "$BIG_FLEET/inventory.tsv")
  IPMI_PASSWORD=secret timeout 900 "$PY" "$HERE/floorbench.py" --host "$host" --home "$BIG_FLEET/ipmihome" \
    --workdir "$BENCH_DIR/floor" --reps "${FLOOR_REPS:-30}" > "$1"
}

bench_compare() {
  start_pg
  start_big_fleet compare
  { echo "git_head=$(git -C "$PROJECT" rev-parse --short HEAD 2>/dev/null || echo -)"
    echo "fleet=$FLEET_N sims on $BIG_NET.x, POLL_INTERVAL=$SUSTAIN_INTERVAL, window=$SUSTAIN_WINDOW s"
    echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg) uptime: $(uptime)"; } > "$RESULTS/compare-meta.txt"
  floor "$RESULTS/floor-1.json"
  local spec name
  for spec in $COMPARE_JARS; do
    name=${spec%%=*}
    cp -f "${spec#*=}" "$JAR"
    echo "$name: jar ${spec#*=} sha256=$(sha256sum "$JAR" | cut -c1-16) load_before=$(cut -d' ' -f1-3 /proc/loadavg)" \
      >> "$RESULTS/compare-meta.txt"
    psql_pg "drop database if exists $PG_DB" && psql_pg "create database $PG_DB"
    start_app 10 "$SUSTAIN_INTERVAL"
    fleetbench 10 "$RESULTS/sustained-$name.json" --sustain "$SUSTAIN_WINDOW" --interval "$SUSTAIN_INTERVAL" \
      ${PGSS_OUT:+--pgss "$PGSS_OUT.$name"}
    echo "$name: load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/compare-meta.txt"
    stop_app
    "$PY" -c 'import json,sys; print(sys.argv[2], json.dumps(json.load(open(sys.argv[1]))["sustained"]))' \
      "$RESULTS/sustained-$name.json" "$name" >&2
  done
  floor "$RESULTS/floor-2.json"
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg) uptime: $(uptime)" >> "$RESULTS/compare-meta.txt"
  stop_fleet "$BIG_FLEET"
  stop_pg
}

bench_first() {  # issue 18: round 1 only, per jar of COMPARE_JARS, same fleet, same run
  start_pg
  start_big_fleet first
  { echo "git_head=$(git -C "$PROJECT" rev-parse --short HEAD 2>/dev/null || echo -)"
    echo "fleet=$FLEET_N sims on $BIG_NET.x, COLLECTOR_THREADS=${FIRST_THREADS:-10}"
    echo "load_start=$(cut -d' ' -f1-3 /proc/loadavg) uptime: $(uptime)"; } > "$RESULTS/first-meta.txt"
  local spec name
  for spec in $COMPARE_JARS; do
    name=${spec%%=*}
    cp -f "${spec#*=}" "$JAR"
    echo "$name: jar ${spec#*=} sha256=$(sha256sum "$JAR" | cut -c1-16) load_before=$(cut -d' ' -f1-3 /proc/loadavg)" \
      >> "$RESULTS/first-meta.txt"
    psql_pg "drop database if exists $PG_DB" && psql_pg "create database $PG_DB"
    start_app "${FIRST_THREADS:-10}"
    fleetbench "${FIRST_THREADS:-10}" "$RESULTS/first-$name.json" --first-only
    as_pg "$PG_BIN/psql" -h "$PGDATA" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -qAt -c "select count(*) from sel_event" | sed "s/^/$name: sel_event rows=/" >> "$RESULTS/first-meta.txt" 2>/dev/null || true
    echo "$name: load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/first-meta.txt"
    stop_app
    "$PY" -c 'import json,sys; print(sys.argv[2], json.dumps(json.load(open(sys.argv[1]))["round1_first_poll"]))' \
      "$RESULTS/first-$name.json" "$name" >&2
  done
  echo "load_end=$(cut -d' ' -f1-3 /proc/loadavg) uptime: $(uptime)" >> "$RESULTS/first-meta.txt"
  stop_fleet "$BIG_FLEET"
  stop_pg
}

# ---------------------------------------------------------------- main
command -v ipmitool >/dev/null || die "ipmitool not installed"
command -v ipmi_sim >/dev/null || die "ipmi_sim not installed"
# leftovers of an earlier (killed) run in the same BENCH_DIR: stop them by their PID files first
stop_app; stop_pg; stop_fleet "$SEL_FLEET"; stop_fleet "$BIG_FLEET"
mkdir -p "$RESULTS"; rm -f "$RESULTS/warnings.txt"
wait_for_ci
case "$MODE" in
  sel) bench_sel ;;
  fleet) bench_fleet ;;
  all) bench_sel; bench_fleet ;;
  sustained) bench_sustained ;;
  compare) bench_compare ;;
  first) bench_first ;;
esac
say "results in $RESULTS (copied to $HERE/results)"

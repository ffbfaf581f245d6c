#!/usr/bin/env bash
# api-bench.sh [PHASE...] - read-path, /metrics, memory and SEL-ingest benchmarks of IPMI Monitor (bench/README.md)
#
# Phases (default: api metrics ingest; the dataset is always seeded first):
#   api      wrk against /api/events (5 typical filters), /api/server/{ip}/events, /api/servers and the dashboard /,
#            each at every WRK_CONNS level, WRK_DURATION s measured after WRK_WARMUP s of warm-up
#   metrics  wrk against /metrics (1,000 servers x 25 sensors), its size, and the timing of the SQL of the
#            15-s FleetMetrics refresh that builds it
#   ingest   INGEST_SIMS simulated BMCs with INGEST_SEL SEL records each, registered one after the other through
#            the API; each first poll stores its whole SEL through the app's real write path (PollRecorder ->
#            SystemEvents.store). Store time per poll = commit time of its transaction (track_commit_timestamp) -
#            the collected_at the app stamped on its events when recordSuccess began.
#   idle     (issue 18; runs before seeding, alone it skips the seed) CPU of the idle app with no servers over
#            IDLE_WINDOWS windows of IDLE_SECONDS, IDLE_SETTLE s after ready: JVM (+ its children) and PostgreSQL
#            (postmaster + backends), from /proc/<pid>/stat, and the JVM threads that used it (/proc/<pid>/task/*/stat)
#   polled   (issue 18) POLLED_SIMS simulated BMCs (src/test/bmcsim/fleet.sh, ips mode on POLLED_NET) behind the
#            first POLLED_SIMS seeded servers (same addresses), the app polling every POLL_INTERVAL_POLLED (60) s;
#            after the first round and POLLED_WARMUP s, wrk against /, /api/servers, /metrics while polling goes
#            on; polls per 60 s and CPU of the process tree in that window
#
# Dataset (bench/seed.sql, straight SQL after Flyway created the schema): SERVERS (1000) servers on 127.81.x.y
# where nothing listens, marked as polled just now (POLL_INTERVAL=86400: the collector stays idle), EVENTS
# (1,000,000) SEL events over the last 30 days, SENSORS (25) sensors x ROUNDS (12) readings per server.
#
# Environment (defaults): BENCH_DIR=/work/benchdata  APP_PORT=18299  PG_PORT=55499  WRK_CONNS="1 8"
#   WRK_DURATION=20  WRK_WARMUP=5  INGEST_SIMS=10  INGEST_SEL=4000  INGEST_NET=127.86  JAR_SRC=<checkout>/target/ipmi-monitor.jar
#   LOCK=${TMPDIR:-/tmp}/ipmimon-api-bench.window (created for each measuring window, removed by trap; others wait for it)
#   MAVEN_WAIT_MAX=300 (before a window, wait at most this long for running Maven builds to end, then measure)
#   RESULTS_OUT=<checkout>/bench/results/api   where results are copied at the end
#   FLEET_KEEP=1  the polled phase leaves its sims running at exit and reuses them if all are up (A/B runs; stop
#                 them with FLEET_DIR=$BENCH_DIR/fleet src/test/bmcsim/fleet.sh stop)
#   BENCH_FLOCK=  a lock file (e.g. /tmp/ipmimon-bench.lock) flock-ed after the polled phase's sims started, until exit
#   APP_JAVA_OPTS= extra JVM options of the app (e.g. -XX:StartFlightRecording=...)
#   EXTRA_SQL=    a SQL file run after seeding, before measuring (e.g. bench/effective-time-index.sql)
#   PG_OPTS=      extra postgres -c options; with shared_preload_libraries=pg_stat_statements the ingest phase
#                 writes the PostgreSQL time per statement of its window to pg_stat_statements.txt
# Loopback only; every process started here is stopped by PID on exit (trap). wrk is apt-get installed if missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PROJECT=$(cd "$HERE/.." && pwd)
PHASES=${*:-api metrics ingest}
for p in $PHASES; do case "$p" in api|metrics|ingest|idle|polled) ;; *) sed -n '2,34p' "$0"; exit 2 ;; esac; done

BENCH_DIR=${BENCH_DIR:-/work/benchdata}
APP_PORT=${APP_PORT:-18299}
PG_PORT=${PG_PORT:-55499}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DB=ipmibench PG_USER=bench PG_PASS=bench-pg-secret
SERVERS=${SERVERS:-1000} EVENTS=${EVENTS:-1000000} SENSORS=${SENSORS:-25} ROUNDS=${ROUNDS:-12}
WRK_CONNS=${WRK_CONNS:-1 8} WRK_DURATION=${WRK_DURATION:-20} WRK_WARMUP=${WRK_WARMUP:-5}
INGEST_SIMS=${INGEST_SIMS:-10} INGEST_SEL=${INGEST_SEL:-4000} INGEST_NET=${INGEST_NET:-127.86}
SEED_NET=${SEED_NET:-127.81}   # the seeded servers' BMC addresses: $SEED_NET.x.y, the same as fleet.sh's ips mode
IDLE_SECONDS=${IDLE_SECONDS:-120} IDLE_SETTLE=${IDLE_SETTLE:-60} IDLE_WINDOWS=${IDLE_WINDOWS:-1}
POLLED_SIMS=${POLLED_SIMS:-$SERVERS} POLLED_WARMUP=${POLLED_WARMUP:-60} POLLED_FIRST_MAX=${POLLED_FIRST_MAX:-420}
POLL_INTERVAL_POLLED=${POLL_INTERVAL_POLLED:-60}
JAR_SRC=${JAR_SRC:-$PROJECT/target/ipmi-monitor.jar}
LOCK=${LOCK:-${TMPDIR:-/tmp}/ipmimon-api-bench.window}
mkdir -p "$(dirname "$LOCK")"
RESULTS_OUT=${RESULTS_OUT:-$HERE/results/api}
PY=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || command -v python3 )
PGDATA=$BENCH_DIR/pg/data
RESULTS=$BENCH_DIR/results
RUN=$BENCH_DIR/app
APP_PID_FILE=$BENCH_DIR/app.pid
SIMS=$BENCH_DIR/sims
FLEET=$BENCH_DIR/fleet   # the polled phase's fleet.sh sims
JAR=$BENCH_DIR/bench-app.jar   # own name: other cleanups may pkill -f ipmi-monitor.jar
BASE=http://127.0.0.1:$APP_PORT
SAMPLER_PID=
WRK_LINE='import json, sys
d = json.loads(sys.stdin.read())
print("%-34s p50 %8s ms  p95 %8s ms  p99 %8s ms  %7.1f req/s  non-2xx %s" % (d["label"], d["p50_ms"], d["p95_ms"], d["p99_ms"], d["rps"], d["non_2xx_3xx"]))'

say() { echo "[api-bench $(date +%H:%M:%S)] $*" >&2; }
die() { say "ERROR: $*"; exit 1; }
. "$HERE/lib.sh"   # as_pg, tcp_free, start_pg, stop_pg
psql_db() { as_pg "$PG_BIN/psql" -h "$PGDATA" -p "$PG_PORT" -U "$PG_USER" -d "${DB:-$PG_DB}" -qAt -v ON_ERROR_STOP=1 "$@"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
app_pid() { cat "$APP_PID_FILE"; }
mem() { awk '/^VmRSS|^VmHWM/{sub(":", "", $1); printf "%s=%dMB ", $1, $2/1024}' "/proc/$(app_pid)/status"; }   # MB

# ---------------------------------------------------------------- cleanup (by PID / own dirs only)
stop_sampler() { [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null; SAMPLER_PID=; return 0; }
stop_app() {
  [ -f "$APP_PID_FILE" ] || return 0
  local pid; pid=$(cat "$APP_PID_FILE")
  if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-jar $JAR"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then pkill -KILL -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$APP_PID_FILE"
}
stop_sims() {
  local f pid
  for f in "$SIMS"/*/sim.pid; do
    [ -e "$f" ] || continue; pid=$(cat "$f")
    if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q '^ipmi_sim '; then kill "$pid" 2>/dev/null || true; fi
    rm -f "$f"
  done
}
stop_fleet() { [ -z "${FLEET_KEEP:-}" ] && [ -d "$FLEET" ] && FLEET_DIR=$FLEET "$PROJECT/src/test/bmcsim/fleet.sh" stop >/dev/null 2>&1; return 0; }
release_lock() { if [ -f "$LOCK" ] && grep -q "^pid=$$ " "$LOCK" 2>/dev/null; then rm -f "$LOCK"; fi; return 0; }
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_sampler; release_lock; stop_app; stop_pg; stop_sims; stop_fleet
  if [ -d "$RESULTS" ]; then mkdir -p "$RESULTS_OUT"; cp -f "$RESULTS"/* "$RESULTS_OUT/" 2>/dev/null || true; fi
  say "cleanup done (exit $rc); results in $RESULTS_OUT"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- measuring windows (machine etiquette)
# The machine is shared: each measuring window holds $LOCK (others wait up to 10 min for it before IT runs), so
# keep a window well under 10 min. Before taking it, wait (bounded) for running Maven builds to end.
begin_window() {  # $1 = name
  local waited=0
  while pgrep -f 'org.codehaus.plexus.classworlds.launcher.Launcher' >/dev/null && [ "$waited" -lt "${MAVEN_WAIT_MAX:-300}" ]; do
    [ $((waited % 60)) = 0 ] && say "waiting for a running Maven build to end before measuring ($waited s)"
    sleep 10; waited=$((waited + 10))
  done
  while [ -e "$LOCK" ] && ! grep -q "^pid=$$ " "$LOCK" 2>/dev/null; do
    # a window whose script was killed (its trap did not run) holds nobody: take it
    owner=$(sed -n 's/^pid=\([0-9]*\) .*/\1/p' "$LOCK" 2>/dev/null)
    if [ -n "$owner" ] && ! kill -0 "$owner" 2>/dev/null; then say "removing $LOCK of pid $owner, which is gone"; rm -f "$LOCK"; break; fi
    say "waiting for someone else's $LOCK"; sleep 15
  done
  echo "pid=$$ api-bench window $1 since $(date -u +%FT%TZ) (bench/api-bench.sh; removed when the window ends)" > "$LOCK"
  WINDOW=$1 WINDOW_T0=$(date +%s)
  local mvn; mvn=$(pgrep -fc 'org.codehaus.plexus.classworlds.launcher.Launcher' || true)
  echo "$(date -u +%FT%TZ) window=$1 start load=$(load) maven_processes=$mvn app_mem_mb: $(mem)" >> "$RESULTS/windows.txt"
  say "window $1: measuring (load $(load))"
}
end_window() {
  local mvn; mvn=$(pgrep -fc 'org.codehaus.plexus.classworlds.launcher.Launcher' || true)
  echo "$(date -u +%FT%TZ) window=$WINDOW end load=$(load) maven_processes=$mvn seconds=$(( $(date +%s) - WINDOW_T0 )) app_mem_mb: $(mem)" >> "$RESULTS/windows.txt"
  release_lock
  say "window $WINDOW done in $(( $(date +%s) - WINDOW_T0 )) s (load $(load))"
}

# ---------------------------------------------------------------- setup
ensure_wrk() {
  command -v wrk >/dev/null && return 0
  say "installing wrk (apt-get)"
  local sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get install -y -q wrk >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q wrk >/dev/null; }
}

start_app() {
  tcp_free "$APP_PORT" || die "port $APP_PORT is in use"
  rm -rf "$RUN"; mkdir -p "$RUN"
  printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' \
    > "$RUN/loopback.asadmin"
  ( cd "$RUN" && exec env DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB" DB_USER="$PG_USER" DB_PASSWORD="$PG_PASS" \
      DATA_DIR="$RUN/data" ADMIN_PASS=bench SECRET_KEY=bench POLL_INTERVAL="$POLL_INTERVAL" IPMI_PASS=secret \
      COLLECTOR_THREADS=10 \
      java -Xmx768m -XX:+ExitOnOutOfMemoryError ${APP_JAVA_OPTS:-} -jar "$JAR" --port "$APP_PORT" --prebootcommandfile "$RUN/loopback.asadmin" \
      --rootdir "$RUN/payara" </dev/null >"$RUN/app.log" 2>&1 ) &
  echo $! > "$APP_PID_FILE"
  local t
  for ((t = 0; t < 240; t++)); do
    kill -0 "$(app_pid)" 2>/dev/null || die "the app exited during start; see $RUN/app.log"
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/health/ready")" = 200 ] \
      && { say "app ready after ${t} s (pid $(app_pid))"; return 0; }
    sleep 1
  done
  die "the app was not ready within 240 s; see $RUN/app.log"
}

seed() {
  say "seeding $SERVERS servers, $EVENTS events, $SENSORS sensors x $ROUNDS readings (bench/seed.sql)"
  local t0; t0=$(date +%s)
  psql_db -v servers="$SERVERS" -v events="$EVENTS" -v sensors="$SENSORS" -v rounds="$ROUNDS" -v net="$SEED_NET" -f "$HERE/seed.sql" \
    > "$RESULTS/seed.txt" 2>&1 || { cat "$RESULTS/seed.txt" >&2; die "seeding failed"; }
  echo "seed_seconds=$(( $(date +%s) - t0 ))" >> "$RESULTS/seed.txt"
  say "seeded in $(( $(date +%s) - t0 )) s: $(grep -E '^[0-9]+\|[0-9]+\|' "$RESULTS/seed.txt" | head -1)"
}

# ---------------------------------------------------------------- wrk
sample_mem() {  # background: peak VmRSS of the app while wrk runs -> $1
  local out=$1 pid; pid=$(app_pid); rm -f "$out"
  ( peak=0; while :; do r=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${r:-0}" -gt "$peak" ] && { peak=$r; echo "$peak" > "$out.tmp"; mv -f "$out.tmp" "$out"; }; sleep 0.5; done ) &
  SAMPLER_PID=$!
}
run_wrk() {  # label path
  local label=$1 path=$2 c th code bytes
  read -r code bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' --max-time 60 "$BASE$path")
  [ "$code" = 200 ] || die "$path answered $code"
  for c in $WRK_CONNS; do
    th=$(( c < 2 ? c : 2 ))
    wrk -t"$th" -c"$c" -d"${WRK_WARMUP}s" --timeout 30s "$BASE$path" >/dev/null
    local l0; l0=$(load); sample_mem "$RESULTS/.peak"
    local json; json=$(WRK_LABEL="$label c=$c" wrk -t"$th" -c"$c" -d"${WRK_DURATION}s" --timeout 30s \
      -s "$HERE/wrk-report.lua" "$BASE$path" | grep '^{"label"')
    stop_sampler
    printf '%s\n' "${json%\}},\"path\":\"$path\",\"connections\":$c,\"threads\":$th,\"response_bytes\":$bytes,\"load_start\":\"$l0\",\"load_end\":\"$(load)\",\"app_rss_peak_mb\":$(( $(cat "$RESULTS/.peak" 2>/dev/null || echo 0) / 1024 )),\"app_hwm_mb\":$(awk '/^VmHWM/{print int($2/1024)}' "/proc/$(app_pid)/status")}" \
      >> "$RESULTS/wrk.jsonl"
    say "$(printf '%s' "$json" | "$PY" -c "$WRK_LINE")"
  done
}

SRV_N=$((SERVERS / 2)); SRV_IP=127.81.$((SRV_N / 200)).$((SRV_N % 200 + 1))   # a seeded server (1000: node-0500 = 127.81.2.101)
phase_api() {
  begin_window api-events
  run_wrk "events default (24h, 100)" "/api/events"
  run_wrk "events latest page 30d" "/api/events?hours=720&limit=100"
  run_wrk "events 7d page 3 of 50" "/api/events?hours=168&limit=50&offset=100"
  run_wrk "events server+critical 30d" "/api/events?server=$SRV_IP&severity=critical&hours=720"
  run_wrk "events text ecc 24h" "/api/events?q=ecc&hours=24"
  run_wrk "server events 500" "/api/server/$SRV_IP/events?limit=500"
  end_window
  begin_window api-servers-dashboard
  run_wrk "servers 24h" "/api/servers?hours=24"
  run_wrk "dashboard /" "/"
  end_window
}

phase_metrics() {
  begin_window metrics
  curl -s --max-time 60 "$BASE/metrics" > "$RESULTS/metrics-sample.txt"
  { echo "bytes=$(stat -c %s "$RESULTS/metrics-sample.txt")"
    echo "samples=$(grep -vc '^#' "$RESULTS/metrics-sample.txt")"
    echo "sensor_samples=$(grep -cE '^ipmi_(temperature_celsius|fan_speed_rpm|voltage_volts|power_watts)[{]' "$RESULTS/metrics-sample.txt" || true)"
    echo "gzip_bytes=$(gzip -c "$RESULTS/metrics-sample.txt" | wc -c)"; } > "$RESULTS/metrics-size.txt"
  say "metrics: $(tr '\n' ' ' < "$RESULTS/metrics-size.txt")"
  run_wrk "metrics" "/metrics"
  # the SQL of one FleetMetrics refresh (every 15 s in the background), 5 times, client-side timing
  for _ in 1 2 3 4 5; do psql_db -f "$HERE/metrics-refresh.sql" 2>&1 | grep -E '^Time:'; done > "$RESULTS/metrics-refresh-sql.txt"
  end_window
  gzip -f "$RESULTS/metrics-sample.txt"
}

# ---------------------------------------------------------------- SEL ingest through the real app
start_sims() {
  stop_sims; rm -rf "$SIMS"; mkdir -p "$SIMS"
  local i d host
  for ((i = 1; i <= INGEST_SIMS; i++)); do
    d=$SIMS/ing$i; host=$INGEST_NET.0.$i
    # someone else's sim on that address would be polled instead of ours
    ss -Hlnu "src $host:6230" | grep -q . && die "$host:6230 is already in use (INGEST_NET=...)"
    ss -Hlnt "src $host:6231" | grep -q . && die "$host:6231 is already in use (INGEST_NET=...)"
    "$PY" "$PROJECT/src/test/bmcsim/bmcgen.py" --dir "$d" --name "ing$i" --addr "$host" --port 6230 \
      --console-port 6231 --user admin --password secret --sel-count "$INGEST_SEL" --sel-max "$INGEST_SEL" \
      --power 1 --seed $((9000 + i)) --mfg 343 >/dev/null
    ( cd "$d" && exec setsid ipmi_sim -c lan.conf -f bmc.emu -s "$d/state" -n </dev/null >"$d/sim.log" 2>&1 ) &
    echo $! > "$d/sim.pid"
  done
  for ((i = 1; i <= INGEST_SIMS; i++)); do
    for _ in $(seq 100); do ss -Hlunp "src $INGEST_NET.0.$i:6230" | grep -q "pid=$(cat "$SIMS/ing$i/sim.pid")," && break; sleep 0.1; done
    ss -Hlunp "src $INGEST_NET.0.$i:6230" | grep -q "pid=$(cat "$SIMS/ing$i/sim.pid")," || die "sim ing$i did not bind: $(cat "$SIMS/ing$i/sim.log")"
  done
}
# with PG_OPTS="-c shared_preload_libraries=pg_stat_statements ...": PostgreSQL time per statement of the ingest
# window alone (seeding and the earlier phases reset away) -> pg_stat_statements.txt
pgss_on() { [[ "${PG_OPTS:-}" == *pg_stat_statements* ]]; }
pgss_reset() { pgss_on || return 0; psql_db -c "create extension if not exists pg_stat_statements" -c "select pg_stat_statements_reset()" >/dev/null; }
pgss_dump() {
  pgss_on || return 0
  { echo "calls|total_ms|mean_ms|max_ms|rows|query"   # max: the first poll's statements run cold
    psql_db -P footer=off -c "select calls, round(total_exec_time) total_ms, round(mean_exec_time::numeric, 3) mean_ms,
      round(max_exec_time::numeric, 1) max_ms, rows,
      left(regexp_replace(query, '\\s+', ' ', 'g'), 110) q from pg_stat_statements order by total_exec_time desc limit 25"
  } > "$RESULTS/pg_stat_statements.txt"
}
phase_ingest() {
  say "starting $INGEST_SIMS sims with $INGEST_SEL SEL records each on $INGEST_NET.0.x"
  start_sims
  pgss_reset
  begin_window ingest
  local i t
  for ((i = 1; i <= INGEST_SIMS; i++)); do
    curl -s -o /dev/null -w '%{http_code}' -u admin:bench -H 'Content-Type: application/json' \
      -d "{\"bmc_ip\":\"$INGEST_NET.0.$i\",\"port\":6230,\"server_name\":\"ingest-$i\",\"ipmi_user\":\"admin\",\"ipmi_pass\":\"secret\"}" \
      "$BASE/api/servers/add" | grep -q '^20' || die "could not add $INGEST_NET.0.$i"
    # one poll at a time: the figure is the write path of one poll, not contention between polls
    for ((t = 0; t < 180; t++)); do
      [ "$(psql_db -c "select count(*) from collection_run r join server s on s.id = r.server_id where s.bmc_ip = '$INGEST_NET.0.$i'")" -ge 1 ] && break
      sleep 1
    done
  done
  psql_db -F $'\t' -P footer=off -c "
    select s.bmc_ip, r.outcome, r.new_events, r.duration_ms,
           round(extract(epoch from pg_xact_commit_timestamp(r.xmin) - e.collected_at)::numeric * 1000) as store_ms,
           round(r.new_events / nullif(extract(epoch from pg_xact_commit_timestamp(r.xmin) - e.collected_at), 0)) as events_per_s
      from server s join collection_run r on r.server_id = s.id
      join lateral (select max(collected_at) collected_at from sel_event x where x.server_id = s.id) e on true
     where s.bmc_ip like '$INGEST_NET.0.%' order by s.id" > "$RESULTS/ingest.tsv"
  end_window
  pgss_dump
  # what was stored, independent of when the sims were generated (bmcgen stamps the SEL relative to its start):
  # equal checksums = the same rows, severities and closed conditions (before/after a change of the write path)
  psql_db -f "$HERE/ingest-check.sql" > "$RESULTS/ingest-check.txt"
  cat "$RESULTS/ingest.tsv" >&2
  "$PY" - "$RESULTS/ingest.tsv" > "$RESULTS/ingest-summary.txt" <<'PYEOF'
import sys, statistics
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
ok = [r for r in rows if r[1] == "OK" and r[4] not in ("", None)]
ev = sum(int(r[2]) for r in ok); ms = sum(float(r[4]) for r in ok)
rates = [float(r[5]) for r in ok if r[5]]
# the first two polls run cold code and, after the checkpoint seeding started, log a full page image for most
# effective-time index pages they touch; the polls after them show the rate a longer ingest settles at
later = ok[2:]
later_rate = sum(int(r[2]) for r in later) / (sum(float(r[4]) for r in later) / 1000) if later else 0
print(f"polls={len(rows)} ok={len(ok)} events_stored={ev} store_ms_total={ms:.0f} "
      f"events_per_s_overall={ev / (ms / 1000):.0f} per_poll_median={statistics.median(rates):.0f} "
      f"min={min(rates):.0f} max={max(rates):.0f} poll_duration_ms_median={statistics.median(int(r[3]) for r in ok):.0f} "
      f"first_polls_ms={'/'.join(r[4] for r in ok[:2])} events_per_s_polls_3_on={later_rate:.0f}")
PYEOF
  say "ingest: $(cat "$RESULTS/ingest-summary.txt")"
  stop_sims
}

# ---------------------------------------------------------------- issue 18: the idle app, and pages while polled
cpu_snap() { "$PY" "$HERE/cpu-tree.py" snap "$(app_pid)" "$PGDATA" "$FLEET/*/sim.pid" > "$1"; }
phase_idle() {   # no servers yet: what the app and PostgreSQL use when there is nothing to do
  begin_window idle
  local w
  for ((w = 1; w <= IDLE_WINDOWS; w++)); do   # consecutive windows: how the JIT's share fades after the start
    cpu_snap "$RESULTS/.idle0"; sleep "$IDLE_SECONDS"; cpu_snap "$RESULTS/.idle1"
    "$PY" "$HERE/cpu-tree.py" diff "$RESULTS/.idle0" "$RESULTS/.idle1" >> "$RESULTS/idle.jsonl"
    # what ps shows as %CPU: the JVM's CPU since its start divided by its age (start-up included)
    echo "window $w ends $(ps -o etimes= -p "$(app_pid)" | tr -d ' ') s after the JVM started; lifetime average $(ps -o times=,etimes= -p "$(app_pid)" | awk '{printf "%.4f", $1 / $2}') cores" >> "$RESULTS/idle.txt"
    say "idle window $w: $(tail -1 "$RESULTS/idle.jsonl")"
  done
  end_window
}
start_fleet() {  # before the app: the seeded servers are due POLL_INTERVAL_POLLED s after seeding
  if [ -n "${FLEET_KEEP:-}" ] && [ "$(for f in "$FLEET"/*/sim.pid; do [ -e "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null && echo; done | wc -l)" -ge "$POLLED_SIMS" ]; then
    say "FLEET_KEEP: the $POLLED_SIMS sims of the last run are still up, reused"; return 0
  fi
  say "starting $POLLED_SIMS simulated BMCs on $SEED_NET.x.y (fleet.sh, ips mode)"
  stop_fleet; rm -rf "$FLEET"
  FLEET_DIR=$FLEET SIM_NET=$SEED_NET "$PROJECT/src/test/bmcsim/fleet.sh" start "$POLLED_SIMS" > "$RESULTS/fleet-start.txt" 2>&1 \
    || { tail -5 "$RESULTS/fleet-start.txt" >&2; die "fleet.sh start failed"; }
}
phase_polled() {
  # due times spread over one interval, as a fleet that has been running a while has them
  psql_db -c "update server_status set last_attempt_at = now() - make_interval(secs => (server_id % $POLL_INTERVAL_POLLED)), lease_until = null" >/dev/null
  local t0 t n
  t0=$(psql_db -c "select now()")
  begin_window polled
  say "waiting (at most $POLLED_FIRST_MAX s) until each of the $POLLED_SIMS polled servers has been polled once"
  for ((t = 0; t < POLLED_FIRST_MAX; t += 5)); do
    n=$(psql_db -c "select count(distinct server_id) from collection_run where started_at > '$t0'")
    [ "$n" -ge "$POLLED_SIMS" ] && break
    sleep 5
  done
  echo "first_round_seconds=$t servers_polled=$n" > "$RESULTS/polled.txt"
  say "first round: $n servers in $t s; warm-up $POLLED_WARMUP s"
  sleep "$POLLED_WARMUP"
  local w0 w1; w0=$(psql_db -c "select now()"); cpu_snap "$RESULTS/.polled0"
  run_wrk "dashboard / (polled)" "/"
  run_wrk "servers 24h (polled)" "/api/servers?hours=24"
  run_wrk "metrics (polled)" "/metrics"
  cpu_snap "$RESULTS/.polled1"; w1=$(psql_db -c "select now()")
  end_window
  { echo "window=$w0 .. $w1"
    psql_db -c "select 'polls_per_60s=' || round(count(*) * 60 / extract(epoch from timestamptz '$w1' - timestamptz '$w0'))
                       || ' servers=' || count(distinct server_id) || ' ok=' || count(*) filter (where outcome = 'OK')
                       || ' poll_ms_median=' || percentile_cont(0.5) within group (order by duration_ms)
                  from collection_run where started_at between '$w0' and '$w1'"
    echo "cpu=$("$PY" "$HERE/cpu-tree.py" diff "$RESULTS/.polled0" "$RESULTS/.polled1")"; } >> "$RESULTS/polled.txt"
  say "polled: $(tr '\n' ' ' < "$RESULTS/polled.txt")"
}

# ---------------------------------------------------------------- main
command -v curl >/dev/null || die "curl missing"
ensure_wrk
[ -f "$JAR_SRC" ] || die "no $JAR_SRC: build with mvn -B -q -o package -DskipTests"
stop_app; stop_pg; stop_sims   # leftovers of an earlier killed run in this BENCH_DIR
mkdir -p "$BENCH_DIR"; rm -rf "$RESULTS"; mkdir -p "$RESULTS"
cp -f "$JAR_SRC" "$JAR"
{ echo "git_head=$(git -C "$PROJECT" rev-parse --short HEAD 2>/dev/null || echo -)$(git -C "$PROJECT" diff --quiet 2>/dev/null || echo '+dirty')"
  echo "jar=$JAR_SRC mtime=$(stat -c %y "$JAR_SRC") sha256=$(sha256sum "$JAR" | cut -c1-16)"
  echo "cpus=$(nproc) wrk=$(wrk -v 2>&1 | head -1) java=$(java -version 2>&1 | head -1) postgres=$("$PG_BIN/postgres" --version)"
  echo "started=$(date -u +%FT%TZ) phases=$PHASES servers=$SERVERS events=$EVENTS sensors=$SENSORS rounds=$ROUNDS"
  echo "wrk_conns=$WRK_CONNS wrk_duration=$WRK_DURATION wrk_warmup=$WRK_WARMUP ingest_sims=$INGEST_SIMS ingest_sel=$INGEST_SEL"; } > "$RESULTS/meta.txt"
case " $PHASES " in *" polled "*) POLL_INTERVAL=$POLL_INTERVAL_POLLED; start_fleet ;; *) POLL_INTERVAL=86400 ;; esac
if [ -n "${BENCH_FLOCK:-}" ]; then   # one benchmark at a time on the machine: held from here (the sims are up) to the end
  exec {BENCH_FLOCK_FD}>"$BENCH_FLOCK"; say "waiting for flock $BENCH_FLOCK"; flock "$BENCH_FLOCK_FD"; say "holding $BENCH_FLOCK"
fi
start_pg -c track_commit_timestamp=on   # commit timestamps: the ingest phase's store time
DB=postgres psql_db -c "create database $PG_DB"
start_app
case " $PHASES " in *" idle "*) sleep "$IDLE_SETTLE"; phase_idle; PHASES=${PHASES//idle/} ;; *) sleep 30 ;; esac   # startup work settles
echo "idle_after_start (empty database, settled after ready): $(mem) load=$(load)" > "$RESULTS/memory.txt"
[ -z "${PHASES// /}" ] && { say "done: $(cat "$RESULTS/memory.txt")"; exit 0; }
seed
if [ -n "${EXTRA_SQL:-}" ]; then   # e.g. an index to try: applied after seeding, before measuring
  say "applying EXTRA_SQL=$EXTRA_SQL"
  psql_db -f "$EXTRA_SQL" > "$RESULTS/extra-sql.txt" 2>&1 || { cat "$RESULTS/extra-sql.txt" >&2; die "EXTRA_SQL failed"; }
  echo "extra_sql=$EXTRA_SQL: $(tr '\n' ' ' < "$EXTRA_SQL")" >> "$RESULTS/meta.txt"
fi
sleep 20   # one FleetMetrics refresh over the seeded data
echo "idle_after_seed: $(mem) load=$(load)" >> "$RESULTS/memory.txt"
for p in $PHASES; do "phase_$p"; echo "after_$p: $(mem) load=$(load)" >> "$RESULTS/memory.txt"; done
say "done: $(tr '\n' ';' < "$RESULTS/memory.txt")"

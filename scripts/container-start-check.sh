#!/usr/bin/env bash
# The container's start sequence without Docker: runs the uber-jar exactly as docker/Dockerfile's ENTRYPOINT
# (+ CMD) and ENV say, with the container's paths (/app, /data) moved into a temp dir, on a throwaway
# PostgreSQL given through DB_URL / DB_USER / DB_PASSWORD as docker/compose.yml does. Under root the app runs as
# "nobody" (the image runs as a non-root user) and PostgreSQL as "postgres". Then checks /health/ready,
# /health, /metrics, /api/servers, an admin call, and that the app used that database instead of starting its
# embedded one. Stops everything on exit.
#
#   scripts/container-start-check.sh                  needs target/ipmi-monitor.jar (mvn package)
#   scripts/container-start-check.sh --print-command  prints the command and environment taken from the
#                                                     Dockerfile (one "arg"/"env" line each) and exits
# Deviations from the container, on purpose: --port APP_PORT (18188) instead of 8080, and a pre-boot command
# file that binds Payara to 127.0.0.1 (outside a container, 0.0.0.0 would be every interface of the host).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP_PORT=${APP_PORT:-18188}
PG_PORT=${PG_PORT:-55438}
READY_TIMEOUT=${READY_TIMEOUT:-180}
say() { echo "container-start-check: $*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

# Prints "arg <value>" per ENTRYPOINT+CMD argument and "env <NAME>=<value>" per ENV of the Dockerfile's last
# stage. Absolute paths (the image's /app, /data) are moved under $1, and the value after --port becomes $2.
dockerfile_command() {
  timeout 30 python3 - "$1" "$2" docker/Dockerfile <<'PY'
import json, re, shlex, sys
work, port, dockerfile = sys.argv[1:4]
lines, current = [], ""
for raw in open(dockerfile, encoding="utf-8"):
    line = raw.strip()
    if line.startswith("#") or (not line and not current):
        continue
    if line.endswith("\\"):
        current += line[:-1] + " "
        continue
    current += line
    if current.strip():
        lines.append(current.strip())
    current = ""
last = [i for i, l in enumerate(lines) if re.match(r"(?i)FROM\s", l)][-1]
stage = lines[last:]
def last_of(keyword):
    found = [l.split(None, 1)[1] for l in stage if re.match(r"(?i)%s\s" % keyword, l)]
    return found[-1] if found else None
def exec_form(keyword):
    value = last_of(keyword)
    if value is None:
        return []
    if not value.startswith("["):
        sys.exit("%s is in shell form; only the exec form can be run as the container runs it" % keyword)
    return json.loads(value)
def moved(value):
    return work + value if value.startswith("/") else value
env = {}
for l in stage:
    if re.match(r"(?i)ENV\s", l):
        body = l.split(None, 1)[1]
        pairs = shlex.split(body)
        if "=" not in pairs[0]:                      # legacy "ENV NAME value"
            pairs = [pairs[0] + "=" + " ".join(pairs[1:])]
        for pair in pairs:
            name, value = pair.split("=", 1)
            env[name] = moved(value)
args = exec_form("ENTRYPOINT") + exec_form("CMD")
if not args:
    sys.exit("no ENTRYPOINT/CMD in the last stage")
out, after_port = [], False
for a in args:
    out.append(port if after_port else moved(a))
    after_port = a == "--port"
for name, value in env.items():
    print("env %s=%s" % (name, value))
for a in out:
    print("arg " + a)
PY
}

# JAVA_CMD and CONTAINER_ENV from the Dockerfile, plus the loopback pre-boot file (see the header)
read_command() {
  JAVA_CMD=(); CONTAINER_ENV=()
  local kind value listing
  listing=$(dockerfile_command "$1" "$APP_PORT") || fail "cannot read docker/Dockerfile"
  while IFS= read -r line; do
    kind=${line%% *}; value=${line#* }
    case $kind in
      arg) JAVA_CMD+=("$value") ;;
      env) CONTAINER_ENV+=("$value") ;;
    esac
  done <<<"$listing"
  JAVA_CMD+=(--prebootcommandfile "$1/loopback.asadmin")
}

if [ "${1:-}" = --print-command ]; then
  read_command "<work>"
  printf 'env %s\n' "${CONTAINER_ENV[@]}"
  printf 'arg %s\n' "${JAVA_CMD[@]}"
  exit 0
fi

[ -f target/ipmi-monitor.jar ] || fail "target/ipmi-monitor.jar not built (mvn -DskipTests package)"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PG_BIN" ] || fail "PostgreSQL server binaries not found (scripts/setup.sh)"
for port in "$APP_PORT" "$PG_PORT"; do
  if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
    fail "something already listens on 127.0.0.1:$port"
  fi
done

APP_PID=""
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ipmimon-container-check.XXXXXX")
chmod 711 "$WORK" # PostgreSQL and the app run as other users under root and must reach their directories
if [ "$(id -u)" = 0 ]; then
  as_postgres() { local t=$1; shift; timeout "$t" runuser -u postgres -- "$@"; }
  RUN_AS=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
  APP_OWNER=nobody:nogroup
else
  as_postgres() { local t=$1; shift; timeout "$t" "$@"; }
  RUN_AS=(); APP_OWNER=""
fi

cleanup() {
  local rc=$?
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  PG_BIN=$PG_BIN scripts/pg-throwaway.sh stop "$WORK/pg" || true
  if [ $rc -ne 0 ] && [ -f "$WORK/app.log" ]; then
    say "last lines of the app's log:" >&2
    tail -n 40 "$WORK/app.log" | sed 's/\x1b\[[0-9;]*m//g' >&2
  fi
  if [ "${KEEP_WORK:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- PostgreSQL (the compose file's "postgres")
# local socket in the data directory with trust: only its owner can reach it; TCP needs the password
PG_BIN=$PG_BIN scripts/pg-throwaway.sh start "$WORK/pg" "$PG_PORT" -c fsync=off 2>"$WORK/pg-start.log" \
  || fail "$(cat "$WORK/pg-start.log")"
psql_admin() { as_postgres 30 "$PG_BIN/psql" -h "$WORK/pg/data" -p "$PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
DB_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
ADMIN_PASS=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
# the password goes in on stdin, never on a command line
psql_admin -d postgres <<SQL
create role ipmimon login password '$DB_PASSWORD';
create database ipmimon owner ipmimon;
SQL
say "PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT, database ipmimon"

# ---------------------------------------------------------------- the app, as the image runs it
read_command "$WORK"
jar=""
for i in "${!JAVA_CMD[@]}"; do [ "${JAVA_CMD[$i]}" = -jar ] && jar=${JAVA_CMD[$((i + 1))]}; done
[ -n "$jar" ] || fail "the ENTRYPOINT runs no -jar"
mkdir -p "$(dirname "$jar")"
cp target/ipmi-monitor.jar "$jar" # the image's COPY --from=build .../ipmi-monitor.jar
printf 'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1\n' \
  >"$WORK/loopback.asadmin"
data_dir=""
for kv in "${CONTAINER_ENV[@]}"; do [ "${kv%%=*}" = DATA_DIR ] && data_dir=${kv#*=}; done
[ -n "$data_dir" ] || fail "the Dockerfile sets no DATA_DIR"
mkdir -p "$data_dir"
# what docker/compose.yml hands the container; secrets through a file only the app's user can read
{
  printf '%s\n' "${CONTAINER_ENV[@]}"
  echo "DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/ipmimon"
  echo "DB_USER=ipmimon"
  echo "DB_PASSWORD=$DB_PASSWORD"
  echo "IPMI_USER=admin"
  echo "IPMI_PASS=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
  echo "POLL_INTERVAL=300"
  echo "ADMIN_USER=admin"
  echo "ADMIN_PASS=$ADMIN_PASS"
  echo "SECRET_KEY=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
} >"$WORK/app.env"
chmod 600 "$WORK/app.env"
if [ -n "$APP_OWNER" ]; then chown "$APP_OWNER" "$WORK/app.env" "$data_dir"; fi
chmod -R a+rX "$(dirname "$jar")" "$WORK/loopback.asadmin"

say "starting: ${JAVA_CMD[*]}"
# a clean environment like a container's (nothing of the caller's LDAP_*, DB_* ... leaks in); HOME is the
# image user's home (/data). exec keeps one process from setpriv to java, so APP_PID is the JVM.
"${RUN_AS[@]}" env -i PATH="$PATH" HOME="$data_dir" LANG=C.UTF-8 \
  bash -c 'set -a; . "$0"; set +a; exec "$@"' "$WORK/app.env" "${JAVA_CMD[@]}" >"$WORK/app.log" 2>&1 &
APP_PID=$!

http_code() { curl -s -o "$WORK/body" -w '%{http_code}' --max-time 10 "$@" || true; }
deadline=$((SECONDS + READY_TIMEOUT))
until [ "$(http_code "http://127.0.0.1:$APP_PORT/health/ready")" = 200 ]; do
  kill -0 "$APP_PID" 2>/dev/null || fail "the app exited during start"
  [ $SECONDS -lt $deadline ] || fail "/health/ready not 200 within ${READY_TIMEOUT}s"
  sleep 1
done
say "ready after ${SECONDS}s (pid $APP_PID, user $(ps -o user= -p "$APP_PID"))"

# ---------------------------------------------------------------- checks
check() { # path expected-status pattern-in-body [curl options]
  local path=$1 status=$2 pattern=$3; shift 3
  local got; got=$(http_code "$@" "http://127.0.0.1:$APP_PORT$path")
  [ "$got" = "$status" ] || fail "GET $path: $got, expected $status: $(head -c 300 "$WORK/body")"
  grep -Eq -- "$pattern" "$WORK/body" || fail "GET $path: body lacks /$pattern/: $(head -c 300 "$WORK/body")"
  say "GET $path -> $got"
}
check /health 200 '"status": ?"UP"'
check /metrics 200 '^# TYPE ipmi_'
check /api/servers 200 '^\[\]$'
# ADMIN_PASS from the environment works; curl reads it from a file, not from its command line
printf 'user = "admin:%s"\n' "$ADMIN_PASS" >"$WORK/curl-admin"
chmod 600 "$WORK/curl-admin"
check /api/servers/export?format=json 200 '^\[' -K "$WORK/curl-admin"
check /api/servers/export?format=json 401 'error'

# the app used DB_URL: its schema is in our database and it holds connections to it ...
migrations=$(psql_admin -d ipmimon -At -c 'select count(*) from flyway_schema_history where success')
[ "${migrations:-0}" -ge 1 ] || fail "no Flyway migrations in the given database"
connections=$(psql_admin -d postgres -At -c "select count(*) from pg_stat_activity where usename = 'ipmimon'")
[ "${connections:-0}" -ge 1 ] || fail "the app holds no connection to the given database"
say "the app migrated the given database ($migrations migrations) and holds $connections connection(s) to it"
# ... and never started its embedded PostgreSQL
if grep -q "starting the embedded PostgreSQL" "$WORK/app.log"; then fail "the app started its embedded PostgreSQL"; fi
[ ! -e "$data_dir/postgres" ] || fail "the app created $data_dir/postgres"
say "no embedded PostgreSQL (no log line, no $data_dir/postgres)"
if grep -qF "$DB_PASSWORD" "$WORK/app.log" || grep -qF "$ADMIN_PASS" "$WORK/app.log"; then
  fail "a password reached the app's log"
fi

# ---------------------------------------------------------------- stop as docker stop does (SIGTERM)
kill -TERM "$APP_PID"
for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
if kill -0 "$APP_PID" 2>/dev/null; then fail "the app did not stop within 60 s of SIGTERM"; fi
APP_PID=""
say "stopped on SIGTERM"
say "OK"

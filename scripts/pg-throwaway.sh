#!/usr/bin/env bash
# pg-throwaway.sh - the one throwaway PostgreSQL of the scripts (checks and benchmarks); the app and the ITs use
# the Java PostgresCluster, which does the same from inside the uber-jar.
#
#   scripts/pg-throwaway.sh start DIR PORT [SERVER OPTION...]   e.g. ... start /tmp/x/pg 55477 -c fsync=off
#   scripts/pg-throwaway.sh stop DIR
#
# start makes a fresh cluster in DIR/data (an earlier one there is stopped and removed), log DIR/server.log, and
# starts it on 127.0.0.1:PORT only; the local socket lives in DIR/data (mode 700: only the server's user reaches
# it, with trust), TCP asks for a password (scram-sha-256). Superuser PG_SUPERUSER (default postgres), with password
# PG_PASSWORD when set (it goes through a 0600 file, never a command line). PG_BIN: the server binaries (default
# the newest under /usr/lib/postgresql). Under root, PostgreSQL runs as the "postgres" user, which must be able
# to traverse DIR's parents. Exits non-zero with the reason (and the server log's tail) on stderr.
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
die() { echo "pg-throwaway: $*" >&2; exit 1; }
as_pg() { local t=$1; shift; if [ "$(id -u)" = 0 ]; then timeout "$t" runuser -u postgres -- "$@"; else timeout "$t" "$@"; fi; }
listening() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

stop() {
  local data=$1/data pid
  [ -f "$data/postmaster.pid" ] || return 0
  if ! as_pg 60 "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1; then
    pid=$(head -1 "$data/postmaster.pid" 2>/dev/null || true)
    [ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true
  fi
}

start() {
  local dir=$1 port=$2; shift 2
  local data=$dir/data
  [ -x "$PG_BIN/initdb" ] || die "no PostgreSQL server binaries in '$PG_BIN' (apt-get install postgresql)"
  [[ $port =~ ^[0-9]+$ ]] || die "port '$port' is not a number"
  stop "$dir"
  listening "$port" && die "something already listens on 127.0.0.1:$port"
  rm -rf "$data" "$dir/server.log" "$dir/pw"
  mkdir -p "$data"; chmod 755 "$dir"; chmod 700 "$data"
  if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$dir"; then
    die "the postgres user cannot reach $dir (make its parent directories traversable)"
  fi
  local pwfile=()
  if [ -n "${PG_PASSWORD:-}" ]; then
    (umask 077; printf '%s\n' "$PG_PASSWORD" > "$dir/pw")
    pwfile=(--pwfile="$dir/pw")
  fi
  [ "$(id -u)" != 0 ] || chown -R postgres:postgres "$dir"
  if ! as_pg 120 "$PG_BIN/initdb" -D "$data" -U "${PG_SUPERUSER:-postgres}" "${pwfile[@]}" -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1; then
    rm -f "$dir/pw"; die "initdb failed: $(tail -5 "$dir/initdb.log")"
  fi
  rm -f "$dir/pw" "$dir/initdb.log"
  as_pg 90 "$PG_BIN/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data $*" start >/dev/null \
    || die "PostgreSQL did not start: $(tail -5 "$dir/server.log" 2>/dev/null)"
}

case "${1:-}" in
  start) [ $# -ge 3 ] || die "usage: $0 start DIR PORT [SERVER OPTION...]"; shift; start "$@" ;;
  stop) [ $# -eq 2 ] || die "usage: $0 stop DIR"; stop "$2" ;;
  *) sed -n '2,13p' "$0" >&2; exit 2 ;;
esac

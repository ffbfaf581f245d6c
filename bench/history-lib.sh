# history-lib.sh - sourced by sensor-history.sh and power-history.sh: what both start with. A throwaway PostgreSQL 15
# (stock settings, listening on 127.96.0.1 only and its socket in the data dir, stopped on exit) whose database
# "bench" holds the project's schema up to a given migration. The caller first sets BENCH_NAME (for messages) and
# its defaults of BENCH_DIR and PG_PORT.
HISTORY_LIB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MIGRATIONS="$HISTORY_LIB/../src/main/resources/db/migration"
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_USER=bench PG_PASS=bench-$$-$RANDOM
PGDATA=$BENCH_DIR/pg/data
PG_OPTS="-c listen_addresses=127.96.0.1 ${PG_OPTS:-}"
die() { echo "$BENCH_NAME: $*" >&2; exit 1; }
. "$HISTORY_LIB/lib.sh"   # as_pg, start_pg, stop_pg
mkdir -p "$BENCH_DIR"
trap stop_pg EXIT INT TERM

sql() { as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDATA" -p "$PG_PORT" -U "$PG_USER" -d bench "$@"; }

# migrated_db LAST SERVERS [before]: a fresh cluster and database, the migrations in version order up to LAST (a
# version prefix such as V11_2), LAST itself unless "before"; then SERVERS (an SQL expression) servers with ids 1..
migrated_db() {
  start_pg
  as_pg "$PG_BIN/createdb" -h "$PGDATA" -p "$PG_PORT" -U "$PG_USER" bench
  local f
  for f in $(ls "$MIGRATIONS" | sort -V); do
    [ "${3:-}" = before ] && [ "${f%%__*}" = "$1" ] && break
    sql -f "$MIGRATIONS/$f" >/dev/null
    [ "${f%%__*}" = "$1" ] && break
  done
  sql -c "insert into server (id, bmc_ip, server_name) select g, '10.0.' || (g / 250) || '.' || (g % 250 + 1), 'srv' || g
            from generate_series(1, $2) g"
}

# lib.sh - sourced by api-bench.sh and collection-bench.sh: what both need the same way.
# The caller sets BENCH_DIR, PGDATA, PG_BIN, PG_PORT, PG_USER, PG_PASS (and optionally PG_OPTS) and defines die.

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
tcp_free() { ! ss -Hltn "sport = :$1" | grep -q .; }

PG_THROWAWAY=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/scripts/pg-throwaway.sh

# start_pg [postgres options...]: a fresh cluster in $BENCH_DIR/pg (PGDATA is $BENCH_DIR/pg/data), stock settings
# except loopback, its socket in $PGDATA and the options given (then $PG_OPTS); superuser $PG_USER with $PG_PASS
start_pg() {
  mkdir -p "$BENCH_DIR"; chmod 755 "$BENCH_DIR"
  PG_BIN=$PG_BIN PG_SUPERUSER=$PG_USER PG_PASSWORD=$PG_PASS "$PG_THROWAWAY" start "$BENCH_DIR/pg" "$PG_PORT" "$@" ${PG_OPTS:-} \
    || die "PostgreSQL did not start"
}
stop_pg() { PG_BIN=$PG_BIN "$PG_THROWAWAY" stop "$BENCH_DIR/pg"; }

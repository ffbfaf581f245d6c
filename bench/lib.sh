# lib.sh - sourced by api-bench.sh and collection-bench.sh: what both need the same way.
# The caller sets BENCH_DIR, PGDATA, PG_BIN, PG_PORT, PG_USER, PG_PASS (and optionally PG_OPTS) and defines die.

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
tcp_free() { ! ss -Hltn "sport = :$1" | grep -q .; }

# start_pg [postgres options...]: a fresh cluster in $BENCH_DIR/pg, stock settings except loopback, its own
# socket directory and the options given (then $PG_OPTS); the password only in a 0600 file while initdb runs
start_pg() {
  tcp_free "$PG_PORT" || die "port $PG_PORT is in use"
  rm -rf "$BENCH_DIR/pg"; mkdir -p "$PGDATA"; chmod 755 "$BENCH_DIR" "$BENCH_DIR/pg"; chmod 700 "$PGDATA"
  printf '%s\n' "$PG_PASS" > "$BENCH_DIR/pg/pw"; chmod 600 "$BENCH_DIR/pg/pw"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$BENCH_DIR/pg"
  as_pg "$PG_BIN/initdb" -D "$PGDATA" -U "$PG_USER" --pwfile="$BENCH_DIR/pg/pw" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --no-locale >/dev/null
  rm -f "$BENCH_DIR/pg/pw"
  as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$BENCH_DIR/pg/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGDATA $* ${PG_OPTS:-}" start >/dev/null
}

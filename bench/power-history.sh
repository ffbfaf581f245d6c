#!/usr/bin/env bash
# power-history.sh - issue 18, power history: bytes per stored power reading before/after V12_41 (power_reading, one
# row a poll, against power_recent + power_hour packed by hour). Not a timed test: run by hand, figures go to
# docs/performance.md ("Issue 18: power history").
#
#   bench/power-history.sh   # N_SERVERS x N_POLLS readings STEP seconds apart: the old way, migrated by V12_41,
#                            # and the same readings stored poll by poll through power_store, then packed
#
# Knobs: BENCH_DIR (/tmp/ipmimon-powerbench), PG_PORT (55498), N_SERVERS (100), N_POLLS (1440), STEP (60).
# PostgreSQL 15 stock settings, listening on 127.96.0.1 only (and its socket in the data dir); stopped on exit.
set -euo pipefail
BENCH_NAME=power-history.sh BENCH_DIR=${BENCH_DIR:-/tmp/ipmimon-powerbench} PG_PORT=${PG_PORT:-55498}
N_SERVERS=${N_SERVERS:-100} N_POLLS=${N_POLLS:-1440} STEP=${STEP:-60}
. "$(dirname "$0")/history-lib.sh"   # sql, migrated_db, MIGRATIONS; PostgreSQL stopped on exit

# a draw that moves a little from poll to poll, min/max/avg as DCMI reports them over its sampling period
WATTS="(300 + 50 * sin(p.n / 9.0 + s.id) + s.id % 40)::integer"
AT="date_trunc('milliseconds', now() - interval '1 second' * $STEP * ($N_POLLS - p.n)
    + interval '1 millisecond' * ((s.id * 37 + p.n * 11) % 1000))"

report() { # $1 label, $2 tables
  sql -A -t -c "select '$1: ' || string_agg(t || ' ' || pg_total_relation_size(t::regclass) || ' B', ', ')
      || '; total ' || sum(pg_total_relation_size(t::regclass)) || ' B = '
      || round(sum(pg_total_relation_size(t::regclass)) / $((N_SERVERS * N_POLLS))::numeric, 1) || ' B/reading'
      from unnest(array[$2]) t"
}

part_sizes() { # the partitions of power_hour with their indexes
  sql -A -t -c "select coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) from pg_inherits i
                 where i.inhparent = 'power_hour'::regclass"
}

n=$((N_SERVERS * N_POLLS))
echo "== power readings: $N_SERVERS servers x $N_POLLS polls, $STEP s apart = $n readings"
echo "load: $(uptime)"
migrated_db V12_41 "$N_SERVERS" before
t0=$(date +%s.%N)
sql -c "insert into power_reading (server_id, current_watts, min_watts, max_watts, avg_watts, collected_at)
        select s.id, $WATTS, $WATTS - 40, $WATTS + 60, $WATTS + 5, $AT
          from generate_series(1, $N_POLLS) p(n) cross join (select id from server) s order by p.n, s.id"
sql -c "vacuum analyze power_reading"
echo "(insert took $(echo "$(date +%s.%N) - $t0" | bc) s)"
sql -A -t -c "select 'before: power_reading heap ' || pg_relation_size('power_reading') || ' B, indexes '
    || pg_indexes_size('power_reading') || ' B, total ' || pg_total_relation_size('power_reading') || ' B, '
    || round(pg_total_relation_size('power_reading')::numeric / $n, 1) || ' B/reading'"
sql -A -t -c "select 'checksum before: ' || md5(string_agg(concat_ws(',', server_id, date_trunc('milliseconds', collected_at),
    current_watts, min_watts, max_watts, avg_watts), ';' order by server_id, collected_at)) from power_reading"
t0=$(date +%s.%N)
sql -f "$MIGRATIONS/$(ls "$MIGRATIONS" | grep '^V12_41__')" >/dev/null
echo "V12_41 migration of $n readings: $(echo "$(date +%s.%N) - $t0" | bc) s"
sql -c "vacuum analyze"
sql -A -t -c "select 'checksum after: ' || md5(string_agg(concat_ws(',', server_id, collected_at, current_watts,
    min_watts, max_watts, avg_watts), ';' order by server_id, collected_at)) from power_reading"
echo "after migration: power_hour partitions $(part_sizes) B, rows $(sql -A -t -c "select count(*) from power_hour"), readings $(sql -A -t -c "select sum(cardinality(millis)) from power_hour") packed + $(sql -A -t -c "select count(*) from power_recent") recent"
report "after migration" "'power_hour_default', 'power_recent', 'power_latest'"
echo "after migration, power_hour partitions: $(part_sizes) B = $(echo "scale=1; $(part_sizes) / $n" | bc) B/reading"
stop_pg

# the new way: one power_store per poll (as SensorReadings.store), packed as the upkeep does
migrated_db V12_41 "$N_SERVERS"
t0=$(date +%s.%N)
sql -c "do \$\$ declare i integer; begin
    for i in 1..$N_POLLS loop
      perform power_store(s.id, $AT, $WATTS, $WATTS - 40, $WATTS + 60, $WATTS + 5)
         from (select id from server) s cross join (select i as n) p;
    end loop; end \$\$"
echo "(power_store x $n took $(echo "$(date +%s.%N) - $t0" | bc) s)"
sql -c "select sensor_history_partitions((now() - interval '1 second' * $STEP * $N_POLLS)::date, now()::date)" >/dev/null
t0=$(date +%s.%N)
sql -c "select power_pack(date_bin('1 hour', now(), timestamptz '2000-01-01 00:00+00'))" >/dev/null
echo "(power_pack of the closed hours took $(echo "$(date +%s.%N) - $t0" | bc) s)"
# all polls ran in one transaction above, so power_latest could not prune its old versions as it does poll by poll
sql -c "vacuum full power_latest" -c "vacuum full power_recent" -c "vacuum analyze"
echo "after, stored by power_store: power_hour partitions $(part_sizes) B = $(echo "scale=1; $(part_sizes) / $n" | bc) B/reading; readings $(sql -A -t -c "select sum(cardinality(millis)) from power_hour") packed + $(sql -A -t -c "select count(*) from power_recent") recent"
report "after, stored by power_store" "'power_hour_default', 'power_recent', 'power_latest'"
echo "load: $(uptime)"

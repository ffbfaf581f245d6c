#!/bin/bash
# WAL compression off vs lz4 for the app's INSERT (10 polls x 4000 rows, stored as the app stores them),
# each round right after a checkpoint, timed, WAL bytes measured; rolled back + vacuumed
set -e
D=/work/exp/wal
P="runuser -u postgres -- /usr/lib/postgresql/15/bin/psql -h $D/data -p 55497 -U bench -d ipmibench -qAt"
round() {
  local wc=$1
  {
  echo "set wal_compression = $wc;"
  echo "checkpoint;"
  echo "select 'lsn0', pg_current_wal_lsn();"
  echo "begin;"
  echo "\\timing on"
  for s in $(seq 1001 1010); do
    echo "\\o /dev/null"
    echo "insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at from ing where server_id = $s order by id on conflict (server_id, fingerprint) do nothing returning server_id, fingerprint;"
    echo "\\o"
  done
  echo "\\timing off"
  echo "commit;"
  echo "select 'wal', pg_current_wal_lsn() - (select l from lsn0);"
  echo "delete from sel_event where server_id > 1000;"
  echo "vacuum sel_event;"
  } | sed "s/select 'lsn0', pg_current_wal_lsn();/create temp table lsn0 as select pg_current_wal_lsn() l;/" > $D/round.sql
  $P -f $D/round.sql 2>&1 | grep -E "Time|wal|ERROR" | awk -v wc=$wc '/Time/{s+=$2; n++; t=t" "int($2)} /^wal/{split($0,a,"|"); w=a[2]} END {printf "%-4s inserts=%d sum_ms=%d wal_mb=%.1f per-insert:%s\n", wc, n, s, w/1048576, t}'
}
for wc in ${ROUNDS:-off lz4 off lz4 lz4 off}; do round $wc; done

#!/bin/bash
# replay.sh main|branch : checkpoint, then for 6 servers the statements of one poll, timed; rollback
MODE=$1
{
echo "checkpoint;"
echo "begin;"
echo "\\timing on"
for s in 1001 1002 1003 1004 1005 1006; do
  RES=$([ $MODE = branch ] && echo res || echo "null::timestamptz")
  echo "\\o /dev/null"
  echo "insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at, $RES from ing where server_id = $s order by id on conflict (server_id, fingerprint) do nothing returning server_id, fingerprint;"
  echo "\\o"
  [ $MODE = main ] && echo "update sel_event t set resolved_at = i.res from ing i where i.server_id = $s and i.res is not null and t.server_id = i.server_id and t.fingerprint = i.fingerprint and t.resolved_at is null;"
done
echo "\\timing off"
echo "rollback;"
echo "vacuum sel_event;"
} > /tmp/replay-$MODE.sql
./psql.sh -qAt -f /tmp/replay-$MODE.sql 2>&1 | grep -E "Time|ERROR" | awk '{s+=$2} END {printf "%d ms\n", s}'

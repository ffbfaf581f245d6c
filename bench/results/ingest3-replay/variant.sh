#!/bin/bash
SETUP="$1"
{
echo "checkpoint;"
echo "begin;"
echo "$SETUP"
echo "\\timing on"
for s in 1001 1002 1003 1004 1005 1006; do
echo "\\o /dev/null"
echo "insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, ${FP:-fingerprint}, collected_at from ing where server_id = $s order by ${ORDER:-id} on conflict (server_id, fingerprint) do nothing returning server_id, fingerprint;"
echo "\\o"
done
echo "\\timing off"
echo "rollback;"
echo "vacuum sel_event;"
} > /tmp/variant.sql
./psql.sh -qAt -f /tmp/variant.sql 2>&1 | grep -E "Time|ERROR" | awk '{s+=$2; printf "%s ", $2} END {printf " sum=%d\n", s}'

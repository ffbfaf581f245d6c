#!/bin/bash
# variant2.sh TABLE FPEXPR : checkpoint, 6 inserts of 4000 rows into TABLE, rollback
T=$1; FPX=$2
{
echo "checkpoint;"
echo "begin;"
echo "\\timing on"
for s in 1001 1002 1003 1004 1005 1006; do
echo "\\o /dev/null"
echo "insert into $T (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, $FPX, collected_at, ${RES:-null::timestamptz} from ing where server_id = $s order by id on conflict (server_id, fingerprint) do nothing returning server_id, fingerprint;"
echo "\\o"
done
echo "\\timing off"
echo "rollback;"
echo "vacuum $T;"
} > /tmp/variant2.sql
./psql.sh -qAt -f /tmp/variant2.sql 2>&1 | grep -E "Time|ERROR" | awk '{s+=$2; printf "%s ", $2} END {printf " sum=%d\n", s}'

checkpoint;
\timing on
begin;
\o /dev/null
insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at from ing where server_id in (1001, 1002, 1003) order by id on conflict (server_id, fingerprint) do nothing returning server_id, fingerprint;
\o
commit;
\o /dev/null
delete from sel_event where server_id > 1000;
\o
begin;
\o /dev/null
insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at from ing where server_id in (1001, 1002, 1003) order by id on conflict (server_id, fingerprint) do nothing returning server_id, fingerprint;
\o
commit;
\timing off
delete from sel_event where server_id > 1000;
vacuum sel_event;

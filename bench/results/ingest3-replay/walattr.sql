create extension if not exists pg_walinspect;
checkpoint;
select pg_current_wal_lsn() as lsn0 \gset
\o /dev/null
insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at from ing where server_id = 1001 order by id on conflict (server_id, fingerprint) do nothing returning server_id, fingerprint;
\o
select pg_current_wal_lsn() as lsn1 \gset
with r as (select substring(block_ref from 'rel \d+/\d+/(\d+)')::oid relfilenode, record_length, fpi_length from pg_get_wal_records_info(:'lsn0', :'lsn1'))
select coalesce(c.relname, r.relfilenode::text) rel, count(*) records, sum(record_length) bytes, count(*) filter (where fpi_length > 0) fpis, sum(fpi_length) fpi_bytes
  from r left join pg_class c on c.relfilenode = r.relfilenode group by 1 order by 3 desc;
\o /dev/null
delete from sel_event where server_id > 1000;
\o
vacuum sel_event;

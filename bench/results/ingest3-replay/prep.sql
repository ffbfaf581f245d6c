insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at) select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type, sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion, description, detail, severity, raw_hex, fingerprint, collected_at from ing order by id;
update sel_event target set resolved_at = closing.at
  from (select distinct on (open.id) open.id, coalesce(d.event_time, now()) as at
          from (select *, row_number() over (order by id) n from ing where deassertion and sensor_number is not null and event_type_code is not null) d
          join sel_event open on open.server_id = d.server_id and open.sensor_number = d.sensor_number
               and open.event_type_code = d.event_type_code and open.event_offset = coalesce(d.event_offset, 0)
               and not open.deassertion and open.resolved_at is null
               and (d.event_time is null or open.event_time is null or open.event_time <= d.event_time)
         order by open.id, d.n) closing
 where target.id = closing.id;
alter table ing add column res timestamptz;
update ing set res = e.resolved_at from sel_event e where e.server_id = ing.server_id and e.fingerprint = ing.fingerprint;
select count(*), count(res) from ing;
delete from sel_event where server_id > 1000;

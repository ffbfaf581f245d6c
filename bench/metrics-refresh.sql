-- the SQL of one FleetMetrics refresh (observability/boundary/FleetMetrics.java), run by api-bench.sh to time it
\timing on
\o /dev/null
select s.bmc_ip, count(e.id),
       count(e.id) filter (where e.severity = 'CRITICAL' and coalesce(e.event_time, e.collected_at) > now() - interval '24 hours'),
       count(e.id) filter (where e.severity = 'WARNING' and coalesce(e.event_time, e.collected_at) > now() - interval '24 hours')
  from server s left join sel_event e on e.server_id = s.id group by s.bmc_ip;
select s.bmc_ip, r.outcome, count(*) from collection_run r join server s on s.id = r.server_id
 where r.outcome <> 'OK' and r.started_at > now() - interval '24 hours' group by s.bmc_ip, r.outcome;
select s.bmc_ip, s.server_name, coalesce(st.reachable, false), st.power_state, st.last_duration_ms,
       cast(extract(epoch from st.last_success_at) as bigint)
  from server s left join server_status st on st.server_id = s.id order by s.bmc_ip;
select s.bmc_ip, s.server_name, r.sensor_name, r.kind, r.value
  from sensor_reading r join server s on s.id = r.server_id
 where r.value is not null
   and r.collected_at = (select max(x.collected_at) from sensor_reading x where x.server_id = r.server_id);
select distinct on (p.server_id) s.bmc_ip, s.server_name, p.current_watts
  from power_reading p join server s on s.id = p.server_id order by p.server_id, p.collected_at desc;

-- the SQL of one FleetMetrics refresh (observability/boundary/FleetMetrics.java), run by api-bench.sh to time it
\timing on
\o /dev/null
select s.bmc_ip, coalesce(t.total, 0), coalesce(d.critical, 0), coalesce(d.warning, 0)
  from server s
  left join (select server_id, count(*) as total from sel_event group by server_id) t on t.server_id = s.id
  left join (select server_id, count(*) filter (where severity = 'CRITICAL') as critical,
                    count(*) filter (where severity = 'WARNING') as warning
               from sel_event where coalesce(event_time, collected_at) > now() - interval '24 hours'
              group by server_id) d on d.server_id = s.id;
select s.bmc_ip, r.outcome, count(*) from collection_run r join server s on s.id = r.server_id
 where r.outcome <> 'OK' and r.started_at > now() - interval '24 hours' group by s.bmc_ip, r.outcome;
select s.bmc_ip, s.server_name, coalesce(st.reachable, false), st.power_state, st.last_duration_ms,
       cast(extract(epoch from st.last_success_at) as bigint)
  from server s left join server_status st on st.server_id = s.id order by s.bmc_ip;
select s.bmc_ip, s.server_name, r.sensor_name, r.kind, r.value
  from server s
  join sensor_reading_latest r on r.server_id = s.id
 where r.value is not null;
select s.bmc_ip, s.server_name, p.current_watts
  from power_latest p join server s on s.id = p.server_id order by p.server_id;

-- the fleet-wide event page (EventQueries.find: JPQL over SelEvent and Server, newest first) and the per-server
-- counts of the dashboard and /api/servers (SystemEvents.countsBySeverity), hand-written like EclipseLink sends them
\timing on
explain (analyze, buffers, costs off)
select e.*, s.bmc_ip, s.server_name from sel_event e, server s
 where s.id = e.server_id and coalesce(e.event_time, e.collected_at) >= now() - interval '24 hours'
 order by coalesce(e.event_time, e.collected_at) desc, e.id desc limit 100 offset 0;
explain (analyze, buffers, costs off)
select e.*, s.bmc_ip, s.server_name from sel_event e, server s
 where s.id = e.server_id and coalesce(e.event_time, e.collected_at) >= now() - interval '720 hours'
 order by coalesce(e.event_time, e.collected_at) desc, e.id desc limit 100 offset 0;
explain (analyze, buffers, costs off)
select server_id, severity, count(*) from sel_event
 where coalesce(event_time, collected_at) >= now() - make_interval(hours => 24) group by server_id, severity;

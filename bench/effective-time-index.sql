-- tried by bench/api-bench.sh with EXTRA_SQL=bench/effective-time-index.sql (not a migration of the app):
-- the fleet-wide event list and the counts filter and sort on coalesce(event_time, collected_at), which none
-- of V1's indexes (event_time, collected_at, (server_id, event_time)) can serve
\timing on
create index sel_event_effective_time on sel_event ((coalesce(event_time, collected_at)) desc, id desc);
analyze sel_event;

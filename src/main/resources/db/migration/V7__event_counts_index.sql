-- The per-server counts of /api/servers, the dashboard and /metrics (server, severity, in a time window) read
-- every event of the window from the heap through V6's effective-time index: 144 ms warm, 1,087 ms cold for the
-- 33,000 events of a day among 1,000,000 (bench/api-bench.sh, docs/performance.md run 15). With the columns they
-- need included, PostgreSQL answers them from the index alone: 10 - 16 ms. It takes an index-only scan on an
-- expression index only when the expression's columns are in the index too, hence event_time and collected_at.
-- Rebuilt in the migration's transaction: writes to sel_event wait, about 1.4 s per million events.
drop index sel_event_effective_time;
create index sel_event_effective_time on sel_event ((coalesce(event_time, collected_at)) desc, id desc)
    include (server_id, severity, event_time, collected_at);

-- Index-only scans read the heap for pages not yet marked all-visible, which on an insert-only table happens when
-- autovacuum comes by: by default after inserts of 20 % of the table (200,000 events at a million). The newest
-- events are the ones counted, so vacuum after 1 % instead (it only visits pages changed since the last one).
alter table sel_event set (autovacuum_vacuum_insert_scale_factor = 0.01);

-- V1's index on event_time alone serves no query since the lists filter on the effective time (per-server lists
-- use (server_id, event_time)), and every stored event updated it.
drop index sel_event_time;

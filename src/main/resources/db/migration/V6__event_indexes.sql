-- Indexes for a large event table (measured with bench/api-bench.sh on 1,000 servers / 1,000,000 events, see
-- docs/performance.md). Built in the migration's transaction: writes to sel_event wait while they build, about a
-- second per million events on the 2-core benchmark machine.

-- The event lists, the CSV export and the counts filter and sort on when an event happened, or when it was stored
-- if the BMC gave no time. No index served that expression: every fleet-wide /api/events read all rows
-- (p95 0.25 - 0.8 s at one connection; 6 - 66 ms with this index).
-- The included columns let the per-server counts of /api/servers and the dashboard (server, severity, in the window)
-- come from the index alone: 144 ms -> 10 ms for the 33,000 events of a day among 1,000,000. PostgreSQL takes an
-- index-only scan on an expression index only when the expression's columns are in the index too.
create index sel_event_effective_time on sel_event ((coalesce(event_time, collected_at)) desc, id desc)
    include (server_id, severity, event_time, collected_at);

-- Index-only scans read the heap for pages not yet marked all-visible, which on an insert-only table happens when
-- autovacuum comes by: by default after inserts of 20 % of the table (200,000 events at a million). The newest
-- events are the ones counted, so vacuum after 1 % instead (it only visits pages changed since the last one).
alter table sel_event set (autovacuum_vacuum_insert_scale_factor = 0.01);

-- Alerting reads each server's newest event id (its watermark) and the events after it every few seconds.
create index sel_event_server_id on sel_event (server_id, id);

-- A deassertion closes the open assertions of one sensor condition; without this the UPDATE visited every event
-- of the server, once per deassertion stored.
create index sel_event_open_assertions on sel_event (server_id, sensor_number, event_type_code, event_offset)
    where not deassertion and resolved_at is null;

-- V1's index on event_time alone served no query once the lists filter on the effective time above (per-server
-- lists use (server_id, event_time)), and every stored event updated it: one index less to write per event.
drop index sel_event_time;

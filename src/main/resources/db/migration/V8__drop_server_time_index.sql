-- V1's (server_id, event_time desc) index serves no query since V6 added (server_id, id): every query of one
-- server's events (its newest 500, /api/events?server=..., the per-server counts, the CSV export, alerting, a
-- server's delete) filters on server_id only and PostgreSQL reads it through (server_id, id); the newest-first
-- list sorts "event_time desc nulls last", an order this index (desc = nulls first) cannot give anyway. EXPLAIN
-- ANALYZE on the 1,000,000-event bench data chose (server_id, id) with and without it (docs/performance.md,
-- SEL ingest).
-- Every stored event and every closed assertion (a non-HOT update) wrote an entry into it: replaying 6 first
-- polls of 4000 records, PostgreSQL inserted them in 609 instead of 673 ms (mean of 3 alternating runs).
drop index sel_event_server_time;

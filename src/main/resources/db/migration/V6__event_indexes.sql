-- Indexes for a large event table (measured with bench/api-bench.sh on 1,000 servers / 1,000,000 events, see
-- docs/performance.md). Built in the migration's transaction: writes to sel_event wait while they build, about a
-- second per million events on the 2-core benchmark machine.

-- The event lists, the CSV export and the counts filter and sort on when an event happened, or when it was stored
-- if the BMC gave no time. No index served that expression: every fleet-wide /api/events read all rows
-- (p95 0.25 - 0.8 s at one connection; 6 - 66 ms with this index).
create index sel_event_effective_time on sel_event ((coalesce(event_time, collected_at)) desc, id desc);

-- Alerting reads each server's newest event id (its watermark) and the events after it every few seconds.
create index sel_event_server_id on sel_event (server_id, id);

-- A deassertion closes the open assertions of one sensor condition; without this the UPDATE visited every event
-- of the server, once per deassertion stored.
create index sel_event_open_assertions on sel_event (server_id, sensor_number, event_type_code, event_offset)
    where not deassertion and resolved_at is null;

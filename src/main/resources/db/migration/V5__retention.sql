-- Retention deletes the oldest rows first through an index on the age column (collected_at / started_at): with a
-- sequential scan every batch would re-read the dead rows the batches before it left at the start of the table.
-- sensor_reading, collection_run and sel_event have theirs; power_reading only had (server_id, collected_at).
create index power_reading_time on power_reading (collected_at);

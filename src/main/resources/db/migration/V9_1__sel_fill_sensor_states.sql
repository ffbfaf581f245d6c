-- sel info's "Percent Used": a full SEL on a real BMC means new hardware events are being lost
alter table server_status add column sel_percent_used integer;
-- the SDR's sensor type of each sensor: a discrete sensor's state bits mean something only with it
alter table sdr_name add column sensor_type integer;
-- a discrete sensor's asserted states as ipmitool words them ("Presence detected, Failure detected")
alter table sensor_reading add column state_text varchar(255);
-- re-read every SDR at the next poll, so that the sensor types arrive without waiting for the daily refresh
update server_status set sdr_names_at = null;

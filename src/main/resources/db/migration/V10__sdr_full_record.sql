-- The SDR's Full Sensor Record of each sensor (hex, header included), read with the names when the SDR changes:
-- its conversion factors turn a threshold event's raw trigger reading and threshold into what ipmitool's
-- `sel elist` prints ("Reading 10.68 < Threshold 10.80 Volts"). Null for sensors without one (discrete sensors
-- use compact records) and until the SDR is next read.
alter table sdr_name add column full_record text;

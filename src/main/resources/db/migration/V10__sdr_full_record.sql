-- The SDR's Full Sensor Record of each sensor (hex, header included), read with the names when the SDR changes:
-- its conversion factors turn a threshold event's raw trigger reading and threshold into what ipmitool's
-- `sel elist` prints ("Reading 10.68 < Threshold 10.80 Volts"). Null for sensors without one (discrete sensors
-- use compact records) and until the SDR is next read.
alter table sdr_name add column full_record text;

-- Read every server's SDR again at its next poll (sdr elist + sdr dump), so that threshold events from then on carry
-- their reading without waiting for the daily refresh. Events stored before keep their text.
update server_status set sdr_names_at = null;

-- OEM records as ipmitool prints them: "mfgid | data" (manufacturer id most significant byte first) for the
-- timestamped types C0 - DF, the 13 data bytes for the others; the Linux kernel panic record (F0) is its description.
update sel_event set detail = substr(raw_hex, 19, 2) || substr(raw_hex, 17, 2) || substr(raw_hex, 15, 2) || ' | '
                              || substr(raw_hex, 21)
 where record_type between 192 and 223 and raw_hex is not null;
update sel_event set detail = substr(raw_hex, 7)
 where record_type >= 224 and record_type <> 240 and raw_hex is not null;

-- Records without a timestamp (E0 - FF) were placed at their collection time, so they showed as the newest events:
-- place them where they sit in the SEL, at the time of the server's timed record stored before them (else after
-- them, else the epoch), as the poller now does. Their time is never shown (the record type says it has none).
update sel_event e
   set event_time = coalesce(
        (select p.event_time from sel_event p
          where p.server_id = e.server_id and p.id < e.id and p.event_time is not null order by p.id desc limit 1),
        (select n.event_time from sel_event n
          where n.server_id = e.server_id and n.id > e.id and n.event_time is not null and n.record_type < 224
          order by n.id limit 1),
        timestamptz '1970-01-01 00:00:00+00')
 where e.record_type >= 224 and e.event_time is null;

-- bench/seed.sql: the dataset of bench/api-bench.sh, written straight into the app's schema (created by Flyway
-- when the app started). psql -v servers=1000 -v events=1000000 -v sensors=25 -v rounds=12 -v net=127.81 -f seed.sql
-- Servers: 127.81.x.y:6230 where nothing listens, no own password (ipmi_pass_enc null = the app's IPMI_PASS), each
-- with a server_status row saying it was polled just now, so with a long POLL_INTERVAL the collector has
-- nothing due and stays idle during the measurements.
\set ON_ERROR_STOP on
\timing on
begin;
insert into server (bmc_ip, bmc_port, server_name, server_ip, enabled, ipmi_user, notes)
select format(:'net' || '.%s.%s', i / 200, i % 200 + 1), 6230, format('node-%s', lpad(i::text, 4, '0')),
       format('10.20.%s.%s', i / 250, i % 250 + 1), true, 'admin', 'bench seed'
  from generate_series(1, :servers) i;

insert into server_status (server_id, power_state, reachable, last_outcome, last_attempt_at, last_success_at,
                           last_duration_ms, sel_entries, sel_last_add, sel_last_erase, sel_last_record_id,
                           sel_overflow, sdr_signature, dcmi_supported, cipher_suite_used)
select s.id, case when s.id % 20 = 0 then 'OFF' else 'ON' end, s.id % 97 <> 0,
       case when s.id % 97 = 0 then 'UNREACHABLE' else 'OK' end, now(), now() - case when s.id % 97 = 0 then interval '2 hours' else interval '0' end,
       200 + (s.id * 37) % 400, :events / :servers, extract(epoch from now())::bigint, extract(epoch from now() - interval '30 days')::bigint,
       :events / :servers, false, 'bench', true, 3
  from server s where s.notes = 'bench seed';

-- the kinds of SEL records a fleet logs, with their share (weights sum to 1000) and what the classifier makes of them
create temp table kind (k int, lo int, hi int, sensor_type text, st_code int, sensor_name text, sensor_number int,
                        et_code int, ev_offset int, deassert boolean, descr text, severity text);
-- weights out of 1000: 5 % critical, 38 % warning, 57 % info
insert into kind values
 (1, 0, 200, 'Memory', 12, 'CPU1_ECC1', 82, 111, 0, false, 'Correctable ECC | Asserted', 'WARNING'),
 (2, 200, 300, 'Memory', 12, 'CPU2_ECC1', 90, 111, 0, false, 'Correctable ECC | Asserted', 'WARNING'),
 (3, 300, 305, 'Memory', 12, 'CPU1_ECC2', 83, 111, 1, false, 'Uncorrectable ECC | Asserted', 'CRITICAL'),
 (4, 305, 330, 'Fan', 4, 'FAN2', 49, 1, 2, false, 'Lower Critical going low | Asserted', 'CRITICAL'),
 (5, 330, 355, 'Fan', 4, 'FAN2', 49, 1, 2, true, 'Lower Critical going low | Deasserted', 'INFO'),
 (6, 355, 415, 'Temperature', 1, 'Inlet Temp', 33, 1, 7, false, 'Upper Non-critical going high | Asserted', 'WARNING'),
 (7, 415, 430, 'Power Supply', 8, 'PS2 Status', 113, 111, 1, false, 'Power Supply Failure detected | Asserted', 'CRITICAL'),
 (8, 430, 445, 'Power Supply', 8, 'PS2 Status', 113, 111, 1, true, 'Power Supply Failure detected | Deasserted', 'INFO'),
 (9, 445, 595, null, null, null, null, null, null, false, 'OEM record c1', 'INFO'),
 (10, 595, 745, 'Power Unit', 9, 'Power Unit', 112, 111, 0, false, 'Power off/down | Asserted', 'INFO'),
 (11, 745, 765, 'Physical Security', 5, 'Chassis Intru', 115, 111, 0, false, 'General Chassis intrusion | Asserted', 'WARNING'),
 (12, 765, 795, 'Event Logging Disabled', 16, 'Event Log', 114, 111, 2, false, 'Log area reset/cleared | Asserted', 'INFO'),
 (13, 795, 800, 'Processor', 7, 'CPU1 Status', 96, 111, 0, false, 'IERR | Asserted', 'CRITICAL'),
 (14, 800, 1000, 'System Boot Initiated', 29, 'ACPI State', 116, 111, 1, false, 'Initiated by hard reset | Asserted', 'INFO');

insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                       sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                       description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at)
select g.server_id, g.rid, case when k.sensor_type is null then 193 else 2 end, g.t, extract(epoch from g.t)::bigint, false,
       k.sensor_type, k.st_code, k.sensor_number, k.sensor_name, k.et_code, k.ev_offset, k.deassert,
       k.descr || coalesce(' [' || k.sensor_name || ']', ''), null, k.severity,
       substr(md5(g.i::text), 1, 32), md5(g.server_id || ':' || g.i), least(g.t + interval '150 seconds', now()),
       case when not k.deassert and k.k in (4, 7) and g.i % 3 = 0 then g.t + interval '10 minutes' end
  from (select i, (select min(id) from server where notes = 'bench seed') + (i % :servers) as server_id,
               i / :servers + 1 as rid, now() - random() * interval '30 days' as t, (hashint4(i) & 1023) % 1000 as w
          from generate_series(1, :events) i) g
  join kind k on g.w >= k.lo and g.w < k.hi;

-- latest sensor readings: :rounds polls 5 min apart of :sensors sensors per server (the newest is what /metrics shows)
create temp table seed_sensor (n int, name text, kind text, unit text, base double precision, lc double precision, uc double precision);
insert into seed_sensor values
 (1,'CPU1 Temp','TEMPERATURE','degrees C',55,null,90),(2,'CPU2 Temp','TEMPERATURE','degrees C',53,null,90),
 (3,'Inlet Temp','TEMPERATURE','degrees C',24,null,42),(4,'Exhaust Temp','TEMPERATURE','degrees C',38,null,75),
 (5,'PCH Temp','TEMPERATURE','degrees C',48,null,95),(6,'DIMM A1 Temp','TEMPERATURE','degrees C',40,null,85),
 (7,'DIMM B1 Temp','TEMPERATURE','degrees C',41,null,85),(8,'FAN1','FAN','RPM',6200,600,null),
 (9,'FAN2','FAN','RPM',6100,600,null),(10,'FAN3','FAN','RPM',6300,600,null),(11,'FAN4','FAN','RPM',6000,600,null),
 (12,'FAN5','FAN','RPM',6150,600,null),(13,'FAN6','FAN','RPM',6250,600,null),(14,'12V','VOLTAGE','Volts',12.1,10.8,13.2),
 (15,'5V','VOLTAGE','Volts',5.02,4.5,5.5),(16,'3.3V','VOLTAGE','Volts',3.31,2.97,3.63),(17,'VBAT','VOLTAGE','Volts',3.05,2.7,null),
 (18,'CPU1 VCORE','VOLTAGE','Volts',1.8,1.62,1.98),(19,'CPU2 VCORE','VOLTAGE','Volts',1.8,1.62,1.98),
 (20,'PS1 Input Power','POWER','Watts',310,null,900),(21,'PS2 Input Power','POWER','Watts',305,null,900),
 (22,'Total Power','POWER','Watts',615,null,1600),(23,'PS1 Current','CURRENT','Amps',1.4,null,8),
 (24,'PS2 Current','CURRENT','Amps',1.4,null,8),(25,'Airflow','OTHER','CFM',48,null,null);

-- stored as a poll stores them (sensor_poll_store, V11_2): one call per server and round, in any order
select count(*) from (select sensor_poll_store(s.id, date_trunc('second', now()) - r * interval '5 minutes',
           array_agg(x.name::varchar order by x.n), array_agg(x.kind::varchar order by x.n),
           array_agg(x.unit::varchar order by x.n),
           array_agg(round((x.base * (0.95 + 0.1 * random()))::numeric, 2)::float8 order by x.n),
           array_agg('ok'::varchar), array_agg(null::varchar), array_agg(null::float8), array_agg(x.lc order by x.n),
           array_agg(null::float8), array_agg(null::float8), array_agg(x.uc order by x.n), array_agg(null::float8))
  from server s cross join (select * from seed_sensor where n <= :sensors) x cross join generate_series(0, :rounds - 1) r
 where s.notes = 'bench seed'
 group by s.id, r) polls;

-- power readings as power_store keeps them (V12_41), then packed but for the open hour
select count(power_store(s.id, date_trunc('second', now()) - r * interval '5 minutes', 600 + (s.id * 7)::integer % 100,
                         400, 900, 610))
  from server s cross join generate_series(0, :rounds - 1) r where s.notes = 'bench seed';
select power_pack(date_bin('1 hour', now(), timestamptz '2000-01-01 00:00+00'));

-- a day of poll history (one run an hour per server, a few failures)
insert into collection_run (server_id, started_at, duration_ms, outcome, error, new_events, instance)
select s.id, now() - h * interval '1 hour', 200 + (s.id * h) % 500,
       case when (s.id + h) % 97 = 0 then 'UNREACHABLE' else 'OK' end,
       case when (s.id + h) % 97 = 0 then 'no answer from the BMC' end, 0, 'bench-seed'
  from server s cross join generate_series(0, 23) h where s.notes = 'bench seed';
commit;
-- as autovacuum leaves a table that has been running a while (V7 makes it vacuum after 1 % new events): pages
-- all-visible, so index-only scans read no heap
vacuum analyze;
select (select count(*) from server) servers, (select count(*) from sel_event) events,
       (select count(*) from sensor_reading) sensor_readings, (select count(*) from collection_run) runs,
       pg_size_pretty(pg_database_size(current_database())) db_size;
select severity, count(*), round(100.0 * count(*) / sum(count(*)) over (), 1) pct from sel_event group by 1 order by 1;

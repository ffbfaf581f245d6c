#!/usr/bin/env bash
# sensor-history.sh - issue 18, sensor history: bytes per stored reading before/after V11_2, and the 30-day chart
# query of one sensor over a month of a fleet's history. Not a timed test: run by hand, figures go to
# docs/performance.md ("Issue 18: sensor history").
#
#   bench/sensor-history.sh bytes   # N readings the old way (sensor_reading), migrate with V11_2, the same N the new way
#   bench/sensor-history.sh chart   # FLEET servers x 30 sensors, DAYS days at STEP seconds, then the chart queries
#   bench/sensor-history.sh chart-before  # the same chart query on sensor_reading (FLEET_BEFORE servers, default 20)
#   bench/sensor-history.sh all     # bytes and chart (default)
#
# Knobs: BENCH_DIR (/tmp/ipmimon-sensorbench), PG_PORT (55496), N_SERVERS (100) x 30 sensors x N_POLLS (334) polls
# = 1,002,000 readings for "bytes"; FLEET (1000), DAYS (30), STEP (300) for "chart".
# PostgreSQL 15 stock settings, listening on 127.96.0.1 only (and its socket in the data dir); stopped on exit.
set -euo pipefail
BENCH_NAME=sensor-history.sh BENCH_DIR=${BENCH_DIR:-/tmp/ipmimon-sensorbench} PG_PORT=${PG_PORT:-55496}
N_SERVERS=${N_SERVERS:-100} N_POLLS=${N_POLLS:-334}
FLEET=${FLEET:-1000} DAYS=${DAYS:-30} STEP=${STEP:-300}
. "$(dirname "$0")/history-lib.sh"   # sql, migrated_db, MIGRATIONS; PostgreSQL stopped on exit

fresh_db() { migrated_db "$1" "greatest($N_SERVERS, $FLEET)"; }   # $1: last migration to apply (e.g. V10, V11_2)

# The 30 sensors of one poll, as SelEventMapping.readings makes them: name, kind, unit (state word if discrete),
# status, thresholds (lnr, lc, lnc, unc, uc, unr), a base value; state_text for discrete sensors.
SENSORS_SQL="(values
  ('CPU1 Temp','TEMPERATURE','degrees C',null::float8,null::float8,null::float8,85::float8,90::float8,95::float8,45::float8),
  ('CPU2 Temp','TEMPERATURE','degrees C',null,null,null,85,90,95,47), ('Inlet Temp','TEMPERATURE','degrees C',null,null,null,40,42,45,22),
  ('Exhaust Temp','TEMPERATURE','degrees C',null,null,null,70,75,80,35), ('PCH Temp','TEMPERATURE','degrees C',null,null,null,80,85,90,50),
  ('DIMMG0 Temp','TEMPERATURE','degrees C',null,null,null,80,85,90,38), ('DIMMG1 Temp','TEMPERATURE','degrees C',null,null,null,80,85,90,39),
  ('VR CPU1 Temp','TEMPERATURE','degrees C',null,null,null,95,100,105,41), ('VR CPU2 Temp','TEMPERATURE','degrees C',null,null,null,95,100,105,42),
  ('M2 Temp','TEMPERATURE','degrees C',null,null,null,70,75,80,33),
  ('FAN1','FAN','RPM',300,500,700,null,null,null,5600), ('FAN2','FAN','RPM',300,500,700,null,null,null,5700),
  ('FAN3','FAN','RPM',300,500,700,null,null,null,5500), ('FAN4','FAN','RPM',300,500,700,null,null,null,5650),
  ('FAN5','FAN','RPM',300,500,700,null,null,null,5800), ('FAN6','FAN','RPM',300,500,700,null,null,null,5750),
  ('FANA','FAN','RPM',300,500,700,null,null,null,3100), ('FANB','FAN','RPM',300,500,700,null,null,null,3200),
  ('12V','VOLTAGE','Volts',10.173,10.299,10.740,13.260,13.386,13.512,12.18), ('5VCC','VOLTAGE','Volts',4.246,4.298,4.480,5.494,5.546,5.598,5.03),
  ('3.3VCC','VOLTAGE','Volts',2.789,2.823,2.959,3.637,3.671,3.705,3.35), ('VBAT','VOLTAGE','Volts',2.4,2.5,2.6,3.4,3.5,3.6,3.1),
  ('Vcpu1','VOLTAGE','Volts',1.26,1.28,1.3,1.8,1.82,1.84,1.79), ('Vcpu2','VOLTAGE','Volts',1.26,1.28,1.3,1.8,1.82,1.84,1.78),
  ('VDIMM AB','VOLTAGE','Volts',1.1,1.12,1.14,1.3,1.32,1.34,1.2), ('VDIMM CD','VOLTAGE','Volts',1.1,1.12,1.14,1.3,1.32,1.34,1.21),
  ('PS1 Status','DISCRETE','0x0100',null,null,null,null,null,null,null), ('PS2 Status','DISCRETE','0x0100',null,null,null,null,null,null,null),
  ('Chassis Intru','DISCRETE','0x0000',null,null,null,null,null,null,null), ('Memory','DISCRETE','0x0080',null,null,null,null,null,null,null)
) t(name, kind, unit, lnr, lc, lnc, unc, uc, unr, base)"
# a value that moves a little from poll to poll, with 3 decimals for voltages as ipmitool prints them
VALUE_SQL="case when t.kind = 'DISCRETE' then null when t.kind = 'VOLTAGE'
  then round((t.base * (1 + 0.01 * sin(p.n / 7.0 + s.id)))::numeric, 3)::float8
  else round((t.base * (1 + 0.03 * sin(p.n / 11.0 + s.id)))::numeric)::float8 end"
STATE_SQL="case t.unit when '0x0100' then 'Presence detected' when '0x0080' then 'Presence Detected' when '0x0000' then '' end"

sizes() { # $1 label, $2 table list
  sql -A -t -F' ' -c "select '$1', pg_size_pretty(sum(pg_total_relation_size(c))::bigint) as total,
      sum(pg_total_relation_size(c))::bigint as bytes from unnest(array[$2]::regclass[]) c"
}

bytes() {
  local n=$((N_SERVERS * 30 * N_POLLS))
  echo "== bytes per reading: $N_SERVERS servers x 30 sensors x $N_POLLS polls (60 s apart) = $n readings"
  fresh_db V10
  # the old way: one sensor_reading row per reading, all columns as SensorReadings' INSERT wrote them
  local t0=$(date +%s.%N)
  sql -c "insert into sensor_reading (server_id, sensor_name, kind, value, unit, status, lower_nr, lower_critical,
            lower_nc, upper_nc, upper_critical, upper_nr, collected_at, state_text)
          select s.id, t.name, t.kind, $VALUE_SQL, t.unit, case when t.kind = 'DISCRETE' then null else 'ok' end,
                 t.lnr, t.lc, t.lnc, t.unc, t.uc, t.unr, now() - interval '1 minute' * ($N_POLLS - p.n), $STATE_SQL
            from generate_series(1, $N_POLLS) p(n) cross join (select id from server where id <= $N_SERVERS) s
            cross join $SENSORS_SQL order by p.n, s.id"
  sql -c "vacuum analyze sensor_reading"
  local before; before=$(sql -A -t -c "select pg_total_relation_size('sensor_reading')")
  sql -A -t -c "select 'before: sensor_reading heap ' || pg_relation_size('sensor_reading') || ' B, indexes '
      || pg_indexes_size('sensor_reading') || ' B, total ' || pg_total_relation_size('sensor_reading') || ' B, rows '
      || (select count(*) from sensor_reading) || ', ' || round(pg_total_relation_size('sensor_reading')::numeric / $n, 1)
      || ' B/reading'"
  echo "(insert took $(echo "$(date +%s.%N) - $t0" | bc) s)"
  t0=$(date +%s.%N)
  sql -f "$MIGRATIONS/$(ls "$MIGRATIONS" | grep '^V11_2__')" >/dev/null
  echo "V11_2 migration of $n readings: $(echo "$(date +%s.%N) - $t0" | bc) s"
  sql -c "vacuum analyze"
  after_report "after migration" "$n"
  # the new way, through the function PollRecorder calls (one call per poll), on a fresh database
  stop_pg
  fresh_db V11_2
  t0=$(date +%s.%N)
  sql -c "do \$\$ declare p integer; srv integer; begin
      for p in 1..$N_POLLS loop for srv in 1..$N_SERVERS loop
        perform sensor_poll_store(srv, now() - interval '1 minute' * ($N_POLLS - p),
            array_agg(t.name::varchar), array_agg(t.kind::varchar), array_agg(t.unit::varchar),
            array_agg(case when t.kind = 'DISCRETE' then null when t.kind = 'VOLTAGE'
                then round((t.base * (1 + 0.01 * sin(p / 7.0 + srv)))::numeric, 3)::float8
                else round((t.base * (1 + 0.03 * sin(p / 11.0 + srv)))::numeric)::float8 end),
            array_agg(case when t.kind = 'DISCRETE' then null else 'ok' end::varchar),
            array_agg(case t.unit when '0x0100' then 'Presence detected' when '0x0080' then 'Presence Detected'
                when '0x0000' then '' end::varchar),
            array_agg(t.lnr), array_agg(t.lc), array_agg(t.lnc), array_agg(t.unc), array_agg(t.uc), array_agg(t.unr))
          from $SENSORS_SQL;
      end loop; end loop; end \$\$"
  echo "(sensor_poll_store x $((N_POLLS * N_SERVERS)) took $(echo "$(date +%s.%N) - $t0" | bc) s)"
  # the data lies in the past: roll it up from its start (the fresh schema's watermark is the hour of creation)
  sql -c "update sensor_rollup set rolled_up_to = null; select sensor_rollup_catch_up(100000)" >/dev/null
  # all polls ran in one transaction above, so the one-row-a-server tables could not prune their old versions
  # as they do poll by poll: measure them at their steady size
  sql -c "vacuum full sensor_latest" -c "vacuum full sensor" -c "vacuum analyze"
  after_report "after, stored by sensor_poll_store" "$n"
  stop_pg
}

after_report() {
  sql -A -t -c "with p as (select c.oid::regclass as rel, i.inhparent::regclass as parent
                             from pg_inherits i join pg_class c on c.oid = i.inhrelid where c.relkind = 'r'),
      t as (select parent::text as tab, sum(pg_relation_size(rel)) as heap, sum(pg_indexes_size(rel)) as idx,
                   sum(pg_total_relation_size(rel)) as total from p group by parent)
      select '$1: ' || tab || ' heap ' || heap || ' B, indexes ' || idx || ' B, total ' || total || ' B' from t
      union all select '$1: ' || r || ' total ' || pg_total_relation_size(r) || ' B'
        from unnest(array['sensor', 'sensor_label', 'sensor_latest']) r
      union all select '$1: readings ' || (select sum(cardinality(sensor_ids)) from sensor_sample)
        || ', sample rows ' || (select count(*) from sensor_sample)
        || ', sensor_sample ' || round((select total from t where tab = 'sensor_sample') / $2::numeric, 1)
        || ' B/reading, with sensor, sensor_label and sensor_latest '
        || round(((select total from t where tab = 'sensor_sample') + pg_total_relation_size('sensor')
                  + pg_total_relation_size('sensor_label') + pg_total_relation_size('sensor_latest')) / $2::numeric, 1)
        || ' B/reading, sensor_hourly ' || round((select total from t where tab = 'sensor_hourly') / $2::numeric, 1)
        || ' B/reading'"
}

chart() {
  local polls=$((DAYS * 86400 / STEP))
  echo "== chart: $FLEET servers x 30 sensors, $DAYS days at ${STEP} s = $polls polls a server, $((FLEET * 30 * polls)) readings"
  fresh_db V11_2
  sql -c "select sensor_history_partitions((now() - interval '$DAYS days')::date, (now() + interval '1 day')::date)" >/dev/null
  # dimension and labels through one stored poll per server, then the month's sample rows in bulk by SQL
  sql -c "do \$\$ declare srv integer; begin for srv in 1..$FLEET loop
        perform sensor_poll_store(srv, now() - interval '$DAYS days', array_agg(t.name::varchar),
            array_agg(t.kind::varchar), array_agg(t.unit::varchar), array_agg(t.base),
            array_agg(case when t.kind = 'DISCRETE' then null else 'ok' end::varchar),
            array_agg(case t.unit when '0x0100' then 'Presence detected' when '0x0080' then 'Presence Detected'
                when '0x0000' then '' end::varchar),
            array_agg(t.lnr), array_agg(t.lc), array_agg(t.lnc), array_agg(t.unc), array_agg(t.uc), array_agg(t.unr))
          from $SENSORS_SQL; end loop; end \$\$"
  sql -c "vacuum full sensor_latest"
  local t0=$(date +%s.%N)
  for d in $(seq 0 $((DAYS - 1))); do
    sql -c "insert into sensor_sample (server_id, collected_at, sensor_ids, vals, labels)
        select l.server_id, g.at, l.sensor_ids,
               (select array_agg(case when v is null then null else (v * (1 + 0.03 * sin(extract(epoch from g.at) / 700
                         + l.server_id + o)))::real end order by o) from unnest(l.vals) with ordinality x(v, o)),
               l.labels
          from sensor_latest l
          cross join generate_series(now() - interval '$DAYS days' + interval '$d days' + interval '$STEP seconds',
                                     now() - interval '$DAYS days' + interval '$((d + 1)) days', interval '$STEP seconds') g(at)
         where g.at <= now()"
  done
  echo "generated in $(echo "$(date +%s.%N) - $t0" | bc) s"
  t0=$(date +%s.%N)
  sql -A -t -c "update sensor_rollup set rolled_up_to = null; select 'rollup: ' || sensor_rollup_catch_up(100000) || ' hours'"
  echo "rollup of $DAYS days took $(echo "$(date +%s.%N) - $t0" | bc) s"
  sql -c "vacuum analyze" 
  after_report "fleet" "$(sql -A -t -c "select sum(cardinality(sensor_ids)) from sensor_sample")"
  # the chart's query (SensorReadings.hourlyOf): one sensor of one server, 30 days of hourly rollups
  local q="select r.hour, sum(r.samples), min(r.min_value), sum(r.avg_value * r.samples) / sum(r.samples), max(r.max_value)
             from sensor_hourly r where r.sensor_id in (select id from sensor where server_id = 500 and sensor_name = 'CPU1 Temp')
              and r.hour >= now() - interval '$DAYS days' group by r.hour order by r.hour"
  sql -c "explain (analyze, buffers) $q" | tail -3
  echo "30-day chart query, 20 runs (client-side wall, psql \\timing):"
  uptime
  for i in $(seq 1 20); do echo "$q;"; done | sql -c '\timing on' -f - | grep '^Time' | sort -t' ' -k2 -n \
    | awk '{a[NR]=$2} END {print "min " a[1] " ms, median " a[int((NR+1)/2)] " ms, max " a[NR] " ms, runs " NR}'
  # for comparison: the same chart from the raw rows (what a chart without rollups would read)
  local raw="select date_bin('1 hour', s.collected_at, timestamptz '2000-01-01'), min(u.v), avg(u.v), max(u.v)
               from sensor_sample s cross join lateral unnest(s.sensor_ids, s.vals) u(id, v)
              where s.server_id = 500 and s.collected_at >= now() - interval '$DAYS days'
                and u.id in (select id from sensor where server_id = 500 and sensor_name = 'CPU1 Temp') group by 1 order by 1"
  echo "the same chart from raw sample rows, 5 runs:"
  for i in $(seq 1 5); do echo "$raw;"; done | sql -c '\timing on' -f - | grep '^Time' | sort -t' ' -k2 -n \
    | awk '{a[NR]=$2} END {print "min " a[1] " ms, median " a[int((NR+1)/2)] " ms, max " a[NR] " ms, runs " NR}'
  stop_pg
}

# The chart as the app read it before V11_2 (SensorReadings.historyOf on sensor_reading: every raw reading of the
# sensor, bucketed in Java), on a smaller fleet: the query walks one server's rows, so its cost grows with that
# server's history, not with the fleet (other servers' rows only compete for the cache).
chart_before() {
  local fleet=${FLEET_BEFORE:-20} polls=$((DAYS * 86400 / STEP))
  echo "== chart before (sensor_reading): $fleet servers x 30 sensors, $DAYS days at ${STEP} s = $((fleet * 30 * polls)) rows"
  N_SERVERS=$fleet FLEET=$fleet fresh_db V10
  local t0=$(date +%s.%N)
  sql -c "insert into sensor_reading (server_id, sensor_name, kind, value, unit, status, lower_nr, lower_critical,
            lower_nc, upper_nc, upper_critical, upper_nr, collected_at, state_text)
          select s.id, t.name, t.kind, $VALUE_SQL, t.unit, case when t.kind = 'DISCRETE' then null else 'ok' end,
                 t.lnr, t.lc, t.lnc, t.unc, t.uc, t.unr, now() - interval '$STEP seconds' * ($polls - p.n), $STATE_SQL
            from generate_series(1, $polls) p(n) cross join (select id from server where id <= $fleet) s
            cross join $SENSORS_SQL order by p.n, s.id"
  echo "generated in $(echo "$(date +%s.%N) - $t0" | bc) s"
  sql -c "vacuum analyze sensor_reading"
  sql -A -t -c "select 'sensor_reading total ' || pg_total_relation_size('sensor_reading') || ' B, '
      || round(pg_total_relation_size('sensor_reading')::numeric / (select count(*) from sensor_reading), 1) || ' B/row'"
  local q="select r.* from sensor_reading r where r.server_id = $(( fleet < 10 ? fleet : 10 )) and r.collected_at >= now() - interval '$DAYS days'
             and r.sensor_name = 'CPU1 Temp' order by r.collected_at, r.sensor_name limit 100000"
  sql -c "explain (analyze, buffers) $q" | tail -4
  uptime
  echo "30-day chart query before (raw rows of one sensor), 10 runs:"
  for i in $(seq 1 10); do echo "$q;"; done | sql -c '\timing on' -f - 2>&1 | grep '^Time' | sort -t' ' -k2 -n \
    | awk '{a[NR]=$2} END {print "min " a[1] " ms, median " a[int((NR+1)/2)] " ms, max " a[NR] " ms, runs " NR}'
  stop_pg
}

echo "start: $(uptime)"
trap 'echo "end: $(uptime)"; stop_pg' EXIT INT TERM
case "${1:-all}" in
  bytes) bytes ;;
  chart) chart ;;
  chart-before) chart_before ;;
  all) bytes; chart ;;
  *) die "usage: $0 [bytes|chart|all]" ;;
esac

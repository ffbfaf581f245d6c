-- Sensor history that scales (issue 18). sensor_reading repeated a sensor's name, kind, unit and six thresholds on
-- every row: ~200 bytes a reading with its three indexes. Now:
--   sensor         one row per sensor and version of its description (kind, unit, thresholds): a change of those
--                  retires the current row and adds a new one, so old readings keep the thresholds of their time;
--   sensor_label   the few distinct (status, discrete state word, decoded states) a reading can carry;
--   sensor_sample  one row per poll of a server: the sensor ids, values (float4) and labels as arrays - ~15 bytes
--                  a reading with 30 sensors, where a row per reading cannot go under ~80 (24-byte tuple header,
--                  line pointer, alignment, its index entry); partitioned by day, so retention drops whole days;
--   sensor_hourly  min / avg / max / count per sensor and hour, filled as hours close: long charts read these;
--   sensor_latest  the newest poll of each server, values as float8: the sensor page, /metrics and alert rules.
-- The views sensor_reading and sensor_reading_latest show the old columns for ad-hoc SQL and the readers.

create table sensor (
    id             serial primary key,
    server_id      bigint      not null references server (id) on delete cascade,
    sensor_name    varchar(64) not null,
    -- BMCs repeat names ("Temp", "Temp"): the n-th sensor of a name in one poll is its own sensor
    name_seq       smallint    not null default 0,
    kind           varchar(16) not null,
    unit           varchar(32), -- null for discrete sensors: their "unit" is the state word, in sensor_label
    lower_nr       double precision,
    lower_critical double precision,
    lower_nc       double precision,
    upper_nc       double precision,
    upper_critical double precision,
    upper_nr       double precision,
    first_seen     timestamptz not null,
    current        boolean     not null default true
);
create unique index sensor_current on sensor (server_id, sensor_name, name_seq) where current;
create index sensor_server on sensor (server_id);

create table sensor_label (
    id         serial primary key,
    status     varchar(16),
    state_word varchar(32),
    state_text varchar(255),
    unique nulls not distinct (status, state_word, state_text)
);

create table sensor_sample (
    server_id    bigint      not null references server (id) on delete cascade,
    collected_at timestamptz not null,
    sensor_ids   integer[]   not null,
    vals         real[]      not null,
    labels       integer[]   not null
) partition by range (collected_at);
create index sensor_sample_server_time on sensor_sample (server_id, collected_at);
-- the rollup reads an hour of all servers: a block range index costs a few pages a day, a b-tree ~30 bytes a row
create index sensor_sample_time on sensor_sample using brin (collected_at);
-- a safety net: a poll never fails for want of a partition (sensor_history_partitions moves such rows out)
create table sensor_sample_default partition of sensor_sample default;

create table sensor_hourly (
    sensor_id integer     not null,
    hour      timestamptz not null,
    samples   integer     not null,
    min_value real,
    avg_value double precision,
    max_value real,
    primary key (sensor_id, hour)
) partition by range (hour);
create table sensor_hourly_default partition of sensor_hourly default;

-- hours before rolled_up_to are in sensor_hourly; one row, locked by the instance rolling up
create table sensor_rollup (rolled_up_to timestamptz);

create table sensor_latest (
    server_id    bigint primary key references server (id) on delete cascade,
    collected_at timestamptz      not null,
    sensor_ids   integer[]        not null,
    vals         double precision[] not null,
    labels       integer[]        not null
);

-- Daily partitions sensor_sample_pYYYYMMDD and sensor_hourly_pYYYYMMDD for the days from first to last; rows of
-- those days that fell into a default partition are moved into the new one.
create function sensor_history_partitions(first date, last date) returns integer language plpgsql as $$
declare
    d date;
    t text;
    made integer := 0;
    col text;
begin
    -- two instances at once would both try to create the same partition
    perform pg_advisory_xact_lock(hashtext('sensor_history_partitions'));
    for d in select generate_series(first, last, interval '1 day')::date loop
        foreach t in array array['sensor_sample', 'sensor_hourly'] loop
            continue when to_regclass(t || '_p' || to_char(d, 'YYYYMMDD')) is not null;
            col := case t when 'sensor_sample' then 'collected_at' else 'hour' end;
            execute format('create temp table moved_rows on commit drop as with m as (delete from %I where %I >= %L'
                           || ' and %I < %L returning *) select * from m', t || '_default', col,
                           d::timestamp at time zone 'UTC', col, (d + 1)::timestamp at time zone 'UTC');
            execute format('create table %I partition of %I for values from (%L) to (%L)', t || '_p' || to_char(d, 'YYYYMMDD'),
                           t, d::timestamp at time zone 'UTC', (d + 1)::timestamp at time zone 'UTC');
            execute format('insert into %I select * from moved_rows', t);
            drop table moved_rows;
            made := made + 1;
        end loop;
    end loop;
    return made;
end $$;

-- Drops the daily partitions that end at or before cutoff (and deletes such rows of the default partitions);
-- one row per table: partitions dropped, readings (sensor_sample) or rollup rows (sensor_hourly) they held. All
-- counting before the first drop: a drop locks the parent table until the transaction ends.
create function sensor_history_drop(cutoff timestamptz)
    returns table (table_name text, partitions integer, rows_dropped bigint) language plpgsql as $$
declare
    t text;
    p text;
    names text[];
    n bigint;
begin
    perform pg_advisory_xact_lock(hashtext('sensor_history_partitions'));
    foreach t in array array['sensor_sample', 'sensor_hourly'] loop
        table_name := t; partitions := 0; rows_dropped := 0;
        select coalesce(array_agg(c.relname::text order by c.relname), '{}') into names
          from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = t::regclass and c.relname ~ '_p[0-9]{8}$'
           and (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp at time zone 'UTC' <= cutoff;
        foreach p in array names loop
            execute format(case t when 'sensor_sample' then 'select coalesce(sum(cardinality(sensor_ids)), 0) from %I'
                                  else 'select count(*) from %I' end, p) into n;
            rows_dropped := rows_dropped + n;
        end loop;
        if t = 'sensor_sample' then
            with gone as (delete from sensor_sample_default where collected_at < cutoff returning sensor_ids)
            select rows_dropped + coalesce(sum(cardinality(sensor_ids)), 0) into rows_dropped from gone;
        else
            with gone as (delete from sensor_hourly_default where hour < cutoff returning 1)
            select rows_dropped + count(*) into rows_dropped from gone;
        end if;
        foreach p in array names loop
            execute format('drop table %I', p);
            partitions := partitions + 1;
        end loop;
        return next;
    end loop;
end $$;

-- Rolls up the closed hours (ended before now() - 2 minutes, so that a poll being stored is not missed) from the
-- watermark on, at most max_hours of them; returns the hours done. Idempotent per hour (on conflict), and the
-- watermark row lock makes a second instance wait and then find the hours done.
create function sensor_rollup_catch_up(max_hours integer) returns integer language plpgsql as $$
declare
    upto timestamptz := date_bin('1 hour', now() - interval '2 minutes', timestamptz '2000-01-01 00:00+00');
    h timestamptz;
    done integer := 0;
begin
    select rolled_up_to into h from sensor_rollup for update;
    if h is null then
        select date_bin('1 hour', min(collected_at), timestamptz '2000-01-01 00:00+00') into h from sensor_sample;
    end if;
    while h is not null and h < upto and done < max_hours loop
        perform sensor_rollup_hour(h);
        h := h + interval '1 hour';
        done := done + 1;
    end loop;
    update sensor_rollup set rolled_up_to = coalesce(h, upto);
    return done;
end $$;

create function sensor_rollup_hour(h timestamptz) returns void language sql as $$
    insert into sensor_hourly (sensor_id, hour, samples, min_value, avg_value, max_value)
    select u.id, h, count(*), min(u.v), avg(u.v), max(u.v)
      from sensor_sample s cross join lateral unnest(s.sensor_ids, s.vals) u(id, v)
     where s.collected_at >= h and s.collected_at < h + interval '1 hour' and u.v is not null
     group by u.id
    on conflict (sensor_id, hour) do update set samples = excluded.samples, min_value = excluded.min_value,
        avg_value = excluded.avg_value, max_value = excluded.max_value
$$;

-- One poll's readings as rows: the dimension's unit (none for a discrete sensor) apart from the label's state word.
create function sensor_poll_rows(p_name varchar[], p_kind varchar[], p_unit varchar[], p_value double precision[],
        p_status varchar[], p_state_text varchar[], p_lnr double precision[], p_lc double precision[],
        p_lnc double precision[], p_unc double precision[], p_uc double precision[], p_unr double precision[])
    returns table (n bigint, name varchar, seq smallint, kind varchar, dunit varchar, state_word varchar,
                   value double precision, status varchar, state_text varchar, lnr double precision,
                   lc double precision, lnc double precision, unc double precision, uc double precision,
                   unr double precision)
    language sql immutable as $$
    select r.n, r.name, (row_number() over (partition by r.name order by r.n) - 1)::smallint, r.kind,
           case when r.kind = 'DISCRETE' then null else r.unit end, case when r.kind = 'DISCRETE' then r.unit end,
           r.value, r.status, r.state_text, r.lnr, r.lc, r.lnc, r.unc, r.uc, r.unr
      from unnest(p_name, p_kind, p_unit, p_value, p_status, p_state_text, p_lnr, p_lc, p_lnc, p_unc, p_uc, p_unr)
           with ordinality r(name, kind, unit, value, status, state_text, lnr, lc, lnc, unc, uc, unr, n)
$$;

-- One poll of one server in one round trip: dimension rows (a changed description retires the current row and
-- adds a new one), labels, the sample row and the server's latest row. The arrays are parallel, one element per
-- reading. Returns the readings stored.
create function sensor_poll_store(p_server bigint, p_at timestamptz, p_name varchar[], p_kind varchar[],
        p_unit varchar[], p_value double precision[], p_status varchar[], p_state_text varchar[],
        p_lnr double precision[], p_lc double precision[], p_lnc double precision[], p_unc double precision[],
        p_uc double precision[], p_unr double precision[]) returns integer language plpgsql as $$
declare
    ids integer[];
    vals double precision[];
    labels integer[];
begin
    update sensor s set current = false
      from sensor_poll_rows(p_name, p_kind, p_unit, p_value, p_status, p_state_text, p_lnr, p_lc, p_lnc, p_unc,
                            p_uc, p_unr) r
     where s.server_id = p_server and s.current and s.sensor_name = r.name and s.name_seq = r.seq
       and (s.kind, s.unit, s.lower_nr, s.lower_critical, s.lower_nc, s.upper_nc, s.upper_critical, s.upper_nr)
           is distinct from (r.kind, r.dunit, r.lnr, r.lc, r.lnc, r.unc, r.uc, r.unr);
    insert into sensor (server_id, sensor_name, name_seq, kind, unit, lower_nr, lower_critical, lower_nc, upper_nc,
                        upper_critical, upper_nr, first_seen)
    select p_server, r.name, r.seq, r.kind, r.dunit, r.lnr, r.lc, r.lnc, r.unc, r.uc, r.unr, p_at
      from sensor_poll_rows(p_name, p_kind, p_unit, p_value, p_status, p_state_text, p_lnr, p_lc, p_lnc, p_unc,
                            p_uc, p_unr) r
     where not exists (select 1 from sensor s where s.server_id = p_server and s.current and s.sensor_name = r.name
                                                and s.name_seq = r.seq);
    insert into sensor_label (status, state_word, state_text)
    select distinct r.status, r.state_word, r.state_text
      from sensor_poll_rows(p_name, p_kind, p_unit, p_value, p_status, p_state_text, p_lnr, p_lc, p_lnc, p_unc,
                            p_uc, p_unr) r
     where not exists (select 1 from sensor_label l where l.status is not distinct from r.status
                          and l.state_word is not distinct from r.state_word
                          and l.state_text is not distinct from r.state_text)
    on conflict do nothing;

    select array_agg(s.id order by r.n), array_agg(r.value order by r.n), array_agg(l.id order by r.n)
      into ids, vals, labels
      from sensor_poll_rows(p_name, p_kind, p_unit, p_value, p_status, p_state_text, p_lnr, p_lc, p_lnc, p_unc,
                            p_uc, p_unr) r
      join sensor s on s.server_id = p_server and s.current and s.sensor_name = r.name and s.name_seq = r.seq
      join sensor_label l on l.status is not distinct from r.status and l.state_word is not distinct from r.state_word
                         and l.state_text is not distinct from r.state_text;
    if ids is null then
        return 0;
    end if;
    insert into sensor_sample (server_id, collected_at, sensor_ids, vals, labels)
    values (p_server, p_at, ids, vals::real[], labels);
    insert into sensor_latest (server_id, collected_at, sensor_ids, vals, labels)
    values (p_server, p_at, ids, vals, labels)
    on conflict (server_id) do update set collected_at = excluded.collected_at, sensor_ids = excluded.sensor_ids,
        vals = excluded.vals, labels = excluded.labels
     where sensor_latest.collected_at <= excluded.collected_at;
    return cardinality(ids);
end $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Existing history: the same shapes, built from sensor_reading, then sensor_reading goes.

create temp table old_reading as
select r.server_id, r.collected_at, r.id, r.sensor_name, r.kind, r.value, r.status, r.state_text,
       case when r.kind = 'DISCRETE' then null else r.unit end as dunit,
       case when r.kind = 'DISCRETE' then r.unit end as state_word,
       r.lower_nr, r.lower_critical, r.lower_nc, r.upper_nc, r.upper_critical, r.upper_nr,
       (row_number() over (partition by r.server_id, r.collected_at, r.sensor_name order by r.id) - 1)::smallint as seq
  from sensor_reading r;
alter table old_reading add column dim_key text, add column label_key text;
update old_reading set
    dim_key = concat_ws('|', server_id, sensor_name, seq, kind, coalesce(dunit, '\N'), coalesce(lower_nr::text, '\N'),
                        coalesce(lower_critical::text, '\N'), coalesce(lower_nc::text, '\N'),
                        coalesce(upper_nc::text, '\N'), coalesce(upper_critical::text, '\N'),
                        coalesce(upper_nr::text, '\N')),
    label_key = concat_ws('|', coalesce(status, '\N'), coalesce(state_word, '\N'), coalesce(state_text, '\N'));

alter table sensor add column migration_key text;
insert into sensor (server_id, sensor_name, name_seq, kind, unit, lower_nr, lower_critical, lower_nc, upper_nc,
                    upper_critical, upper_nr, first_seen, current, migration_key)
select min(server_id), min(sensor_name), min(seq), min(kind), min(dunit), min(lower_nr), min(lower_critical), min(lower_nc),
       min(upper_nc), min(upper_critical), min(upper_nr), min(collected_at), false, dim_key
  from old_reading group by dim_key;
-- the version of each (server, name, seq) seen last is the current one
update sensor s set current = true
  from (select distinct on (server_id, sensor_name, seq) dim_key from old_reading
         order by server_id, sensor_name, seq, collected_at desc, id desc) last
 where s.migration_key = last.dim_key;

alter table sensor_label add column migration_key text;
insert into sensor_label (status, state_word, state_text, migration_key)
select min(status), min(state_word), min(state_text), label_key from old_reading group by label_key;

select sensor_history_partitions(coalesce((select min(collected_at) from old_reading), now())::date,
                                 (now() + interval '7 days')::date);

insert into sensor_sample (server_id, collected_at, sensor_ids, vals, labels)
select o.server_id, o.collected_at, array_agg(s.id order by o.id), array_agg(o.value::real order by o.id),
       array_agg(l.id order by o.id)
  from old_reading o join sensor s on s.migration_key = o.dim_key join sensor_label l on l.migration_key = o.label_key
 group by o.server_id, o.collected_at;

insert into sensor_latest (server_id, collected_at, sensor_ids, vals, labels)
select o.server_id, o.collected_at, array_agg(s.id order by o.id), array_agg(o.value order by o.id),
       array_agg(l.id order by o.id)
  from old_reading o join sensor s on s.migration_key = o.dim_key join sensor_label l on l.migration_key = o.label_key
 where (o.server_id, o.collected_at) in (select server_id, max(collected_at) from old_reading group by server_id)
 group by o.server_id, o.collected_at;

alter table sensor drop column migration_key;
alter table sensor_label drop column migration_key;
drop table old_reading;
drop table sensor_reading;

insert into sensor_rollup values (null);
select sensor_rollup_catch_up(1000000);

-- The old columns, for SQL written against sensor_reading; value as stored (float4).
create view sensor_reading as
select s.server_id, d.sensor_name, d.kind, u.v as value,
       case when d.kind = 'DISCRETE' then l.state_word else d.unit end as unit, l.status,
       d.lower_nr, d.lower_critical, d.lower_nc, d.upper_nc, d.upper_critical, d.upper_nr, s.collected_at,
       l.state_text, u.id as sensor_id, u.n as position
  from sensor_sample s cross join lateral unnest(s.sensor_ids, s.vals, s.labels) with ordinality u(id, v, label, n)
  join sensor d on d.id = u.id join sensor_label l on l.id = u.label;

-- The newest poll of each server, value as read (float8).
create view sensor_reading_latest as
select s.server_id, d.sensor_name, d.kind, u.v as value,
       case when d.kind = 'DISCRETE' then l.state_word else d.unit end as unit, l.status,
       d.lower_nr, d.lower_critical, d.lower_nc, d.upper_nc, d.upper_critical, d.upper_nr, s.collected_at,
       l.state_text, u.id as sensor_id, u.n as position
  from sensor_latest s cross join lateral unnest(s.sensor_ids, s.vals, s.labels) with ordinality u(id, v, label, n)
  join sensor d on d.id = u.id join sensor_label l on l.id = u.label;

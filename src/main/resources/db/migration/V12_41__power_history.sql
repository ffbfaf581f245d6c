-- Power history that scales (issue 18), as sensor history did in V11_2. power_reading kept one row per poll with a
-- bigserial id and three indexes (~150 bytes a reading), and retention deleted it in batches. Now:
--   power_recent  the readings of the hours not yet packed (about the last hour): one row each, as polls store them;
--   power_hour    one row per server and hour, partitioned by day: the hour's readings as parallel arrays
--                 (millisecond of the hour, current / min / max / avg watts) - ~20 bytes a reading at 60-s polls,
--                 where a row per reading cannot go under ~80 (tuple header, line pointer, index entry); retention
--                 drops whole days;
--   power_latest  the newest reading of each server (/metrics, the server page).
-- Readings keep their time to the millisecond (stored so from the start, so an answer does not change when its
-- hour is packed). The view power_reading shows the old columns (without id) for ad-hoc SQL.

create table power_recent (
    server_id     bigint      not null references server (id) on delete cascade,
    collected_at  timestamptz not null,
    current_watts integer     not null,
    min_watts     integer,
    max_watts     integer,
    avg_watts     integer
);
create index power_recent_server_time on power_recent (server_id, collected_at);

create table power_hour (
    server_id     bigint      not null references server (id) on delete cascade,
    hour          timestamptz not null,
    millis        integer[]   not null, -- of the hour, in the order packed (a late reading comes last)
    current_watts integer[]   not null,
    min_watts     integer[]   not null,
    max_watts     integer[]   not null,
    avg_watts     integer[]   not null,
    primary key (server_id, hour)
) partition by range (hour);
create table power_hour_default partition of power_hour default;

create table power_latest (
    server_id     bigint primary key references server (id) on delete cascade,
    collected_at  timestamptz not null,
    current_watts integer     not null,
    min_watts     integer,
    max_watts     integer,
    avg_watts     integer
);

-- The daily partitions of power_hour are made with those of sensor history (SensorHistory's upkeep): the same
-- function, one table more.
create or replace function sensor_history_partitions(first date, last date) returns integer language plpgsql as $$
declare
    d date;
    t text;
    made integer := 0;
    col text;
begin
    -- two instances at once would both try to create the same partition
    perform pg_advisory_xact_lock(hashtext('sensor_history_partitions'));
    for d in select generate_series(first, last, interval '1 day')::date loop
        foreach t in array array['sensor_sample', 'sensor_hourly', 'power_hour'] loop
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

-- One reading of a poll: into power_recent (time to the millisecond) and power_latest.
create function power_store(p_server bigint, p_at timestamptz, p_current integer, p_min integer, p_max integer,
        p_avg integer) returns integer language sql as $$
    insert into power_recent (server_id, collected_at, current_watts, min_watts, max_watts, avg_watts)
    values (p_server, date_trunc('milliseconds', p_at), p_current, p_min, p_max, p_avg);
    insert into power_latest (server_id, collected_at, current_watts, min_watts, max_watts, avg_watts)
    values (p_server, date_trunc('milliseconds', p_at), p_current, p_min, p_max, p_avg)
    on conflict (server_id) do update set collected_at = excluded.collected_at, current_watts = excluded.current_watts,
        min_watts = excluded.min_watts, max_watts = excluded.max_watts, avg_watts = excluded.avg_watts
     where power_latest.collected_at <= excluded.collected_at;
    select 1;
$$;

-- Packs the readings of power_recent older than upto into their server's hour rows (a late reading of an hour already
-- packed is added to its row); returns the readings packed. The delete and the insert are one statement: a reading is
-- in one of the two tables, never both, never neither.
create function power_pack(upto timestamptz) returns bigint language sql as $$
    with moved as (
        delete from power_recent where collected_at < upto returning *
    ), hours as (
        select server_id, date_bin('1 hour', collected_at, timestamptz '2000-01-01 00:00+00') as hour,
               array_agg((extract(epoch from collected_at - date_bin('1 hour', collected_at, timestamptz '2000-01-01 00:00+00'))
                          * 1000)::integer order by collected_at) as millis,
               array_agg(current_watts order by collected_at) as current_watts,
               array_agg(min_watts order by collected_at) as min_watts,
               array_agg(max_watts order by collected_at) as max_watts,
               array_agg(avg_watts order by collected_at) as avg_watts,
               count(*) as n
          from moved group by 1, 2
    ), packed as (
        insert into power_hour (server_id, hour, millis, current_watts, min_watts, max_watts, avg_watts)
        select server_id, hour, millis, current_watts, min_watts, max_watts, avg_watts from hours
        on conflict (server_id, hour) do update set millis = power_hour.millis || excluded.millis,
            current_watts = power_hour.current_watts || excluded.current_watts,
            min_watts = power_hour.min_watts || excluded.min_watts, max_watts = power_hour.max_watts || excluded.max_watts,
            avg_watts = power_hour.avg_watts || excluded.avg_watts
        returning 1
    )
    select coalesce(sum(n), 0)::bigint from hours
$$;

-- One server's readings since a time, oldest first: the packed hours that can hold such readings (through the
-- primary key), unnested, and the recent ones.
create function power_history(p_server bigint, p_since timestamptz)
    returns table (collected_at timestamptz, current_watts integer, min_watts integer, max_watts integer,
                   avg_watts integer) language sql stable as $$
    select x.collected_at, x.current_watts, x.min_watts, x.max_watts, x.avg_watts from (
        select h.hour + u.ms * interval '1 millisecond' as collected_at, u.cur as current_watts, u.mn as min_watts,
               u.mx as max_watts, u.av as avg_watts
          from power_hour h cross join lateral unnest(h.millis, h.current_watts, h.min_watts, h.max_watts, h.avg_watts)
               u(ms, cur, mn, mx, av)
         where h.server_id = p_server
           and h.hour >= date_bin('1 hour', p_since, timestamptz '2000-01-01 00:00+00')
        union all
        select r.collected_at, r.current_watts, r.min_watts, r.max_watts, r.avg_watts
          from power_recent r where r.server_id = p_server and r.collected_at >= p_since
    ) x where x.collected_at >= p_since order by x.collected_at
$$;

-- Drops the daily partitions of power_hour that end at or before cutoff, and deletes older rows of its default
-- partition and of power_recent (none, unless packing stopped for that long); one row: partitions dropped, readings.
create function power_history_drop(cutoff timestamptz)
    returns table (table_name text, partitions integer, rows_dropped bigint) language plpgsql as $$
declare
    p text;
    names text[];
    n bigint;
begin
    perform pg_advisory_xact_lock(hashtext('sensor_history_partitions'));
    table_name := 'power_hour'; partitions := 0; rows_dropped := 0;
    select coalesce(array_agg(c.relname::text order by c.relname), '{}') into names
      from pg_inherits i join pg_class c on c.oid = i.inhrelid
     where i.inhparent = 'power_hour'::regclass and c.relname ~ '_p[0-9]{8}$'
       and (to_date(right(c.relname, 8), 'YYYYMMDD') + 1)::timestamp at time zone 'UTC' <= cutoff;
    -- counted before the first drop: a drop locks the parent table until the transaction ends
    foreach p in array names loop
        execute format('select coalesce(sum(cardinality(millis)), 0) from %I', p) into n;
        rows_dropped := rows_dropped + n;
    end loop;
    with gone as (delete from power_hour_default where hour + interval '1 hour' <= cutoff returning millis)
    select rows_dropped + coalesce(sum(cardinality(millis)), 0) into rows_dropped from gone;
    with gone as (delete from power_recent where collected_at < cutoff returning 1)
    select rows_dropped + count(*) into rows_dropped from gone;
    foreach p in array names loop
        execute format('drop table %I', p);
        partitions := partitions + 1;
    end loop;
    return next;
end $$;

-- ---------------------------------------------------------------------------------------------------------------
-- Existing history: the closed hours packed as power_pack packs them (straight from power_reading: through
-- power_recent they would leave it full of dead rows), the open hour into power_recent; then power_reading goes.

select sensor_history_partitions(coalesce((select min(collected_at) from power_reading), now())::date,
                                 (now() + interval '7 days')::date);
create temp table old_power as
select server_id, date_trunc('milliseconds', collected_at) as collected_at, current_watts, min_watts, max_watts,
       avg_watts, id
  from power_reading;
insert into power_hour (server_id, hour, millis, current_watts, min_watts, max_watts, avg_watts)
select server_id, date_bin('1 hour', collected_at, timestamptz '2000-01-01 00:00+00'),
       array_agg((extract(epoch from collected_at - date_bin('1 hour', collected_at, timestamptz '2000-01-01 00:00+00'))
                  * 1000)::integer order by collected_at, id),
       array_agg(current_watts order by collected_at, id), array_agg(min_watts order by collected_at, id),
       array_agg(max_watts order by collected_at, id), array_agg(avg_watts order by collected_at, id)
  from old_power where collected_at < date_bin('1 hour', now(), timestamptz '2000-01-01 00:00+00')
 group by 1, 2;
insert into power_recent (server_id, collected_at, current_watts, min_watts, max_watts, avg_watts)
select server_id, collected_at, current_watts, min_watts, max_watts, avg_watts
  from old_power where collected_at >= date_bin('1 hour', now(), timestamptz '2000-01-01 00:00+00')
 order by collected_at, id;
insert into power_latest (server_id, collected_at, current_watts, min_watts, max_watts, avg_watts)
select distinct on (server_id) server_id, date_trunc('milliseconds', collected_at), current_watts, min_watts, max_watts,
       avg_watts
  from power_reading order by server_id, collected_at desc, id desc;
drop table power_reading;
drop table old_power;

-- The old columns, for SQL written against power_reading.
create view power_reading as
select h.server_id, h.hour + u.ms * interval '1 millisecond' as collected_at, u.cur as current_watts,
       u.mn as min_watts, u.mx as max_watts, u.av as avg_watts
  from power_hour h cross join lateral unnest(h.millis, h.current_watts, h.min_watts, h.max_watts, h.avg_watts)
       u(ms, cur, mn, mx, av)
union all
select server_id, collected_at, current_watts, min_watts, max_watts, avg_watts from power_recent;

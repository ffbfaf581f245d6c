-- what bench/api-bench.sh ingest stored, as a checksum independent of the sims' start time: per record the
-- server name, record id, severity, whether it is a deassertion, and when it was resolved relative to the
-- server's first event (bmcgen shifts all its timestamps by its start time, not their spacing)
with e as (
  select s.server_name, x.record_id, x.severity, x.deassertion,
         extract(epoch from x.resolved_at - min(x.event_time) over (partition by s.id))::bigint as resolved_after
    from sel_event x join server s on s.id = x.server_id
   where s.server_name like 'ingest-%')
select count(*) as events, count(*) filter (where deassertion) as deassertions,
       count(resolved_after) as resolved,
       md5(string_agg(concat_ws('|', server_name, record_id, severity, deassertion, coalesce(resolved_after::text, '-')),
                      ',' order by server_name, record_id)) as checksum
  from e;

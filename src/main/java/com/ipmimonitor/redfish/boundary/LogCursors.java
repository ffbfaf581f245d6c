package com.ipmimonitor.redfish.boundary;

import com.ipmimonitor.redfish.entity.LogBatch;
import com.ipmimonitor.redfish.entity.LogCursor;
import com.ipmimonitor.sql.NativeRow;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the last read of each log of a server ended (table redfish_log_cursor). save joins the caller's
 * transaction: a cursor is stored with the entries it read, or not at all, so no entry is ever skipped.
 */
@Stateless
public class LogCursors {

    private static final String SAVE = """
            insert into redfish_log_cursor (server_id, log_uri, last_id, last_created, entry_count, newest_first,
                   top_skip_works, updated_at)
            values (?1, ?2, cast(?3 as varchar), cast(?4 as timestamptz), ?5, ?6, ?7, now())
            on conflict (server_id, log_uri) do update set last_id = excluded.last_id,
                   last_created = excluded.last_created, entry_count = excluded.entry_count,
                   newest_first = excluded.newest_first, top_skip_works = excluded.top_skip_works,
                   updated_at = excluded.updated_at""";

    @PersistenceContext
    EntityManager em;

    /** The stored cursor of each log service of the server, by the service's @odata.id. */
    public Map<String, LogCursor> of(long serverId) {
        Map<String, LogCursor> cursors = new HashMap<>();
        for (NativeRow r : NativeRow.list(em.createNativeQuery("""
                select log_uri, last_id, last_created, entry_count, newest_first, top_skip_works
                  from redfish_log_cursor where server_id = ?1""").setParameter(1, serverId))) {
            cursors.put(r.string("log_uri"), new LogCursor(Optional.ofNullable(r.string("last_id")),
                    Optional.ofNullable(r.time("last_created")).map(OffsetDateTime::toInstant),
                    r.intValue("entry_count"), r.bool("newest_first"), r.bool("top_skip_works")));
        }
        return cursors;
    }

    public void save(long serverId, List<LogBatch> logs) {
        for (LogBatch log : logs) {
            LogCursor c = log.cursor();
            em.createNativeQuery(SAVE).setParameter(1, serverId).setParameter(2, log.log().uri())
                    .setParameter(3, c.lastId().orElse(null))
                    .setParameter(4, c.lastCreated().map(t -> t.atOffset(ZoneOffset.UTC).toString()).orElse(null))
                    .setParameter(5, c.count()).setParameter(6, c.newestFirst()).setParameter(7, c.topSkipWorks())
                    .executeUpdate();
        }
    }
}

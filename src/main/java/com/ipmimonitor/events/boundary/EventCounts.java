package com.ipmimonitor.events.boundary;

import com.ipmimonitor.concurrent.ReadCache;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.ipmi.Severity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** How many events each server has stored: by severity in a time window, and in all. */
@Stateless
public class EventCounts {

    // answered from the effective-time index alone (V7 includes server_id and severity)
    private static final String COUNTS = """
            select server_id, severity, count(*) as events from sel_event
             where coalesce(event_time, collected_at) >= now() - make_interval(hours => ?1)""";

    /**
     * How long the fleet's counts are kept while no event was stored: what this does not see (events deleted by
     * retention or by another instance, events leaving the window as time passes, an event committed after a newer
     * one) shows at most this late.
     */
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    /*
     * The fleet's counts, shared by every instance of this pooled bean. Counting them read every event of the day
     * (and every event at all for the totals: 1,000,000 index entries at 1,000 servers) for each dashboard view and
     * each GET /api/servers, although they only change when a poll stores events, rarely in steady state. They are
     * read again as soon as the newest event id differs: a stored event shows at the next request, on every instance.
     */
    private static final ReadCache<Integer, Map<Long, Map<Severity, Long>>> WINDOW_COUNTS = new ReadCache<>(MAX_AGE);
    private static final ReadCache<Boolean, Map<Long, Long>> TOTALS = new ReadCache<>(MAX_AGE);

    @PersistenceContext
    EntityManager em;

    /** server id -> severity -> number of events that happened (or, untimed, were collected) in the window. */
    public Map<Long, Map<Severity, Long>> countsBySeverity(int hours) {
        return WINDOW_COUNTS.get(hours, newestId(), () -> Map.copyOf(
                counts(em.createNativeQuery(COUNTS + " group by server_id, severity").setParameter(1, hours))));
    }

    private static final AtomicLong DELETIONS = new AtomicLong();
    private static final AtomicLong STORES = new AtomicLong();

    /** Everything is read again at the next request: events were deleted, which the newest id does not show. */
    static void forget() {
        WINDOW_COUNTS.forget();
        TOTALS.forget();
        DELETIONS.incrementAndGet();
    }

    /** Grows each time stored events were deleted in this JVM (after the commit): for read models built on the counts. */
    public static long deletions() {
        return DELETIONS.get();
    }

    /**
     * Grows after each commit in this JVM that stored events (SelIngest): for read models that are kept between two
     * stored events without asking the database on each request. Events stored by another instance do not show here:
     * such a read model must also bound its age.
     */
    public static long stores() {
        return STORES.get();
    }

    static void stored() {
        STORES.incrementAndGet();
    }

    /** The newest stored event's id (0 without any), from the primary key's last entry: changes when events are stored. */
    public long newestId() {
        return NativeRow.single(em.createNativeQuery("select coalesce(max(id), 0) as id from sel_event")).longValue("id");
    }

    /** server id -> number of its stored events, whatever their age (the original API's total_events). */
    public Map<Long, Long> totalsByServer() {
        return TOTALS.get(true, newestId(), () -> {
            Map<Long, Long> totals = new HashMap<>();
            NativeRow.list(em.createNativeQuery("select server_id, count(*) as events from sel_event group by server_id"))
                    .forEach(r -> totals.put(r.longValue("server_id"), r.longValue("events")));
            return Map.copyOf(totals);
        });
    }

    private static Map<Long, Map<Severity, Long>> counts(Query query) {
        Map<Long, Map<Severity, Long>> counts = new HashMap<>();
        for (NativeRow row : NativeRow.list(query)) {
            counts.computeIfAbsent(row.longValue("server_id"), k -> new EnumMap<>(Severity.class))
                    .put(row.enumValue("severity", Severity.class), row.longValue("events"));
        }
        return counts;
    }
}

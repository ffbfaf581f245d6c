package com.ipmimonitor.events.boundary;

import com.ipmimonitor.database.boundary.ArrayParameters;
import com.ipmimonitor.database.boundary.NativeRow;
import com.ipmimonitor.events.control.ConditionClosing;
import com.ipmimonitor.events.control.SeverityClassifier;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.events.entity.Severity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.OffsetDateTime;

/** Stored SEL history: classifies and stores new records once, closes asserted conditions on deassert. */
@Stateless
public class SystemEvents {

    // many records in one statement with only 20 parameters: one array per column, unnested in list order
    private static final String INSERT = """
            insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at)
            select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at
              from unnest(cast(?1 as bigint[]), cast(?2 as integer[]), cast(?3 as integer[]), cast(?4 as timestamptz[]),
                          cast(?5 as bigint[]), cast(?6 as boolean[]), cast(?7 as varchar[]), cast(?8 as integer[]),
                          cast(?9 as integer[]), cast(?10 as varchar[]), cast(?11 as integer[]), cast(?12 as integer[]),
                          cast(?13 as boolean[]), cast(?14 as text[]), cast(?15 as text[]), cast(?16 as varchar[]),
                          cast(?17 as varchar[]), cast(?18 as varchar[]), cast(?19 as timestamptz[]),
                          cast(?20 as timestamptz[]))
                   with ordinality as r(server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at, resolved_at, n)
             order by n
            on conflict (server_id, fingerprint) do nothing
            returning server_id, fingerprint""";

    /** Records per INSERT: one statement (one round trip) stores up to this many records instead of one each. */
    static final int MAX_ROWS_PER_INSERT = 1000;

    /*
     * What one UPDATE per new deassertion did, in list order, in one statement: each deassertion closes the open
     * assertions of its sensor condition (untimed: all of them, at the transaction's time; timed: those not later
     * than it, at its time). An assertion several deassertions match was closed by the first of them (the later
     * ones skip closed rows): distinct on (id) ... order by n keeps that one. The join matches the partial index
     * sel_event_open_assertions (V6).
     */
    private static final String CLOSE_ASSERTED = """
            update sel_event target set resolved_at = closing.at
              from (select distinct on (open.id) open.id, coalesce(d.at, now()) as at
                      from unnest(cast(?1 as bigint[]), cast(?2 as integer[]), cast(?3 as integer[]),
                                  cast(?4 as integer[]), cast(?5 as timestamptz[]))
                           with ordinality as d(server_id, sensor_number, event_type_code, event_offset, at, n)
                      join sel_event open on open.server_id = d.server_id and open.sensor_number = d.sensor_number
                           and open.event_type_code = d.event_type_code and open.event_offset = d.event_offset
                           and not open.deassertion and open.resolved_at is null
                           and (d.at is null or open.event_time is null or open.event_time <= d.at)
                     order by open.id, d.n) closing
             where target.id = closing.id""";

    // answered from the effective-time index alone (V7 includes server_id and severity)
    private static final String COUNTS = """
            select server_id, severity, count(*) as events from sel_event
             where coalesce(event_time, collected_at) >= now() - make_interval(hours => ?1)""";

    private static final SeverityClassifier CLASSIFIER = new SeverityClassifier();

    @PersistenceContext
    EntityManager em;

    // rows stored closed for a deassertion the INSERT then did not store (it was stored before): open again, so the
    // close UPDATE decides them as it does every open row
    private static final String REOPEN = """
            update sel_event set resolved_at = null
             where (server_id, fingerprint) in (select * from unnest(cast(?1 as bigint[]), cast(?2 as varchar[])))""";

    /**
     * Returns how many of the records were new (a re-read record has the same fingerprint and is skipped).
     * Records are inserted in multi-row statements (see {@link #chunks}); after each statement one UPDATE closes
     * what the deassertions it inserted close, so the result is the one of one INSERT (and one UPDATE per new
     * deassertion) per record in list order. An assertion that a deassertion of its own statement closes is
     * inserted closed already (see {@link ConditionClosing#closers}), which leaves the UPDATE only what other
     * statements stored and assertions closed at the transaction's time.
     */
    public int store(List<SelEvent> events) {
        events.forEach(e -> e.classify(classify(e)));
        int stored = 0;
        for (List<SelEvent> chunk : chunks(events, MAX_ROWS_PER_INSERT)) {
            // the deassertions the INSERT is about to store, unless an earlier poll stored them
            List<SelEvent> storing = closingDeassertions(chunk, keysOf(chunk));
            Map<SelEvent, SelEvent> closers = ConditionClosing.closers(chunk, storing);
            Set<String> inserted = insert(chunk, closers);
            stored += inserted.size();
            List<SelEvent> closing = closingDeassertions(chunk, inserted);
            reopen(storedClosedByMistake(chunk, closers, inserted, closing));
            closeAsserted(closing);
        }
        return stored;
    }

    /**
     * The inserted records that were stored closed by a deassertion the INSERT did not store (already stored by
     * an earlier poll): the UPDATE would not have closed them with it. Empty when every closer was stored, as on
     * any first read of a SEL.
     */
    static List<SelEvent> storedClosedByMistake(List<SelEvent> chunk, Map<SelEvent, SelEvent> closers,
                                                Set<String> inserted, List<SelEvent> closing) {
        Set<SelEvent> storedClosers = Collections.newSetFromMap(new IdentityHashMap<>());
        storedClosers.addAll(closing);
        return storedOf(chunk, inserted).stream()
                .filter(e -> closers.containsKey(e) && !storedClosers.contains(closers.get(e))).toList();
    }

    /**
     * The records of the chunk that the INSERT stored (their keys are in inserted), in list order. Of two equal
     * records in one chunk only the first was stored.
     */
    private static List<SelEvent> storedOf(List<SelEvent> chunk, Set<String> inserted) {
        Set<String> unclaimed = new HashSet<>(inserted);
        List<SelEvent> stored = new ArrayList<>();
        for (SelEvent e : chunk) {
            if (unclaimed.remove(key(e.getServerId(), e.getFingerprint()))) {
                stored.add(e);
            }
        }
        return stored;
    }

    private static Set<String> keysOf(List<SelEvent> records) {
        Set<String> keys = new HashSet<>();
        records.forEach(e -> keys.add(key(e.getServerId(), e.getFingerprint())));
        return keys;
    }

    /**
     * Splits the records into INSERT statements of at most max rows, in order. A deassertion closes the matching
     * asserted events already stored when it is stored; so that a record stored in the same statement after a
     * deassertion is not closed by it where one INSERT per record would have left it open, a record that the
     * deassertion's update would match starts a new statement.
     */
    static List<List<SelEvent>> chunks(List<SelEvent> events, int max) {
        List<List<SelEvent>> chunks = new ArrayList<>();
        List<SelEvent> current = new ArrayList<>();
        // the current chunk's deassertions by the condition they close: a record is checked against its own only
        // (a 4000-record SEL holds ~550 deassertions)
        Map<List<Object>, List<SelEvent>> deassertions = new HashMap<>();
        for (SelEvent e : events) {
            if (current.size() >= max || deassertions.getOrDefault(ConditionClosing.conditionOf(e), List.of()).stream()
                    .anyMatch(d -> ConditionClosing.wouldClose(d, e))) {
                chunks.add(current);
                current = new ArrayList<>();
                deassertions.clear();
            }
            current.add(e);
            if (e.isDeassertion() && ConditionClosing.closesSomething(e)) {
                deassertions.computeIfAbsent(ConditionClosing.conditionOf(e), k -> new ArrayList<>()).add(e);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** The deassertions of the chunk that the INSERT stored (see storedOf) and that name a sensor condition. */
    static List<SelEvent> closingDeassertions(List<SelEvent> chunk, Set<String> inserted) {
        return storedOf(chunk, inserted).stream()
                .filter(e -> e.isDeassertion() && ConditionClosing.closesSomething(e)).toList();
    }

    /**
     * The time of the newest stored record of the server that has one (its place, for a record without a
     * timestamp): where a record without a timestamp read next sits in time-sorted lists.
     */
    public Optional<OffsetDateTime> latestSortTime(long serverId) {
        return NativeRow.first(em.createNativeQuery("""
                select event_time from sel_event where server_id = ?1 and event_time is not null
                 order by id desc limit 1""").setParameter(1, serverId)).map(r -> r.time("event_time"));
    }

    public List<SelEvent> ofServer(long serverId, int limit) {
        return em.createNamedQuery(SelEvent.BY_SERVER, SelEvent.class).setParameter("serverId", serverId)
                .setMaxResults(limit).getResultList();
    }

    /** server id -> severity -> number of events that happened (or, untimed, were collected) in the window. */
    public Map<Long, Map<Severity, Long>> countsBySeverity(int hours) {
        return counts(em.createNativeQuery(COUNTS + " group by server_id, severity").setParameter(1, hours));
    }

    /** severity -> number of the server's events in the window, as countsBySeverity(hours) has it for that server. */
    public Map<Severity, Long> countsBySeverity(long serverId, int hours) {
        return counts(em.createNativeQuery(COUNTS + " and server_id = ?2 group by server_id, severity")
                .setParameter(1, hours).setParameter(2, serverId)).getOrDefault(serverId, Map.of());
    }

    /** server id -> number of its stored events, whatever their age (the original API's total_events). */
    public Map<Long, Long> totalsByServer() {
        Map<Long, Long> totals = new HashMap<>();
        NativeRow.list(em.createNativeQuery("select server_id, count(*) as events from sel_event group by server_id"))
                .forEach(r -> totals.put(r.longValue("server_id"), r.longValue("events")));
        return totals;
    }

    public long totalOf(long serverId) {
        return NativeRow.single(em.createNativeQuery("select count(*) as events from sel_event where server_id = ?1")
                .setParameter(1, serverId)).longValue("events");
    }

    private static Map<Long, Map<Severity, Long>> counts(Query query) {
        Map<Long, Map<Severity, Long>> counts = new HashMap<>();
        for (NativeRow row : NativeRow.list(query)) {
            counts.computeIfAbsent(row.longValue("server_id"), k -> new EnumMap<>(Severity.class))
                    .put(row.enumValue("severity", Severity.class), row.longValue("events"));
        }
        return counts;
    }

    public int deleteOf(long serverId) {
        return em.createQuery("delete from SelEvent e where e.serverId = :id").setParameter("id", serverId).executeUpdate();
    }

    static Severity classify(SelEvent e) {
        if (e.findSensorTypeCode().isEmpty() || e.findEventTypeCode().isEmpty()) {
            return Severity.INFO; // OEM records carry no standard event semantics
        }
        return CLASSIFIER.classify(e.findSensorTypeCode().get(), e.findEventTypeCode().get(),
                e.findEventOffset().orElse(0), e.isDeassertion());
    }

    /**
     * Inserts the records in one statement, those with a closer closed at its time; returns the keys (server id,
     * fingerprint) of those that were new.
     */
    private Set<String> insert(List<SelEvent> chunk, Map<SelEvent, SelEvent> closers) {
        Query query = ArrayParameters.bind(em.createNativeQuery(INSERT), chunk, List.of(SelEvent::getServerId,
                SelEvent::getRecordId, SelEvent::getRecordTypeCode, e -> e.findSortTime().orElse(null),
                e -> e.findBmcTimestamp().orElse(null), SelEvent::isPreInit, SelEvent::getSensorType,
                e -> e.findSensorTypeCode().orElse(null), e -> e.findSensorNumber().orElse(null),
                e -> e.findSensorName().orElse(null), e -> e.findEventTypeCode().orElse(null),
                e -> e.findEventOffset().orElse(null), SelEvent::isDeassertion, SelEvent::getDescription,
                e -> e.findDetail().orElse(null), e -> e.getSeverity().name(), SelEvent::getRawHex,
                SelEvent::getFingerprint, SelEvent::getCollectedAt,
                e -> closers.containsKey(e) ? closers.get(e).findEventTime().get() : null));
        Set<String> inserted = new HashSet<>();
        for (NativeRow row : NativeRow.list(query)) {
            inserted.add(key(row.longValue("server_id"), row.string("fingerprint")));
        }
        return inserted;
    }

    private void reopen(List<SelEvent> records) {
        if (!records.isEmpty()) {
            ArrayParameters.bind(em.createNativeQuery(REOPEN), records,
                    List.of(SelEvent::getServerId, SelEvent::getFingerprint)).executeUpdate();
        }
    }

    private void closeAsserted(List<SelEvent> deassertions) {
        if (deassertions.isEmpty()) {
            return;
        }
        ArrayParameters.bind(em.createNativeQuery(CLOSE_ASSERTED), deassertions, List.of(SelEvent::getServerId,
                e -> e.findSensorNumber().get(), e -> e.findEventTypeCode().get(), e -> e.findEventOffset().orElse(0),
                e -> e.findEventTime().orElse(null)))
                .executeUpdate();
    }

    static String key(long serverId, String fingerprint) {
        return serverId + " " + fingerprint;
    }
}

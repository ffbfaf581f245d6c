package com.ipmimonitor.events.boundary;

import com.ipmimonitor.events.control.SeverityClassifier;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.events.entity.Severity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Stored SEL history: classifies and stores new records once, closes asserted conditions on deassert. */
@Stateless
public class SystemEvents {

    // many records in one statement with only 19 parameters: one PostgreSQL array literal per column, unnested in
    // list order. (A multi-row VALUES with 19 parameters per row was slower than one INSERT per record in
    // bench/api-bench.sh: 9,500 positional parameters per native query are expensive somewhere in EclipseLink.)
    private static final String INSERT = """
            insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at)
            select server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at
              from unnest(cast(?1 as bigint[]), cast(?2 as integer[]), cast(?3 as integer[]), cast(?4 as timestamptz[]),
                          cast(?5 as bigint[]), cast(?6 as boolean[]), cast(?7 as varchar[]), cast(?8 as integer[]),
                          cast(?9 as integer[]), cast(?10 as varchar[]), cast(?11 as integer[]), cast(?12 as integer[]),
                          cast(?13 as boolean[]), cast(?14 as text[]), cast(?15 as text[]), cast(?16 as varchar[]),
                          cast(?17 as varchar[]), cast(?18 as varchar[]), cast(?19 as timestamptz[]))
                   with ordinality as r(server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at, n)
             order by n
            on conflict (server_id, fingerprint) do nothing
            returning server_id, fingerprint""";

    /** Records per INSERT: one statement (one round trip) stores up to this many records instead of one each. */
    static final int MAX_ROWS_PER_INSERT = 1000;

    // PostgreSQL cannot type a bare null parameter in "?5 is null": two statements instead of one
    private static final String RESOLVE_UNTIMED = """
            update sel_event set resolved_at = now()
             where server_id = ?1 and sensor_number = ?2 and event_type_code = ?3 and event_offset = ?4
               and not deassertion and resolved_at is null""";
    private static final String RESOLVE_AT = RESOLVE_UNTIMED.replace("now()", "?5")
            + " and (event_time is null or event_time <= ?5)";

    private static final SeverityClassifier CLASSIFIER = new SeverityClassifier();

    @PersistenceContext
    EntityManager em;

    /**
     * Returns how many of the records were new (a re-read record has the same fingerprint and is skipped).
     * Records are inserted in multi-row statements (see {@link #chunks}); after each statement the deassertions it
     * inserted close their asserted conditions in list order, so the result is the one of one INSERT per record.
     */
    public int store(List<SelEvent> events) {
        events.forEach(e -> e.classify(classify(e)));
        int stored = 0;
        for (List<SelEvent> chunk : chunks(events, MAX_ROWS_PER_INSERT)) {
            Set<String> inserted = insert(chunk);
            stored += inserted.size();
            for (SelEvent e : chunk) {
                // remove: a duplicate later in the list was not the one inserted
                if (inserted.remove(key(e.getServerId(), e.getFingerprint())) && e.isDeassertion()) {
                    closeAsserted(e);
                }
            }
        }
        return stored;
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
        List<SelEvent> deassertions = new ArrayList<>();
        for (SelEvent e : events) {
            if (current.size() >= max || deassertions.stream().anyMatch(d -> wouldClose(d, e))) {
                chunks.add(current);
                current = new ArrayList<>();
                deassertions.clear();
            }
            current.add(e);
            if (e.isDeassertion()) {
                deassertions.add(e);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Whether closeAsserted(deassertion) would close e if e were stored: the WHERE of RESOLVE_AT / RESOLVE_UNTIMED. */
    static boolean wouldClose(SelEvent deassertion, SelEvent e) {
        if (e.isDeassertion() || deassertion.findSensorNumber().isEmpty() || deassertion.findEventTypeCode().isEmpty()
                || !Objects.equals(e.getServerId(), deassertion.getServerId())
                || !e.findSensorNumber().equals(deassertion.findSensorNumber())
                || !e.findEventTypeCode().equals(deassertion.findEventTypeCode())
                || !e.findEventOffset().equals(Optional.of(deassertion.findEventOffset().orElse(0)))) {
            return false;
        }
        return deassertion.findEventTime()
                .map(at -> e.findEventTime().map(t -> !t.isAfter(at)).orElse(true))
                .orElse(true);
    }

    public List<SelEvent> ofServer(long serverId, int limit) {
        return em.createNamedQuery(SelEvent.BY_SERVER, SelEvent.class).setParameter("serverId", serverId)
                .setMaxResults(limit).getResultList();
    }

    /** server id -> severity -> number of events that happened (or, untimed, were collected) in the window. */
    public Map<Long, Map<Severity, Long>> countsBySeverity(int hours) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select server_id, severity, count(*) from sel_event
                 where coalesce(event_time, collected_at) >= now() - make_interval(hours => ?1)
                 group by server_id, severity""").setParameter(1, hours).getResultList();
        Map<Long, Map<Severity, Long>> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.computeIfAbsent(((Number) row[0]).longValue(), k -> new EnumMap<>(Severity.class))
                    .put(Severity.valueOf((String) row[1]), ((Number) row[2]).longValue());
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

    /** Inserts the records in one statement; returns the keys (server id, fingerprint) of those that were new. */
    private Set<String> insert(List<SelEvent> chunk) {
        List<Function<SelEvent, Object>> columns = List.of(SelEvent::getServerId, SelEvent::getRecordId,
                SelEvent::getRecordTypeCode, e -> e.findEventTime().orElse(null), e -> e.findBmcTimestamp().orElse(null),
                SelEvent::isPreInit, SelEvent::getSensorType, e -> e.findSensorTypeCode().orElse(null),
                e -> e.findSensorNumber().orElse(null), e -> e.findSensorName().orElse(null),
                e -> e.findEventTypeCode().orElse(null), e -> e.findEventOffset().orElse(null), SelEvent::isDeassertion,
                SelEvent::getDescription, e -> e.findDetail().orElse(null), e -> e.getSeverity().name(),
                SelEvent::getRawHex, SelEvent::getFingerprint, SelEvent::getCollectedAt);
        Query query = em.createNativeQuery(INSERT);
        for (int c = 0; c < columns.size(); c++) {
            query.setParameter(c + 1, arrayLiteral(chunk.stream().map(columns.get(c)).toList()));
        }
        Set<String> inserted = new HashSet<>();
        for (Object row : query.getResultList()) {
            Object[] values = (Object[]) row;
            inserted.add(key(((Number) values[0]).longValue(), (String) values[1]));
        }
        return inserted;
    }

    /**
     * A PostgreSQL array literal of the values' text forms: every element double-quoted with backslash and quote
     * escaped, null as NULL. Numbers, booleans and OffsetDateTime (ISO 8601) read back as the same values.
     */
    static String arrayLiteral(List<?> values) {
        StringBuilder out = new StringBuilder("{");
        for (Object v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            if (v == null) {
                out.append("NULL");
            } else {
                out.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }

    private static String key(long serverId, String fingerprint) {
        return serverId + " " + fingerprint;
    }

    private void closeAsserted(SelEvent deassert) {
        if (deassert.findSensorNumber().isEmpty() || deassert.findEventTypeCode().isEmpty()) {
            return;
        }
        var query = em.createNativeQuery(deassert.findEventTime().isPresent() ? RESOLVE_AT : RESOLVE_UNTIMED)
                .setParameter(1, deassert.getServerId()).setParameter(2, deassert.findSensorNumber().get())
                .setParameter(3, deassert.findEventTypeCode().get()).setParameter(4, deassert.findEventOffset().orElse(0));
        deassert.findEventTime().ifPresent(t -> query.setParameter(5, t));
        query.executeUpdate();
    }
}

package com.ipmimonitor.events.boundary;

import com.ipmimonitor.events.control.SeverityClassifier;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.events.entity.Severity;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stored SEL history: classifies and stores new records once, closes asserted conditions on deassert. */
@Stateless
public class SystemEvents {

    // EclipseLink binds a null parameter as varchar: the casts let PostgreSQL accept nulls in typed columns
    private static final String INSERT = """
            insert into sel_event (server_id, record_id, record_type, event_time, bmc_timestamp, pre_init, sensor_type,
                   sensor_type_code, sensor_number, sensor_name, event_type_code, event_offset, deassertion,
                   description, detail, severity, raw_hex, fingerprint, collected_at)
            values (?1, ?2, ?3, cast(?4 as timestamptz), cast(?5 as bigint), ?6, ?7, cast(?8 as integer),
                    cast(?9 as integer), cast(?10 as varchar), cast(?11 as integer), cast(?12 as integer), ?13, ?14,
                    cast(?15 as text), ?16, ?17, ?18, ?19)
            on conflict (server_id, fingerprint) do nothing""";

    // PostgreSQL cannot type a bare null parameter in "?5 is null": two statements instead of one
    private static final String RESOLVE_UNTIMED = """
            update sel_event set resolved_at = now()
             where server_id = ?1 and sensor_number = ?2 and event_type_code = ?3 and event_offset = ?4
               and not deassertion and resolved_at is null""";
    private static final String RESOLVE_AT = RESOLVE_UNTIMED.replace("now()", "?5")
            + " and (event_time is null or event_time <= ?5)";

    // answered from the effective-time index alone (V6 includes server_id and severity)
    private static final String COUNTS = """
            select server_id, severity, count(*) from sel_event
             where coalesce(event_time, collected_at) >= now() - make_interval(hours => ?1)""";

    private static final SeverityClassifier CLASSIFIER = new SeverityClassifier();

    @PersistenceContext
    EntityManager em;

    /** Returns how many of the records were new (a re-read record has the same fingerprint and is skipped). */
    public int store(List<SelEvent> events) {
        int stored = 0;
        for (SelEvent e : events) {
            e.classify(classify(e));
            int inserted = insert(e);
            stored += inserted;
            if (inserted == 1 && e.isDeassertion()) {
                closeAsserted(e);
            }
        }
        return stored;
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

    private static Map<Long, Map<Severity, Long>> counts(jakarta.persistence.Query query) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
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

    private int insert(SelEvent e) {
        return em.createNativeQuery(INSERT)
                .setParameter(1, e.getServerId()).setParameter(2, e.getRecordId()).setParameter(3, e.getRecordTypeCode())
                .setParameter(4, e.findEventTime().orElse(null)).setParameter(5, e.findBmcTimestamp().orElse(null))
                .setParameter(6, e.isPreInit()).setParameter(7, e.getSensorType())
                .setParameter(8, e.findSensorTypeCode().orElse(null)).setParameter(9, e.findSensorNumber().orElse(null))
                .setParameter(10, e.findSensorName().orElse(null)).setParameter(11, e.findEventTypeCode().orElse(null))
                .setParameter(12, e.findEventOffset().orElse(null)).setParameter(13, e.isDeassertion())
                .setParameter(14, e.getDescription()).setParameter(15, e.findDetail().orElse(null))
                .setParameter(16, e.getSeverity().name()).setParameter(17, e.getRawHex())
                .setParameter(18, e.getFingerprint()).setParameter(19, e.getCollectedAt())
                .executeUpdate();
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

package com.ipmimonitor.events.boundary;

import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.fleet.entity.Server;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Reads of the stored SEL history across the fleet: filtered lists, statistics, event types. */
@Stateless
public class EventQueries {

    @PersistenceContext
    EntityManager em;

    public List<EventView> find(EventFilter filter) {
        TypedQuery<Object[]> q = query("select e, s", filter, " order by coalesce(e.eventTime, e.collectedAt) desc, e.id desc",
                Object[].class);
        return q.setFirstResult(filter.offset()).setMaxResults(filter.limit()).getResultList().stream()
                .map(r -> EventView.of((SelEvent) r[0], ((Server) r[1]).getBmcIp(), ((Server) r[1]).getName()))
                .toList();
    }

    /** How many events match, ignoring limit and offset: the size of a paged table. */
    public long count(EventFilter filter) {
        return query("select count(e)", filter, "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(String select, EventFilter filter, String orderBy, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" from SelEvent e, Server s where s.id = e.serverId"
                + " and coalesce(e.eventTime, e.collectedAt) >= :since");
        filter.severity().ifPresent(x -> jpql.append(" and e.severity = :severity"));
        filter.server().ifPresent(x -> jpql.append(" and (s.bmcIp = :server or s.name = :server)"));
        // LOCATE rather than LIKE: the text is searched for as typed, % and _ included
        filter.text().ifPresent(x -> jpql.append(" and (locate(:text, lower(e.description)) > 0")
                .append(" or locate(:text, lower(coalesce(e.sensorName, ''))) > 0")
                .append(" or locate(:text, lower(coalesce(e.sensorType, ''))) > 0)"));
        TypedQuery<T> q = em.createQuery(jpql.append(orderBy).toString(), type).setParameter("since", since(filter.hours()));
        filter.severity().ifPresent(sev -> q.setParameter("severity", sev));
        filter.server().ifPresent(srv -> q.setParameter("server", srv));
        filter.text().ifPresent(text -> q.setParameter("text", text.toLowerCase(java.util.Locale.ROOT)));
        return q;
    }

    public Map<String, Long> stats(int hours) {
        NativeRow row = NativeRow.single(em.createNativeQuery("""
                select count(*) as total_events,
                       count(*) filter (where severity = 'CRITICAL') as critical_events,
                       count(*) filter (where severity = 'WARNING') as warning_events,
                       count(*) filter (where severity = 'INFO') as info_events
                  from sel_event where coalesce(event_time, collected_at) >= now() - make_interval(hours => ?1)""")
                .setParameter(1, hours));
        return Map.of("total_events", row.longValue("total_events"), "critical_events", row.longValue("critical_events"),
                "warning_events", row.longValue("warning_events"), "info_events", row.longValue("info_events"));
    }

    public record EventType(String sensorType, String severity, long count) {
    }

    public List<EventType> types() {
        return NativeRow.list(em.createNativeQuery("""
                select coalesce(sensor_type, 'Unknown') as sensor_type, lower(severity) as severity, count(*) as events
                  from sel_event group by 1, 2 order by 3 desc, 1""")).stream()
                .map(r -> new EventType(r.string("sensor_type"), r.string("severity"), r.longValue("events"))).toList();
    }

    private static OffsetDateTime since(int hours) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusHours(hours);
    }
}

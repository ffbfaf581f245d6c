package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.entity.Alert;
import com.ipmimonitor.alerting.entity.AlertState;
import com.ipmimonitor.sql.NativeValues;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.fleet.boundary.Servers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The alerts for people: newest first (firing before resolved), with deliveries; acknowledgement. */
@Stateless
public class Alerts {

    public static final int MAX_LIMIT = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Servers servers;

    /** state empty: firing and resolved, firing first. */
    public List<AlertView> list(Optional<AlertState> state, int limit) {
        var query = state.isPresent()
                ? em.createNamedQuery(Alert.IN_STATE, Alert.class).setParameter("state", state.get())
                : em.createNamedQuery(Alert.RECENT, Alert.class);
        List<Alert> alerts = query.setMaxResults(Math.min(limit, MAX_LIMIT)).getResultList();
        Map<Long, List<AlertView.DeliveryView>> deliveries = deliveriesOf(alerts);
        return alerts.stream().map(a -> AlertView.of(a, servers.find(a.getServerId()),
                deliveries.getOrDefault(a.getId(), List.of()))).toList();
    }

    public Optional<AlertView> find(long id) {
        return Optional.ofNullable(em.find(Alert.class, id)).map(a -> AlertView.of(a, servers.find(a.getServerId()),
                deliveriesOf(List.of(a)).getOrDefault(a.getId(), List.of())));
    }

    /** The first acknowledgement is kept; empty when there is no such alert. */
    public Optional<AlertView> acknowledge(long id, String by) {
        Alert alert = em.find(Alert.class, id);
        if (alert == null) {
            return Optional.empty();
        }
        alert.acknowledge(by, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        return find(id);
    }

    /** "rule|severity" -> firing alerts, every rule and severity present (zero included) for steady series. */
    public Map<String, Long> firingCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (var rule : com.ipmimonitor.alerting.entity.AlertRule.values()) {
            counts.put(rule.label() + "|critical", 0L);
            counts.put(rule.label() + "|warning", 0L);
        }
        NativeRow.list(em.createNativeQuery("select rule, severity, count(*) as firing from alert where state = 'FIRING'"
                + " group by rule, severity")).forEach(r -> counts.put(r.string("rule").toLowerCase(Locale.ROOT) + "|"
                + r.string("severity").toLowerCase(Locale.ROOT), r.longValue("firing")));
        return counts;
    }

    private Map<Long, List<AlertView.DeliveryView>> deliveriesOf(List<Alert> alerts) {
        Map<Long, List<AlertView.DeliveryView>> byAlert = new HashMap<>();
        if (alerts.isEmpty()) {
            return byAlert;
        }
        List<NativeRow> rows = NativeRow.list(em.createNativeQuery("""
                select d.alert_id, c.name as channel, d.kind, d.status, d.attempts, d.last_error, d.sent_at
                  from alert_delivery d join alert_channel c on c.id = d.channel_id
                 where d.alert_id = any(cast(?1 as bigint[])) order by c.name, d.kind desc""")
                .setParameter(1, "{" + String.join(",", alerts.stream().map(a -> a.getId().toString()).toList()) + "}"));
        for (NativeRow r : rows) {
            byAlert.computeIfAbsent(r.longValue("alert_id"), k -> new java.util.ArrayList<>())
                    .add(new AlertView.DeliveryView(r.string("channel"), r.string("kind").toLowerCase(Locale.ROOT),
                            r.string("status").toLowerCase(Locale.ROOT), r.intValue("attempts"), r.string("last_error"),
                            r.time("sent_at")));
        }
        return byAlert;
    }
}

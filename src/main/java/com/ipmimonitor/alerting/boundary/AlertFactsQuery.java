package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.control.AlertFacts;
import com.ipmimonitor.alerting.control.CertificateChange;
import com.ipmimonitor.alerting.control.CriticalSensor;
import com.ipmimonitor.alerting.control.FiringAlert;
import com.ipmimonitor.alerting.control.NewSelEvent;
import com.ipmimonitor.alerting.control.ServerHealth;
import com.ipmimonitor.alerting.entity.AlertRule;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.events.entity.SelEvent;
import com.ipmimonitor.collection.entity.SelFill;
import com.ipmimonitor.ipmi.SensorCondition;
import com.ipmimonitor.ipmi.Severity;
import com.ipmimonitor.sensors.boundary.SensorReadingRows;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the rules look at, with bounded queries: at most SEL_BATCH new SEL events per evaluation, and only
 * the newest readings of each server (found through the (server_id, collected_at) index).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AlertFactsQuery {

    static final int SEL_BATCH = 1000;

    @PersistenceContext
    EntityManager em;

    /** A server's first successful poll read its whole SEL: that history is not news. */
    public void watermarkNewServers() {
        em.createNativeQuery("""
                insert into alert_sel_watermark (server_id, sel_event_id)
                select st.server_id, coalesce((select max(e.id) from sel_event e where e.server_id = st.server_id), 0)
                  from server_status st where st.last_success_at is not null
                   -- only servers without one: this runs every few seconds, and max(id) for all of them was
                   -- most of the alerting's database time at a million events (docs/performance.md)
                   and not exists (select 1 from alert_sel_watermark w where w.server_id = st.server_id)
                on conflict do nothing""").executeUpdate();
    }

    /** New SEL events, and per server the newest event id read (asserted or not), where its watermark moves. */
    public record SelBatch(List<NewSelEvent> asserted, Map<Long, Long> readUpTo) {
    }

    public AlertFacts facts(SelBatch sel, OffsetDateTime watchingSince) {
        List<FiringAlert> firing = firing();
        return new AlertFacts(servers(), sel.asserted(), criticalSensors(), closedSelEvents(), firing, watchingSince);
    }

    /**
     * Moves each server's watermark past the events read, and only those: a poll that stored more since then is
     * read next time (one server's events are stored by one poll at a time, so its ids commit in order).
     */
    public void advanceWatermarks(SelBatch sel) {
        sel.readUpTo().forEach((serverId, upTo) -> em.createNativeQuery(
                        "update alert_sel_watermark set sel_event_id = ?2 where server_id = ?1 and sel_event_id < ?2")
                .setParameter(1, serverId).setParameter(2, upTo).executeUpdate());
    }

    /**
     * A certificate change holds while a presented one waits for an admin, or while the last poll said
     * CERTIFICATE_CHANGED after the newest pin (so accepting it ends the alert at once, not at the next poll).
     */
    private List<ServerHealth> servers() {
        return rows("""
                select s.id, s.server_name, s.bmc_ip, s.enabled, st.last_outcome, st.last_error, st.last_success_at, s.created_at,
                       st.sel_percent_used, coalesce(st.sel_overflow, false) as sel_overflow,
                       c.pinned_sha256, c.presented_sha256, coalesce(c.presented_at, st.last_attempt_at) as changed_at,
                       (c.presented_sha256 is not null
                        or (st.last_outcome = 'CERTIFICATE_CHANGED'
                            and (c.pinned_at is null or st.last_attempt_at > c.pinned_at))) as certificate_changed
                  from server s left join server_status st on st.server_id = s.id
                  left join bmc_certificate c on c.server_id = s.id""")
                .stream().map(r -> new ServerHealth(r.longValue("id"), r.string("server_name"), r.string("bmc_ip"),
                        r.bool("enabled"), Optional.ofNullable(r.string("last_outcome")).map(PollOutcome::valueOf),
                        Optional.ofNullable(r.string("last_error")), Optional.ofNullable(r.time("last_success_at")),
                        r.time("created_at"), new SelFill(r.integer("sel_percent_used"), r.bool("sel_overflow")),
                        certificateChange(r))).toList();
    }

    private static Optional<CertificateChange> certificateChange(NativeRow r) {
        return Boolean.TRUE.equals(r.nullableBool("certificate_changed"))
                ? Optional.of(new CertificateChange(Optional.ofNullable(r.string("pinned_sha256")),
                        Optional.ofNullable(r.string("presented_sha256")), Optional.ofNullable(r.time("changed_at"))))
                : Optional.empty();
    }

    /**
     * Events after each server's watermark. Asked per server on the (server_id, id) index, because a plain join makes
     * PostgreSQL walk every event by id to find none; fetching only ids in the lateral keeps its cost estimate under
     * PostgreSQL's JIT threshold, whose compilation would cost more than the query.
     */
    public SelBatch newSelEvents() {
        List<NativeRow> rows = NativeRow.list(em.createNativeQuery("""
                select e.id, e.server_id, e.severity, e.description, e.sensor_name, e.event_time, e.collected_at, e.deassertion,
                       e.record_type
                  from alert_sel_watermark w
                  cross join lateral (select x.id from sel_event x where x.server_id = w.server_id and x.id > w.sel_event_id
                                       order by x.id limit ?1) fresh
                  join sel_event e on e.id = fresh.id
                 order by e.id limit ?1""").setParameter(1, SEL_BATCH));
        Map<Long, Long> readUpTo = new HashMap<>();
        rows.forEach(r -> readUpTo.merge(r.longValue("server_id"), r.longValue("id"), Math::max));
        // a record without a timestamp is never news: it has no time, and may be years old (it is read back as it
        // stands when a server is added); it still moves the watermark
        List<NewSelEvent> asserted = rows.stream().filter(r -> !Boolean.TRUE.equals(r.nullableBool("deassertion")))
                .filter(r -> r.intValue("record_type") < SelEvent.FIRST_NON_TIMESTAMPED)
                .map(r -> new NewSelEvent(r.longValue("id"), r.longValue("server_id"), r.enumValue("severity", Severity.class),
                        r.string("description") + " | Asserted"
                                + Optional.ofNullable(r.string("sensor_name")).map(n -> " [" + n + "]").orElse(""),
                        Optional.ofNullable(r.time("event_time")), r.time("collected_at"))).toList();
        return new SelBatch(asserted, readUpTo);
    }

    /** The SQL keeps only candidates; the reading decides "critical" exactly as the sensor pages and API do. */
    private List<CriticalSensor> criticalSensors() {
        return rows("select " + SensorReadingRows.COLUMNS + """

                  from server s
                  join sensor_reading_latest r on r.server_id = s.id
                 where s.enabled
                   and (lower(r.status) in ('cr', 'nr') or r.value <= r.lower_critical or r.value <= r.lower_nr
                        or r.value >= r.upper_critical or r.value >= r.upper_nr)""")
                .stream().map(SensorReadingRows::reading)
                .filter(reading -> reading.condition() == SensorCondition.CRITICAL)
                .map(r -> new CriticalSensor(r.getServerId(), r.getSensorName(), r.getValue(), r.getUnit(), r.getStatus()))
                .toList();
    }

    private Set<Long> closedSelEvents() {
        Set<Long> closed = new HashSet<>();
        rows("""
                select a.sel_event_id from alert a join sel_event e on e.id = a.sel_event_id
                 where a.state = 'FIRING' and e.resolved_at is not null""").forEach(r -> closed.add(r.longValue("sel_event_id")));
        return closed;
    }

    private List<FiringAlert> firing() {
        return rows("select id, rule, server_id, fingerprint, sel_event_id from alert where state = 'FIRING'").stream()
                .map(r -> new FiringAlert(r.longValue("id"), r.enumValue("rule", AlertRule.class), r.longValue("server_id"),
                        r.string("fingerprint"), r.findLong("sel_event_id"))).toList();
    }

    private List<NativeRow> rows(String sql) {
        return NativeRow.list(em.createNativeQuery(sql));
    }
}

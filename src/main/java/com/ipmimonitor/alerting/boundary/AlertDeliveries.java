package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.control.Notification;
import com.ipmimonitor.alerting.entity.Alert;
import com.ipmimonitor.alerting.entity.AlertChannel;
import com.ipmimonitor.alerting.entity.DeliveryKind;
import com.ipmimonitor.sql.NativeRow;
import com.ipmimonitor.fleet.boundary.Servers;
import com.ipmimonitor.fleet.entity.Server;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The queue of owed notices, in PostgreSQL: due deliveries are leased with FOR UPDATE SKIP LOCKED (so two
 * instances never send one notice twice, and a crashed instance's leases expire), sent outside any transaction,
 * then recorded as SENT, retried later, or FAILED. A resolved notice waits until its firing notice is settled.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AlertDeliveries {

    static final String CLAIM = """
            with due as (
                select d.id from alert_delivery d
                 where ((d.status = 'PENDING' and d.next_attempt_at <= now())
                        or (d.status = 'SENDING' and d.lease_until < now()))
                   and (d.kind = 'FIRE' or not exists (
                        select 1 from alert_delivery f where f.alert_id = d.alert_id and f.channel_id = d.channel_id
                           and f.kind = 'FIRE' and f.status in ('PENDING', 'SENDING')))
                 order by d.next_attempt_at, d.id
                 limit ?1
                 for update of d skip locked)
            update alert_delivery d set status = 'SENDING', lease_until = now() + make_interval(secs => ?2),
                   attempts = d.attempts + 1
              from due where d.id = due.id
            returning d.id""";

    /** What one leased delivery sends, and to where. */
    public record Outbound(long deliveryId, int attempt, AlertChannel channel, Notification notification) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Servers servers;

    @Inject
    AlertingConfig config;

    public List<Long> claim(int limit, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery(CLAIM).setParameter(1, limit)
                .setParameter(2, (double) lease.toSeconds()).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Empty when the alert, channel or server went away meanwhile (the delivery is then dropped). */
    public Optional<Outbound> load(long deliveryId) {
        Optional<NativeRow> found = NativeRow.first(em.createNativeQuery(
                "select alert_id, channel_id, kind, attempts from alert_delivery where id = ?1").setParameter(1, deliveryId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NativeRow row = found.get();
        Alert alert = em.find(Alert.class, row.longValue("alert_id"));
        AlertChannel channel = em.find(AlertChannel.class, row.longValue("channel_id"));
        if (alert == null || channel == null) {
            return Optional.empty();
        }
        boolean resolved = row.enumValue("kind", DeliveryKind.class) == DeliveryKind.RESOLVE;
        return servers.find(alert.getServerId()).map(server -> new Outbound(deliveryId, row.intValue("attempts"),
                channel, notificationOf(alert, server, resolved)));
    }

    Notification notificationOf(Alert alert, Server server, boolean resolved) {
        return new Notification(alert.getId(), alert.getRule().alertName(), alert.getRule().label(), alert.getSeverity(),
                resolved, server.getName(), server.getBmcIp(), alert.getSummary(), alert.findDescription().orElse(""),
                alert.getStartedAt(), resolved ? alert.findResolvedAt().or(() -> Optional.of(alert.getStartedAt()))
                        : Optional.empty(), config.alertsLink(), false);
    }

    public void recordSent(long deliveryId) {
        em.createNativeQuery("update alert_delivery set status = 'SENT', sent_at = now(), lease_until = null, last_error = null"
                + " where id = ?1").setParameter(1, deliveryId).executeUpdate();
    }

    /**
     * Retries after the policy's backoff, or gives up (FAILED) when the attempts are used up. Returns the wait before
     * the retry is due, empty when given up.
     */
    public Optional<Duration> recordFailure(long deliveryId, int attempt, String error) {
        Optional<Duration> retry = config.retryPolicy().delayAfter(attempt);
        em.createNativeQuery("update alert_delivery set status = ?2, next_attempt_at = now() + make_interval(secs => ?3),"
                        + " lease_until = null, last_error = ?4 where id = ?1")
                .setParameter(1, deliveryId).setParameter(2, retry.isPresent() ? "PENDING" : "FAILED")
                .setParameter(3, (double) retry.orElse(Duration.ZERO).toSeconds())
                .setParameter(4, error.length() > 1000 ? error.substring(0, 1000) : error).executeUpdate();
        return retry;
    }

    public void drop(long deliveryId) {
        em.createNativeQuery("delete from alert_delivery where id = ?1").setParameter(1, deliveryId).executeUpdate();
    }

}

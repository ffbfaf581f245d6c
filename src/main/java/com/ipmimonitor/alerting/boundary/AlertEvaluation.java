package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.control.AlertFacts;
import com.ipmimonitor.alerting.control.AlertOpening;
import com.ipmimonitor.alerting.control.AlertRules;
import com.ipmimonitor.alerting.control.Evaluation;
import com.ipmimonitor.collection.boundary.PollInterval;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * One evaluation of the alert rules, in one transaction under a PostgreSQL advisory lock: with several
 * instances only one evaluates at a time (the others skip that tick). New alerts are inserted with
 * "on conflict do nothing" against unique indexes, and their notices queued per enabled channel; resolved
 * alerts queue a resolved notice for every channel that was told about them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class AlertEvaluation {

    private static final Logger LOG = Logger.getLogger(AlertEvaluation.class.getName());
    /** Any constant shared by every instance: "ipmi-alerts" in ASCII. */
    static final long LOCK_KEY = 0x69706d692d616cL;

    @PersistenceContext
    EntityManager em;

    @Inject
    AlertingConfig config;

    @Inject
    PollInterval pollInterval;

    @Inject
    AlertFactsQuery query;

    /**
     * Returns how many notices it queued (0 when another instance was evaluating), committed when this returns.
     * watchingSince: when this instance started.
     */
    public int evaluate(OffsetDateTime now, OffsetDateTime watchingSince) {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        query.watermarkNewServers();
        AlertFactsQuery.SelBatch sel = query.newSelEvents();
        AlertFacts facts = query.facts(sel, watchingSince);
        Evaluation evaluation = new AlertRules(config.ruleSettings(pollInterval.current())).evaluate(facts, now);
        int queued = evaluation.open().stream().mapToInt(this::open).sum()
                + evaluation.resolve().stream().mapToInt(id -> resolve(id, now)).sum();
        query.advanceWatermarks(sel);
        return queued;
    }

    /** Returns how many notices it queued. */
    private int open(AlertOpening o) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("""
                insert into alert (rule, severity, server_id, fingerprint, sel_event_id, summary, description, state, started_at)
                values (?1, ?2, ?3, ?4, cast(?5 as bigint), ?6, ?7, 'FIRING', ?8)
                on conflict do nothing returning id""")
                .setParameter(1, o.rule().name()).setParameter(2, o.severity().name()).setParameter(3, o.serverId())
                .setParameter(4, o.fingerprint()).setParameter(5, o.selEventId().orElse(null))
                .setParameter(6, o.summary()).setParameter(7, o.description()).setParameter(8, o.startedAt())
                .getResultList();
        int queued = 0;
        for (Number id : ids) {
            int channels = em.createNativeQuery("""
                    insert into alert_delivery (alert_id, channel_id, kind)
                    select ?1, id, 'FIRE' from alert_channel where enabled on conflict do nothing""")
                    .setParameter(1, id.longValue()).executeUpdate();
            LOG.info(() -> "alert " + id + " firing: " + o.summary() + " (" + channels + " channels)");
            queued += channels;
        }
        return queued;
    }

    private int resolve(long alertId, OffsetDateTime now) {
        int changed = em.createNativeQuery("update alert set state = 'RESOLVED', resolved_at = ?2 where id = ?1 and state = 'FIRING'")
                .setParameter(1, alertId).setParameter(2, now).executeUpdate();
        if (changed != 1) {
            return 0;
        }
        int queued = em.createNativeQuery("""
                insert into alert_delivery (alert_id, channel_id, kind)
                select alert_id, channel_id, 'RESOLVE' from alert_delivery where alert_id = ?1 and kind = 'FIRE'
                on conflict do nothing""").setParameter(1, alertId).executeUpdate();
        LOG.info(() -> "alert " + alertId + " resolved");
        return queued;
    }
}

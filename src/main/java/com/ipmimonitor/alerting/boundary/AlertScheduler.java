package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.entity.DeliveryFailure;
import com.ipmimonitor.concurrent.TimerWork;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates the rules every 5 s (the collector's tick) and hands due notices to a few sender threads every 2 s.
 * Sending runs on its own executor, never on a collector thread, and only as many notices are leased as there
 * are free senders, so a hung webhook costs one sender for at most its timeout and nothing queues up.
 */
@ManagedExecutorDefinition(name = "java:app/concurrent/AlertSenders", maxAsync = AlertScheduler.SENDERS)
@Singleton
@Startup
// destroyed before the collector at shutdown: rules must not watch a fleet nobody polls any more
@DependsOn({"DatabaseStartup", "PollScheduler"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AlertScheduler {

    static final int SENDERS = 4;
    private static final Logger LOG = Logger.getLogger(AlertScheduler.class.getName());

    @Resource(lookup = "java:app/concurrent/AlertSenders")
    ManagedExecutorService executor;

    @Inject
    AlertEvaluation evaluation;

    @Inject
    AlertDeliveries deliveries;

    @Inject
    Notifier notifier;

    @Inject
    AlertingConfig config;

    @Resource
    ManagedExecutorService background;

    private final AtomicInteger sending = new AtomicInteger();
    private final TimerWork evaluationRun = new TimerWork("alert evaluation", this::evaluateOnce);
    private final TimerWork delivery = new TimerWork("alert delivery dispatch", this::deliverOnce);
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);

    /** Timer callbacks only hand over (see TimerWork: Payara expunges timers whose deliveries fail). */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void evaluate() {
        evaluationRun.start(background);
    }

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void deliver() {
        delivery.start(background);
    }

    private void evaluateOnce() {
        evaluation.evaluate(OffsetDateTime.now(ZoneOffset.UTC), startedAt);
    }

    private void deliverOnce() {
        for (long id : deliveries.claim(SENDERS - sending.get(), config.deliveryLease())) {
            sending.incrementAndGet();
            executor.execute(() -> {
                try {
                    send(id);
                } finally {
                    sending.decrementAndGet();
                }
            });
        }
    }

    private void send(long deliveryId) {
        var outbound = deliveries.load(deliveryId);
        if (outbound.isEmpty()) {
            deliveries.drop(deliveryId);
            return;
        }
        var o = outbound.get();
        try {
            notifier.send(o.channel(), o.notification());
            deliveries.recordSent(deliveryId);
        } catch (DeliveryFailure f) {
            LOG.info(() -> "alert " + o.notification().alertId() + " to channel " + o.channel().getName() + ", attempt "
                    + o.attempt() + ": " + f.getMessage());
            deliveries.recordFailure(deliveryId, o.attempt(), f.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "alert delivery " + deliveryId + " failed", e);
            deliveries.recordFailure(deliveryId, o.attempt(), e.getClass().getSimpleName());
        }
    }
}

package com.ipmimonitor.alerting.boundary;

import com.ipmimonitor.alerting.control.DispatchPlan;
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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates the rules every 5 s (the collector's tick) and hands due notices to a few sender threads when they can
 * be sent (DispatchPlan: after the evaluation that queued them, after each send, at a retry's due time, and every
 * 30 s as a safety net). Sending runs on its own executor, never on a collector thread, and only as many notices are
 * leased as there are free senders, so a hung webhook costs one sender for at most its timeout and nothing queues up.
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

    /** Wakes the dispatch at a retry's due time (a one-shot task: nothing ticks while no retry waits). */
    @Resource
    ManagedScheduledExecutorService retryTimer;

    private final AtomicInteger sending = new AtomicInteger();
    private final TimerWork evaluationRun = new TimerWork("alert evaluation", this::evaluateOnce);
    // requested, not started: a claim asked for while one runs must run again (it may have looked too early)
    private final TimerWork delivery = new TimerWork("alert delivery dispatch", this::deliverOnce);
    private final AtomicBoolean evaluatedSinceStart = new AtomicBoolean();
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);

    /** Timer callbacks only hand over (see TimerWork: Payara expunges timers whose deliveries fail). */
    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void evaluate() {
        evaluationRun.start(background);
    }

    /** The safety net (DispatchPlan.SAFETY_NET): what no event of this instance announces. */
    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void deliver() {
        delivery.request(background);
    }

    private void evaluateOnce() {
        int queued = evaluation.evaluate(OffsetDateTime.now(ZoneOffset.UTC), startedAt);
        if (DispatchPlan.claimAfterEvaluation(queued, !evaluatedSinceStart.getAndSet(true))) {
            delivery.request(background);
        }
    }

    private void deliverOnce() {
        for (long id : deliveries.claim(SENDERS - sending.get(), config.deliveryLease())) {
            sending.incrementAndGet();
            executor.execute(() -> {
                Optional<Duration> retry = Optional.empty();
                try {
                    retry = send(id);
                } finally {
                    sending.decrementAndGet();
                    claimAgain(DispatchPlan.claimAfterSend(retry));
                }
            });
        }
    }

    private void claimAgain(Duration after) {
        if (after.isZero()) {
            delivery.request(background);
            return;
        }
        try {
            retryTimer.schedule(() -> delivery.request(background), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "no wake-up for an alert retry; the safety net claims it", e);
        }
    }

    /** Returns the wait before this notice's retry is due; empty when it is settled (sent, dropped, given up). */
    private Optional<Duration> send(long deliveryId) {
        var outbound = deliveries.load(deliveryId);
        if (outbound.isEmpty()) {
            deliveries.drop(deliveryId);
            return Optional.empty();
        }
        var o = outbound.get();
        try {
            notifier.send(o.channel(), o.notification());
            deliveries.recordSent(deliveryId);
            return Optional.empty();
        } catch (DeliveryFailure f) {
            LOG.info(() -> "alert " + o.notification().alertId() + " to channel " + o.channel().getName() + ", attempt "
                    + o.attempt() + ": " + f.getMessage());
            return deliveries.recordFailure(deliveryId, o.attempt(), f.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "alert delivery " + deliveryId + " failed", e);
            return deliveries.recordFailure(deliveryId, o.attempt(), e.getClass().getSimpleName());
        }
    }
}

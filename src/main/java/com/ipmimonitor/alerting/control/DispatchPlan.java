package com.ipmimonitor.alerting.control;

import java.time.Duration;
import java.util.Optional;

/**
 * When the delivery dispatcher claims due notices. A notice is claimed as soon as it can be sent: right after the
 * evaluation that queued it, right after a send ends (a sender is free for what waits, and a resolved notice waits
 * for its firing one to be settled), and at a retry's due time; a claim that finds nothing ends the chain. So an
 * idle JVM is not woken to claim nothing (a 2-s claim timer did, 30 times a minute). A rare periodic claim stays as a
 * safety net for what no event of this instance announces: notices another instance queued and died before sending,
 * and the leases of a crashed instance once they ran out.
 */
public final class DispatchPlan {

    /** The safety net's period (AlertScheduler's @Schedule says the same). */
    public static final Duration SAFETY_NET = Duration.ofSeconds(30);

    /**
     * A retry is claimed this long after its due time. The due time is the database's (the failure's transaction
     * start + the delay) and the wait is counted from after its commit, so it is never early; this covers rounding.
     */
    static final Duration AFTER_DUE = Duration.ofMillis(100);

    private DispatchPlan() {
    }

    /**
     * After an evaluation: claim at once when it queued notices, and after this instance's first one (notices an
     * earlier run left pending); otherwise nothing new is due.
     */
    public static boolean claimAfterEvaluation(int queued, boolean firstSinceStart) {
        return queued > 0 || firstSinceStart;
    }

    /** How long after a send ended to claim again: when its retry is due, else at once. */
    public static Duration claimAfterSend(Optional<Duration> retry) {
        return retry.map(AFTER_DUE::plus).orElse(Duration.ZERO);
    }
}

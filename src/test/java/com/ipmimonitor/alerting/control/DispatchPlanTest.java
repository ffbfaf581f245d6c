package com.ipmimonitor.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DispatchPlanTest {

    @Test
    void anEvaluationThatQueuedNoticesIsFollowedByAClaimAtOnce() {
        assertTrue(DispatchPlan.claimAfterEvaluation(3, false));
    }

    @Test
    void anEvaluationThatQueuedNothingWakesNoClaim() {
        assertFalse(DispatchPlan.claimAfterEvaluation(0, false), "an idle fleet claims only in the safety net");
    }

    @Test
    void theFirstEvaluationAfterAStartClaimsWhatAnEarlierRunLeftPending() {
        assertTrue(DispatchPlan.claimAfterEvaluation(0, true));
    }

    @Test
    void aSettledSendClaimsAgainAtOnce() {
        // a sender is free, and a resolved notice may have waited for this firing one
        assertEquals(Duration.ZERO, DispatchPlan.claimAfterSend(Optional.empty()));
    }

    @Test
    void aFailedSendClaimsAgainJustAfterItsRetryIsDue() {
        Duration after = DispatchPlan.claimAfterSend(Optional.of(Duration.ofSeconds(10)));
        assertTrue(after.compareTo(Duration.ofSeconds(10)) > 0, "never before the database's due time: " + after);
        assertTrue(after.compareTo(Duration.ofSeconds(11)) < 0, "not later than the 2-s claim timer was: " + after);
    }
}

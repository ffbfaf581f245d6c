package com.ipmimonitor.alerting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void waitsDoubleAfterEachFailedAttemptUpToTheCap() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), policy.delayAfter(1));
        assertEquals(Optional.of(Duration.ofSeconds(20)), policy.delayAfter(2));
        assertEquals(Optional.of(Duration.ofSeconds(40)), policy.delayAfter(3));
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.delayAfter(4));
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.delayAfter(5));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertEquals(Optional.empty(), policy.delayAfter(6));
        assertEquals(Optional.empty(), policy.delayAfter(7));
        assertEquals(Optional.empty(), new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).delayAfter(1));
    }

    @Test
    void manyAttemptsNeverOverflowPastTheCap() {
        var patient = new RetryPolicy(1000, Duration.ofSeconds(1), Duration.ofMinutes(15));
        assertEquals(Optional.of(Duration.ofMinutes(15)), patient.delayAfter(999));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }
}

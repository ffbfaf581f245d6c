package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final int MAX_FAILURES = 5;
    private static final java.time.Duration WINDOW = java.time.Duration.ofMinutes(15);
    private final LoginThrottle throttle = new LoginThrottle(MAX_FAILURES, WINDOW);
    private final String admin = LoginThrottle.key("203.0.113.7", "admin");

    @Test
    void fiveFailuresLockThePairUntilTheFirstIsAWindowOld() {
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            throttle.failed(admin, T0.plusSeconds(i));
            assertEquals(Optional.empty(), throttle.lockedFor(admin, T0.plusSeconds(i)), "failure " + (i + 1));
        }
        throttle.failed(admin, T0.plusSeconds(10));
        assertEquals(Optional.of(WINDOW.minusSeconds(10)), throttle.lockedFor(admin, T0.plusSeconds(10)));
        assertEquals(Optional.empty(), throttle.lockedFor(admin, T0.plus(WINDOW)));
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverLock() {
        for (int i = 0; i < 20; i++) {
            throttle.failed(admin, T0.plus(WINDOW.dividedBy(4).multipliedBy(i)));
        }
        assertEquals(Optional.empty(), throttle.lockedFor(admin, T0.plus(WINDOW.multipliedBy(5))));
    }

    @Test
    void aSuccessForgetsThePastFailures() {
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            throttle.failed(admin, T0);
        }
        throttle.succeeded(admin);
        throttle.failed(admin, T0);
        assertEquals(Optional.empty(), throttle.lockedFor(admin, T0));
    }

    @Test
    void aStrangerCannotLockTheAdministratorOutFromElsewhere() {
        String stranger = LoginThrottle.key("198.51.100.9", "admin");
        for (int i = 0; i < 50; i++) {
            throttle.failed(stranger, T0);
        }
        assertTrue(throttle.lockedFor(stranger, T0).isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor(admin, T0));
    }

    @Test
    void memoryIsBoundedByForgettingTheLeastRecentPairs() {
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 100; i++) {
            for (int f = 0; f < MAX_FAILURES; f++) {
                throttle.failed(LoginThrottle.key("10.0.0." + i, "u"), T0);
            }
        }
        assertEquals(Optional.empty(), throttle.lockedFor(LoginThrottle.key("10.0.0.0", "u"), T0), "forgotten");
        assertTrue(throttle.lockedFor(LoginThrottle.key("10.0.0." + (LoginThrottle.MAX_KEYS + 99), "u"), T0).isPresent());
    }
}

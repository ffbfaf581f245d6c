package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final int MAX_FAILURES = 5;
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String CLIENT = "203.0.113.7";
    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(MAX_FAILURES, WINDOW, clock);

    @Test
    void fiveFailuresLockThePairUntilTheFirstIsAWindowOld() {
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            clock.set(T0.plusSeconds(i));
            throttle.failed(CLIENT, "admin");
            assertEquals(Optional.empty(), throttle.lockedFor(CLIENT, "admin"), "failure " + (i + 1));
        }
        clock.set(T0.plusSeconds(10));
        throttle.failed(CLIENT, "admin");
        assertEquals(Optional.of(WINDOW.minusSeconds(10)), throttle.lockedFor(CLIENT, "admin"));
        clock.set(T0.plus(WINDOW));
        assertEquals(Optional.empty(), throttle.lockedFor(CLIENT, "admin"));
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverLockThePair() {
        throttle.succeeded(CLIENT, "admin"); // the administrator mistyping now and then on the usual client
        for (int i = 0; i < 20; i++) {
            clock.set(T0.plus(WINDOW.dividedBy(4).multipliedBy(i)));
            throttle.failed(CLIENT, "admin");
        }
        clock.set(T0.plus(WINDOW.multipliedBy(5)));
        assertEquals(Optional.empty(), throttle.lockedFor(CLIENT, "admin"));
    }

    @Test
    void aSuccessForgetsThePastFailuresOfThePair() {
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            throttle.failed(CLIENT, "admin");
        }
        throttle.succeeded(CLIENT, "admin");
        throttle.failed(CLIENT, "admin");
        assertEquals(Optional.empty(), throttle.lockedFor(CLIENT, "admin"));
    }

    @Test
    void aStrangerCannotLockTheAdministratorOutFromElsewhere() {
        throttle.succeeded(CLIENT, "admin"); // the administrator's usual client
        for (int i = 0; i < MAX_FAILURES; i++) {
            throttle.failed("198.51.100.9", "admin");
        }
        assertTrue(throttle.lockedFor("198.51.100.9", "admin").isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor(CLIENT, "admin"));
        for (int i = 0; i < 50; i++) { // and from everywhere, as fast as the throttle lets him
            clock.advance(throttle.lockedFor("198.51.100." + (10 + i), "admin").orElse(Duration.ZERO));
            throttle.failed("198.51.100." + (10 + i), "admin");
        }
        assertEquals(Optional.empty(), throttle.lockedFor(CLIENT, "admin"), "a client that signed in before");
        Duration elsewhere = throttle.lockedFor("192.0.2.1", "admin").orElseThrow();
        assertTrue(elsewhere.compareTo(WINDOW) <= 0, "a new client waits at most the window: " + elsewhere);
    }

    @Test
    void aLockSurvivesTheFailuresOfAnyNumberOfOtherNames() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            throttle.failed(CLIENT, "admin");
        }
        // the flush of issue 14: 10,050 failures with other names from the same address, 14 s
        for (int i = 0; i < LoginThrottle.MAX_PAIRS + 50; i++) {
            throttle.failed(CLIENT, "user" + i);
        }
        clock.advance(Duration.ofSeconds(14));
        Duration wait = throttle.lockedFor(CLIENT, "admin").orElseThrow();
        assertEquals(WINDOW.minusSeconds(14), wait, "the pair's own lock, not only the user name's wait");
    }

    @Test
    void failuresOfOneUserNameFromManyAddressesMakeItWaitLongerAndLonger() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(Optional.empty(), throttle.lockedFor("127.0.0." + (i + 1), "admin"));
            throttle.failed("127.0.0." + (i + 1), "admin");
        }
        for (int k = 0; k < 14; k++) {
            String fresh = "127.0.1." + (k + 1);
            Duration expected = Duration.ofSeconds(Math.min(1L << k, WINDOW.toSeconds()));
            assertEquals(Optional.of(expected), throttle.lockedFor(fresh, "admin"), "after failure " + (MAX_FAILURES + k));
            clock.advance(expected);
            assertEquals(Optional.empty(), throttle.lockedFor(fresh, "admin"));
            throttle.failed(fresh, "admin");
        }
        assertEquals(Optional.empty(), throttle.lockedFor("127.0.2.1", "other"), "other names do not wait");
    }

    @Test
    void quietTimeForgivesOneStepPerWindow() {
        for (int i = 0; i < MAX_FAILURES + 3; i++) {
            clock.advance(throttle.lockedFor("127.0.0." + (i + 1), "bob").orElse(Duration.ZERO));
            throttle.failed("127.0.0." + (i + 1), "bob");
        }
        assertEquals(Optional.of(Duration.ofSeconds(8)), throttle.lockedFor("127.0.3.1", "bob"));
        clock.advance(WINDOW.multipliedBy(2));
        assertEquals(Optional.empty(), throttle.lockedFor("127.0.3.1", "bob"));
        throttle.failed("127.0.3.1", "bob");
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.lockedFor("127.0.3.2", "bob"), "8 - 2 + 1 = 7 failures");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 0; i < MAX_FAILURES; i++) {
            throttle.failed("2001:db8:1:2::" + Integer.toHexString(i + 1), "carol");
        }
        assertEquals(Optional.of(WINDOW), throttle.lockedFor("2001:db8:1:2:ffff:ffff:ffff:fffe", "carol"));
        Duration otherNetwork = throttle.lockedFor("2001:db8:1:3::1", "carol").orElse(Duration.ZERO);
        assertTrue(otherNetwork.compareTo(Duration.ofSeconds(1)) <= 0, "only the name's wait: " + otherNetwork);
    }

    @Test
    void locksAreBoundedAndOnlyExpiryRemovesThem() {
        LoginThrottle firstFailureLocks = new LoginThrottle(1, WINDOW, clock);
        for (int i = 0; i < LoginThrottle.MAX_LOCKS + 10; i++) {
            firstFailureLocks.failed("10.0." + (i >> 8 & 0xff) + "." + (i & 0xff), "u" + (i >> 16));
        }
        assertEquals(LoginThrottle.MAX_LOCKS, firstFailureLocks.locks());
        assertEquals(WINDOW, firstFailureLocks.lockedFor("10.0.0.0", "u0").orElseThrow(), "the first lock is kept");
        clock.advance(WINDOW);
        firstFailureLocks.failed(CLIENT, "late");
        assertEquals(1, firstFailureLocks.locks(), "expired locks make room");
    }

    /**
     * The figure docs/security.md gives: an attacker with unlimited addresses, guessing one user name as fast as the
     * throttle lets him, for 24 hours: 17 guesses in the first hour, then 4 an hour (one per LOGIN_LOCKOUT_MINUTES).
     */
    @Test
    void anAttackerWithAnyNumberOfAddressesGetsFourGuessesAnHourAtTheMost() {
        int[] perHour = new int[24];
        int address = 0;
        Instant end = T0.plus(Duration.ofHours(24));
        while (clock.instant().isBefore(end)) {
            String client = "10." + (address >> 16 & 0xff) + "." + (address >> 8 & 0xff) + "." + (address & 0xff);
            Optional<Duration> wait = throttle.lockedFor(client, "admin");
            if (wait.isPresent()) {
                clock.advance(wait.get());
                continue;
            }
            perHour[(int) Duration.between(T0, clock.instant()).toHours()]++;
            throttle.failed(client, "admin");
            clock.advance(Duration.ofMillis(100)); // a guess takes a moment; unthrottled, this loop still ends
            address++;
        }
        assertEquals(17, perHour[0]);
        for (int hour = 1; hour < 24; hour++) {
            assertTrue(perHour[hour] <= 4, "hour " + hour + ": " + perHour[hour]);
        }
    }

    private static final class TestClock extends Clock {
        private Instant now = T0;

        void set(Instant instant) {
            now = instant;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

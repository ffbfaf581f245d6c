package com.ipmimonitor.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Failed sign-ins of one user name counted across all client addresses: the first freeFailures are free, then each
 * failure doubles the wait before that name is checked again, from 1 s up to maxDelay. One step of the count is
 * forgiven per maxDelay without a failure, so a guesser who keeps going gets one guess per maxDelay, and a stranger
 * can keep a name waiting at most maxDelay after the last failure (clients that signed in as that name before are
 * exempt: LoginThrottle).
 *
 * Memory is a fixed table, whatever the number of names sent: a name is counted in the bucket its keyed hash (key
 * random per instance, so no one can aim collisions) points to. Names that share a bucket share its wait, which
 * only ever makes the throttle stricter; nothing is evicted.
 */
final class UserNameDelays {

    static final int BUCKETS = 1 << 16;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private final int freeFailures;
    private final Duration maxDelay;
    private final int[] failures = new int[BUCKETS];
    private final long[] lastFailureMillis = new long[BUCKETS];
    private final Mac hash;

    UserNameDelays(int freeFailures, Duration maxDelay) {
        this.freeFailures = Math.max(1, freeFailures);
        this.maxDelay = maxDelay.compareTo(FIRST_DELAY) < 0 ? FIRST_DELAY : maxDelay;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            hash = Mac.getInstance("HmacSHA256");
            hash.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** How long the name must still wait, when it must. */
    Optional<Duration> waitFor(String user, Instant now) {
        int bucket = bucket(user);
        int count = forgiven(bucket, now);
        if (count < freeFailures) {
            return Optional.empty();
        }
        Instant next = Instant.ofEpochMilli(lastFailureMillis[bucket]).plus(delay(count));
        return next.isAfter(now) ? Optional.of(Duration.between(now, next)) : Optional.empty();
    }

    void failed(String user, Instant now) {
        int bucket = bucket(user);
        failures[bucket] = forgiven(bucket, now) + 1;
        lastFailureMillis[bucket] = now.toEpochMilli();
    }

    /** The wait after count failures: nothing for the free ones, then 1 s doubling up to maxDelay. */
    Duration delay(int count) {
        if (count < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = count - freeFailures;
        if (doublings >= 40) {
            return maxDelay;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private int forgiven(int bucket, Instant now) {
        if (failures[bucket] == 0) {
            return 0;
        }
        long quiet = now.toEpochMilli() - lastFailureMillis[bucket];
        long steps = Math.max(0, quiet) / maxDelay.toMillis();
        return (int) Math.max(0, failures[bucket] - steps);
    }

    private int bucket(String user) {
        byte[] digest = hash.doFinal(String.valueOf(user).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return ((digest[0] & 0xff) << 8 | (digest[1] & 0xff)) & (BUCKETS - 1);
    }
}

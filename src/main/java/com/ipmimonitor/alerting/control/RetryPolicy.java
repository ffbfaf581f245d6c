package com.ipmimonitor.alerting.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Bounded retries with exponential backoff: after attempt n fails, wait base * 2^(n-1), at most cap; after
 * maxAttempts the delivery is given up (FAILED, shown with its last error).
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {

    public RetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 0 < base <= cap required");
        }
    }

    /** The wait before the next attempt, or empty when attemptsMade used up the budget. */
    public Optional<Duration> delayAfter(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(0, attemptsMade - 1), 30);
        Duration delay = base.multipliedBy(1L << doublings);
        return Optional.of(delay.compareTo(cap) > 0 ? cap : delay);
    }
}

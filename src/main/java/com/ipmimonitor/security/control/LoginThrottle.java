package com.ipmimonitor.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after maxFailures failed sign-ins of one user name from one client address within
 * the window, that pair is refused until the oldest failure is a window old, whatever password it sends. Keyed by the
 * pair, not the user alone, so that a stranger cannot lock the administrator out. Per instance and in memory;
 * at most MAX_KEYS pairs are remembered (the least recently seen are forgotten first).
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final Duration window;

    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = Math.max(1, maxFailures);
        this.window = window;
    }

    public static String key(String clientAddress, String user) {
        return clientAddress + "\n" + user;
    }

    /** How long the pair must still wait, when it is locked. */
    public synchronized Optional<Duration> lockedFor(String key, Instant now) {
        Deque<Instant> recent = recent(key, now);
        if (recent.size() < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recent.peekFirst().plus(window)));
    }

    public synchronized void failed(String key, Instant now) {
        Deque<Instant> recent = recent(key, now);
        recent.addLast(now);
        while (recent.size() > maxFailures) {
            recent.removeFirst();
        }
        failures.put(key, recent);
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }

    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> recent = failures.getOrDefault(key, new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
        return recent;
    }
}

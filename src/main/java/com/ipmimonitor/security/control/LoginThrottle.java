package com.ipmimonitor.security.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after MAX_FAILURES failed sign-ins of one user name from one client address within
 * WINDOW, that pair is refused until the oldest failure is WINDOW old, whatever password it sends. Keyed by the
 * pair, not the user alone, so that a stranger cannot lock the administrator out. Per instance and in memory;
 * at most MAX_KEYS pairs are remembered (the least recently seen are forgotten first).
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 10_000;

    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public static String key(String clientAddress, String user) {
        return clientAddress + "\n" + user;
    }

    /** How long the pair must still wait, when it is locked. */
    public synchronized Optional<Duration> lockedFor(String key, Instant now) {
        Deque<Instant> recent = recent(key, now);
        if (recent.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
    }

    public synchronized void failed(String key, Instant now) {
        Deque<Instant> recent = recent(key, now);
        recent.addLast(now);
        while (recent.size() > MAX_FAILURES) {
            recent.removeFirst();
        }
        failures.put(key, recent);
    }

    public synchronized void succeeded(String key) {
        failures.remove(key);
    }

    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> recent = failures.getOrDefault(key, new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
            recent.removeFirst();
        }
        return recent;
    }
}

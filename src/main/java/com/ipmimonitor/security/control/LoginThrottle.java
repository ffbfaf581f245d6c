package com.ipmimonitor.security.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing, per instance and in memory, in two ways (docs/security.md, "Sign-in throttle"):
 * <ul>
 * <li>a pair of client (IPv4 address, IPv6 /64: ClientBlock) and user name is locked after maxFailures failures
 * within the window, until the oldest is a window old, whatever password it sends; a stranger elsewhere is not
 * locked with it;</li>
 * <li>a user name, counted across all clients, waits longer after each failure beyond maxFailures (UserNameDelays),
 * so many addresses gain a guesser nothing; clients that signed in as that name before are exempt from this wait.</li>
 * </ul>
 * Memory stays bounded although anyone can send any number of names: failure counts of unlocked pairs are kept for
 * the MAX_PAIRS most recently seen pairs, but a lock lives in a map of its own that only its expiry empties (at most
 * MAX_LOCKS; each took maxFailures failures), so failures of other names cannot flush it.
 */
public final class LoginThrottle {

    static final int MAX_PAIRS = 10_000;
    static final int MAX_LOCKS = 50_000;
    static final int MAX_TRUSTED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final UserNameDelays userNames;
    private final Map<String, Deque<Instant>> failures = lru(MAX_PAIRS);
    private final Map<String, Instant> locks = new HashMap<>();
    private final Map<String, Boolean> trusted = lru(MAX_TRUSTED);
    private Instant nextPurge = Instant.MIN;

    public LoginThrottle(int maxFailures, Duration window) {
        this(maxFailures, window, Clock.systemUTC());
    }

    LoginThrottle(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = Math.max(1, maxFailures);
        this.window = window;
        this.clock = clock;
        this.userNames = new UserNameDelays(this.maxFailures, window);
    }

    /** How long this client must still wait before its password for user is checked, when it must. */
    public synchronized Optional<Duration> lockedFor(String clientAddress, String user) {
        Instant now = clock.instant();
        String pair = pair(clientAddress, user);
        Optional<Duration> locked = Optional.ofNullable(locks.get(pair)).filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
        if (locked.isPresent() || trusted.containsKey(pair)) {
            return locked;
        }
        return userNames.waitFor(user, now);
    }

    public synchronized void failed(String clientAddress, String user) {
        Instant now = clock.instant();
        String pair = pair(clientAddress, user);
        userNames.failed(user, now);
        Deque<Instant> recent = recent(pair, now);
        recent.addLast(now);
        if (recent.size() >= maxFailures) {
            failures.remove(pair);
            lock(pair, recent.peekFirst().plus(window), now);
        } else {
            failures.put(pair, recent);
        }
    }

    public synchronized void succeeded(String clientAddress, String user) {
        String pair = pair(clientAddress, user);
        failures.remove(pair);
        locks.remove(pair);
        trusted.put(pair, Boolean.TRUE);
    }

    synchronized int locks() {
        return locks.size();
    }

    private void lock(String pair, Instant until, Instant now) {
        if (locks.size() >= MAX_LOCKS && !now.isBefore(nextPurge)) {
            locks.values().removeIf(u -> !u.isAfter(now));
            nextPurge = now.plusSeconds(1); // a full map is not walked for every failure
        }
        // still full: this pair stays unlocked, its user name's wait (UserNameDelays) still holds
        if (locks.size() < MAX_LOCKS || locks.containsKey(pair)) {
            locks.put(pair, until);
        }
    }

    private Deque<Instant> recent(String pair, Instant now) {
        Deque<Instant> recent = failures.getOrDefault(pair, new ArrayDeque<>());
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
        return recent;
    }

    private static String pair(String clientAddress, String user) {
        return ClientBlock.of(clientAddress) + "\n" + user;
    }

    private static <V> Map<String, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}

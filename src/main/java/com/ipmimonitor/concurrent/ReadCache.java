package com.ipmimonitor.concurrent;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The result of an expensive read, kept while the data it was read from has not changed: each caller passes the
 * data's version (something cheap to read that changes when the data does, such as the newest id), and the value
 * is read again when the version differs or the value is older than maxAge (for changes the version does not
 * show, such as deletions or time passing). Callers of a key wait for one read rather than all reading at once.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(V value, long version, long readAt) {
    }

    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Map<K, Entry<V>> entries = new HashMap<>();

    public ReadCache(Duration maxAge) {
        this(maxAge, System::nanoTime);
    }

    ReadCache(Duration maxAge, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The value read for this key and version no longer than maxAge ago, or what read gives now (kept). */
    public synchronized V get(K key, long version, Supplier<V> read) {
        Entry<V> entry = entries.get(key);
        long now = nanoClock.getAsLong();
        if (entry != null && entry.version() == version && now - entry.readAt() < maxAgeNanos) {
            return entry.value();
        }
        V value = read.get();
        entries.put(key, new Entry<>(value, version, now));
        return value;
    }

    /** Everything is read again at the next get. */
    public synchronized void forget() {
        entries.clear();
    }
}

package com.ipmimonitor.concurrent;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The result of an expensive read, kept while the data it was read from has not changed: each caller passes the
 * data's version (something cheap to read that changes when the data does, such as the newest id), and the value
 * is read again when the version differs or the value is older than maxAge (for changes the version does not
 * show, such as deletions or time passing). Callers of a key wait for one read rather than all reading at once.
 * With a renewer, a value past half its max age is read again on another thread while callers go on getting it.
 */
public final class ReadCache<K, V> {

    private static final Logger LOG = Logger.getLogger(ReadCache.class.getName());

    private record Entry<V>(V value, long version, long readAt) {
    }

    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Map<K, Entry<V>> entries = new HashMap<>();
    private final Set<K> renewing = new HashSet<>();

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
        if (current(entry, version, now)) {
            return entry.value();
        }
        return readNow(key, version, read, now);
    }

    /**
     * As {@link #get(Object, long, Supplier)}, but once the value is past half its max age the next caller starts a read
     * on the renewer and is given the value it has: while callers come at least every maxAge / 2, none waits for a read
     * that only time made necessary (a new version is still read at once, so that a change shows to whoever asks next).
     */
    public synchronized V get(K key, long version, Supplier<V> read, Executor renewer) {
        Entry<V> entry = entries.get(key);
        long now = nanoClock.getAsLong();
        if (!current(entry, version, now)) {
            return readNow(key, version, read, now);
        }
        if (now - entry.readAt() >= maxAgeNanos / 2 && renewing.add(key)) {
            try {
                renewer.execute(() -> renew(key, entry, read));
            } catch (RuntimeException rejected) {
                // a renewer that is full or shutting down: the value expires at maxAge and is read by a caller then
                renewing.remove(key);
            }
        }
        return entry.value();
    }

    private boolean current(Entry<V> entry, long version, long now) {
        return entry != null && entry.version() == version && now - entry.readAt() < maxAgeNanos;
    }

    private V readNow(K key, long version, Supplier<V> read, long now) {
        V value = read.get();
        entries.put(key, new Entry<>(value, version, now));
        return value;
    }

    /**
     * Kept only if the entry it renews is still there: a caller's own read of a new version, or a forget, made while
     * it was reading is newer than what it read.
     */
    private void renew(K key, Entry<V> renewed, Supplier<V> read) {
        long started = nanoClock.getAsLong();
        try {
            V value = read.get();
            synchronized (this) {
                entries.replace(key, renewed, new Entry<>(value, renewed.version(), started));
            }
        } catch (RuntimeException e) {
            // the value expires at maxAge and the caller whose read then fails is told (a database that went away
            // would otherwise log a stack trace per key twice a second)
            LOG.log(Level.FINE, "renewing a kept value failed", e);
        } finally {
            synchronized (this) {
                renewing.remove(key);
            }
        }
    }

    /** Everything is read again at the next get (a renewal under way when this is called is not kept). */
    public synchronized void forget() {
        entries.clear();
    }
}

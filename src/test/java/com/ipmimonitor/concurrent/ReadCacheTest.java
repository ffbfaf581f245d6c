package com.ipmimonitor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private final AtomicLong clock = new AtomicLong();
    private final ReadCache<Integer, String> cache = new ReadCache<>(Duration.ofSeconds(30), clock::get);
    private final AtomicInteger reads = new AtomicInteger();
    private final Supplier<String> read = () -> "read " + reads.incrementAndGet();

    @Test
    void theSameVersionIsReadOnceWithinMaxAge() {
        assertEquals("read 1", cache.get(24, 7, read));
        clock.addAndGet(Duration.ofSeconds(29).toNanos());
        assertEquals("read 1", cache.get(24, 7, read));
        assertEquals(1, reads.get());
    }

    @Test
    void aNewVersionIsReadAtOnce() {
        cache.get(24, 7, read);
        assertEquals("read 2", cache.get(24, 8, read));
        assertEquals("read 2", cache.get(24, 8, read));
    }

    @Test
    void aValueOlderThanMaxAgeIsReadAgainEvenWithoutANewVersion() {
        cache.get(24, 7, read);
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals("read 2", cache.get(24, 7, read));
    }

    @Test
    void eachKeyHasItsOwnValueAndForgetDropsThemAll() {
        assertEquals("read 1", cache.get(24, 7, read));
        assertEquals("read 2", cache.get(168, 7, read));
        assertEquals("read 1", cache.get(24, 7, read));
        cache.forget();
        assertEquals("read 3", cache.get(24, 7, read));
    }

    @Test
    void aFailedReadKeepsNothing() {
        try {
            cache.get(24, 7, () -> { throw new IllegalStateException("database away"); });
        } catch (IllegalStateException expected) {
            // the caller sees the failure
        }
        assertEquals("read 1", cache.get(24, 7, read));
    }

    @Test
    void concurrentCallersWaitForOneRead() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<String> slow = () -> {
            reading.countDown();
            await(release);
            return read.get();
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<String> first = pool.submit(() -> cache.get(24, 7, slow));
            reading.await(5, TimeUnit.SECONDS);
            var others = java.util.stream.IntStream.range(0, 3).mapToObj(i -> pool.submit(() -> cache.get(24, 7, slow))).toList();
            release.countDown();
            assertEquals("read 1", first.get(5, TimeUnit.SECONDS));
            for (Future<String> other : others) {
                assertEquals("read 1", other.get(5, TimeUnit.SECONDS));
            }
            assertEquals(1, reads.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

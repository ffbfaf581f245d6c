package com.ipmimonitor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
    /** Renewals handed to the renewer, run when a test says so. */
    private final Deque<Runnable> renewals = new ArrayDeque<>();
    private final Executor renewer = renewals::add;

    private void advance(int seconds) {
        clock.addAndGet(Duration.ofSeconds(seconds).toNanos());
    }

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

    @Test
    void aYoungValueStartsNoRenewal() {
        cache.get(24, 7, read, renewer);
        advance(14);
        assertEquals("read 1", cache.get(24, 7, read, renewer));
        assertTrue(renewals.isEmpty());
    }

    @Test
    void pastHalfItsAgeTheValueIsGivenWhileOneRenewalReadsTheNext() {
        cache.get(24, 7, read, renewer);
        advance(15);
        assertEquals("read 1", cache.get(24, 7, read, renewer), "the caller does not wait for the read");
        assertEquals("read 1", cache.get(24, 7, read, renewer));
        assertEquals(1, renewals.size(), "one renewal, however many callers come meanwhile");
        assertEquals(1, reads.get());
        renewals.poll().run();
        assertEquals("read 2", cache.get(24, 7, read, renewer));
        advance(20);
        assertEquals("read 2", cache.get(24, 7, read, renewer), "the renewed value counts its age from its read");
        assertEquals(2, reads.get());
    }

    @Test
    void aValuePastMaxAgeOrOfAnOldVersionIsStillReadAtOnce() {
        cache.get(24, 7, read, renewer);
        assertEquals("read 2", cache.get(24, 8, read, renewer));
        advance(30);
        assertEquals("read 3", cache.get(24, 8, read, renewer));
        assertTrue(renewals.isEmpty());
    }

    @Test
    void aRenewalDoesNotReplaceANewerReadOfANewVersion() {
        cache.get(24, 7, read, renewer);
        advance(15);
        cache.get(24, 7, read, renewer);
        Runnable lateRenewal = renewals.poll();
        assertEquals("read 2", cache.get(24, 8, read, renewer));
        lateRenewal.run();
        assertEquals("read 2", cache.get(24, 8, read, renewer));
    }

    @Test
    void aFailedRenewalKeepsTheValueAndAllowsTheNextOne() {
        cache.get(24, 7, read, renewer);
        advance(15);
        cache.get(24, 7, () -> { throw new IllegalStateException("database away"); }, renewer);
        renewals.poll().run(); // logged, not thrown at the executor
        assertEquals("read 1", cache.get(24, 7, read, renewer));
        renewals.poll().run();
        assertEquals("read 2", cache.get(24, 7, read, renewer));
        advance(30);
        assertThrows(IllegalStateException.class,
                () -> cache.get(24, 7, () -> { throw new IllegalStateException("database away"); }, renewer),
                "past maxAge the caller reads and is told of the failure");
    }

    @Test
    void aRenewerThatRefusesLeavesTheReadToTheCallerAtMaxAge() {
        Executor full = task -> { throw new RejectedExecutionException("full"); };
        cache.get(24, 7, read, full);
        advance(15);
        assertEquals("read 1", cache.get(24, 7, read, full));
        advance(15);
        assertEquals("read 2", cache.get(24, 7, read, full));
    }

    @Test
    void aRenewalUnderWayWhenForgetIsCalledIsNotKept() {
        cache.get(24, 7, read, renewer);
        advance(15);
        cache.get(24, 7, () -> {
            cache.forget();
            return "read before the forget";
        }, renewer);
        renewals.poll().run();
        assertEquals("read 2", cache.get(24, 7, read, renewer));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

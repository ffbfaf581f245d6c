package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollDispatcherTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final CountDownLatch hung = new CountDownLatch(1);

    @AfterEach
    void release() throws InterruptedException {
        hung.countDown();
        executor.shutdown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void aHungBmcHoldsOneSlotWhileTheOthersArePolled() throws InterruptedException {
        Deque<Long> due = new ArrayDeque<>(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
        Set<Long> polled = ConcurrentHashMap.newKeySet();
        AtomicInteger maxClaim = new AtomicInteger();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();

        PollDispatcher dispatcher = new PollDispatcher(executor, () -> 2, free -> {
            maxClaim.accumulateAndGet(free, Math::max);
            List<Long> claimed = new ArrayList<>();
            synchronized (due) {
                while (claimed.size() < free && !due.isEmpty()) {
                    claimed.add(due.poll());
                }
            }
            return claimed;
        }, id -> {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                try {
                    if (id == 1L) {
                        hung.await(30, TimeUnit.SECONDS); // an ipmitool that never answers
                    } else {
                        polled.add(id);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    concurrent.decrementAndGet();
                }
            });

        dispatcher.dispatch(); // one tick: finished polls refill their own slots from then on
        for (int i = 0; i < 500 && polled.size() < 9; i++) {
            Thread.sleep(10);
        }

        assertEquals(Set.of(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), polled);
        assertEquals(1, dispatcher.running(), "only the hung poll is still running");
        assertTrue(maxConcurrent.get() <= 2, "never more polls than threads: " + maxConcurrent.get());
        assertTrue(maxClaim.get() <= 2, "never claims more than the free slots: " + maxClaim.get());
    }

    @Test
    void aStoppedDispatcherClaimsNothingMoreNotEvenToRefillASlot() throws InterruptedException {
        AtomicInteger claims = new AtomicInteger();
        CountDownLatch polling = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        PollDispatcher dispatcher = new PollDispatcher(executor, () -> 1, free -> {
            claims.incrementAndGet();
            return List.of((long) claims.get());
        }, id -> {
                polling.countDown();
                try {
                    hung.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            });
        assertEquals(1, dispatcher.dispatch());
        assertTrue(polling.await(5, TimeUnit.SECONDS));

        dispatcher.stop();
        hung.countDown(); // the poll under way ends, and its slot would be refilled at once
        assertTrue(finished.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 100 && dispatcher.running() > 0; i++) {
            Thread.sleep(10);
        }

        assertEquals(0, dispatcher.dispatch(), "a tick after the stop");
        assertEquals(1, claims.get(), "claims after the stop");
        assertEquals(0, dispatcher.running());
    }

    @Test
    void nothingIsClaimedWhenEverySlotIsBusy() {
        AtomicInteger claims = new AtomicInteger();
        PollDispatcher dispatcher = new PollDispatcher(executor, () -> 1, free -> {
            claims.incrementAndGet();
            return List.of((long) claims.get());
        }, id -> {
            try {
                hung.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(1, dispatcher.dispatch());
        assertEquals(0, dispatcher.dispatch());
        assertEquals(1, claims.get(), "no lease may be taken without a free thread");
    }

    @Test
    void aFinishedPollRefillsItsSlotWithoutWaitingForTheNextTick() throws InterruptedException {
        Deque<Long> due = new ArrayDeque<>(List.of(1L, 2L, 3L, 4L, 5L));
        Set<Long> polled = ConcurrentHashMap.newKeySet();
        PollDispatcher dispatcher = new PollDispatcher(executor, () -> 1, free -> {
            synchronized (due) {
                return due.isEmpty() ? List.of() : List.of(due.poll());
            }
        }, polled::add);
        dispatcher.dispatch();
        for (int i = 0; i < 500 && polled.size() < 5; i++) {
            Thread.sleep(10);
        }
        assertEquals(Set.of(1L, 2L, 3L, 4L, 5L), polled, "one tick must drain the queue through refills");
    }

    private static java.util.function.IntFunction<List<Long>> from(Deque<Long> queue, AtomicInteger claims) {
        return free -> {
            claims.incrementAndGet();
            List<Long> claimed = new ArrayList<>();
            synchronized (queue) {
                while (claimed.size() < free && !queue.isEmpty()) {
                    claimed.add(queue.poll());
                }
            }
            return claimed;
        };
    }

    @Test
    void firstReadsHaveSlotsOfTheirOwnBesideTheCollectorThreads() throws InterruptedException {
        // a first read of a large SEL mostly waits for its BMC: more of them in flight, steady polls keep their slots
        Deque<Long> firstReads = new ArrayDeque<>(List.of(101L, 102L, 103L, 104L, 105L));
        Deque<Long> due = new ArrayDeque<>(List.of(1L, 2L, 3L, 4L));
        Set<Long> started = ConcurrentHashMap.newKeySet();
        PollDispatcher dispatcher = new PollDispatcher(executor, () -> 2, from(due, new AtomicInteger()), () -> 3,
                from(firstReads, new AtomicInteger()), id -> {
                    started.add(id);
                    try {
                        hung.await(30, TimeUnit.SECONDS); // BMCs that take their time
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });

        assertEquals(5, dispatcher.dispatch());
        for (int i = 0; i < 500 && started.size() < 5; i++) {
            Thread.sleep(10);
        }

        assertEquals(Set.of(101L, 102L, 103L, 1L, 2L), started);
        assertEquals(5, dispatcher.running());
        assertEquals(0, dispatcher.dispatch(), "every slot of both kinds is busy");
    }

    @Test
    void aFinishedFirstReadRefillsItsSlotWithTheNextFirstRead() throws InterruptedException {
        Deque<Long> firstReads = new ArrayDeque<>(List.of(101L, 102L, 103L, 104L, 105L, 106L));
        Set<Long> polled = ConcurrentHashMap.newKeySet();
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        PollDispatcher dispatcher = new PollDispatcher(executor, () -> 1, free -> List.of(), () -> 2,
                from(firstReads, new AtomicInteger()), id -> {
                    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                    polled.add(id);
                    concurrent.decrementAndGet();
                });

        dispatcher.dispatch();
        for (int i = 0; i < 500 && polled.size() < 6; i++) {
            Thread.sleep(10);
        }

        assertEquals(Set.of(101L, 102L, 103L, 104L, 105L, 106L), polled, "one tick drains the first reads through refills");
        assertTrue(maxConcurrent.get() <= 2, "never more first reads than their slots: " + maxConcurrent.get());
    }

    @Test
    void withoutFirstReadsARefillDoesNotAskForThemAgainUntilTheNextTick() throws InterruptedException {
        // steady state: every poll's refill would otherwise cost one more claim query that finds nothing
        Deque<Long> due = new ArrayDeque<>(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L));
        AtomicInteger firstReadClaims = new AtomicInteger();
        Set<Long> polled = ConcurrentHashMap.newKeySet();
        PollDispatcher dispatcher = new PollDispatcher(executor, () -> 1, from(due, new AtomicInteger()), () -> 2,
                from(new ArrayDeque<>(), firstReadClaims), polled::add);

        dispatcher.dispatch();
        for (int i = 0; i < 500 && (polled.size() < 8 || dispatcher.running() > 0); i++) {
            Thread.sleep(10);
        }

        assertEquals(8, polled.size());
        assertEquals(1, firstReadClaims.get(), "8 refills, one claim of first reads (the tick's)");
        dispatcher.dispatch();
        assertEquals(2, firstReadClaims.get(), "the next tick looks again (servers may have been added)");
    }
}

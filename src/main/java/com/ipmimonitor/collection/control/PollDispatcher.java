package com.ipmimonitor.collection.control;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands due servers to an executor, never more than there are collector threads. Only free slots are
 * claimed, so a hung or slow BMC holds one slot (until its ipmitool timeout) while the others keep
 * polling, and work never piles up in the executor's queue. A finished poll refills its slot at once:
 * with timer ticks alone an instance could not poll more than threads / tick servers per second
 * (measured: 2 servers/s with 10 threads and a 5 s tick).
 */
public class PollDispatcher {

    private static final Logger LOG = Logger.getLogger(PollDispatcher.class.getName());

    private final Executor executor;
    private final IntSupplier threads;
    private final IntFunction<List<Long>> claim;
    private final LongConsumer poll;
    private final AtomicInteger running = new AtomicInteger();
    private boolean stopped;

    /** claim gets the number of free slots and returns the server ids it leased for them. */
    public PollDispatcher(Executor executor, IntSupplier threads, IntFunction<List<Long>> claim, LongConsumer poll) {
        this.executor = executor;
        this.threads = threads;
        this.claim = claim;
        this.poll = poll;
    }

    /** Returns how many polls were started. Synchronized: two callers must not both fill the same slot. */
    public synchronized int dispatch() {
        if (stopped) {
            return 0;
        }
        int free = threads.getAsInt() - running.get();
        if (free <= 0) {
            return 0;
        }
        List<Long> due = claim.apply(free);
        for (Long id : due) {
            running.incrementAndGet();
            try {
                executor.execute(() -> run(id));
            } catch (RuntimeException rejected) {
                running.decrementAndGet();
                throw rejected;
            }
        }
        return due.size();
    }

    /** No claim after this returns (a claim under way when it is called ends first: both hold the lock). */
    public synchronized void stop() {
        stopped = true;
    }

    public int running() {
        return running.get();
    }

    private void run(long id) {
        try {
            poll.accept(id);
        } finally {
            running.decrementAndGet();
            refill();
        }
    }

    private void refill() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refilling a collector slot failed; the next tick retries", e);
        }
    }
}

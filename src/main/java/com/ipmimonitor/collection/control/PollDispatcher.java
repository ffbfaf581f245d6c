package com.ipmimonitor.collection.control;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

/**
 * Hands due servers to an executor, never more than there are collector threads. Only free slots are
 * claimed, so a hung or slow BMC holds one slot (until its ipmitool timeout) while the others keep
 * polling, and work never piles up in the executor's queue.
 */
public class PollDispatcher {

    private final Executor executor;
    private final AtomicInteger running = new AtomicInteger();

    public PollDispatcher(Executor executor) {
        this.executor = executor;
    }

    /** claim gets the number of free slots and returns the server ids it leased; returns how many were started. */
    public int dispatch(int threads, IntFunction<List<Long>> claim, LongConsumer poll) {
        int free = threads - running.get();
        if (free <= 0) {
            return 0;
        }
        List<Long> due = claim.apply(free);
        for (Long id : due) {
            running.incrementAndGet();
            try {
                executor.execute(() -> {
                    try {
                        poll.accept(id);
                    } finally {
                        running.decrementAndGet();
                    }
                });
            } catch (RuntimeException rejected) {
                running.decrementAndGet();
                throw rejected;
            }
        }
        return due.size();
    }

    public int running() {
        return running.get();
    }
}

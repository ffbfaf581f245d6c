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
 *
 * <p>First reads (servers whose SEL was never read) have slots of their own besides: a first read of a large SEL
 * is mostly waiting for the BMC to answer one Get SEL Entry after another, which costs our CPU nothing, so a fleet
 * being added keeps more sessions in flight than the steady polls need threads, and the steady polls of the
 * servers already known keep their slots meanwhile.
 */
public class PollDispatcher {

    private static final Logger LOG = Logger.getLogger(PollDispatcher.class.getName());

    private final Executor executor;
    private final IntSupplier threads;
    private final IntFunction<List<Long>> claim;
    private final IntSupplier firstReadSlots;
    private final IntFunction<List<Long>> claimFirstReads;
    private final LongConsumer poll;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger runningFirstReads = new AtomicInteger();
    private boolean stopped;
    /** Whether the last claim of first reads filled every slot it asked for: a refill looks for more only then. */
    private boolean firstReadsWaiting = true;

    /** claim gets the number of free slots and returns the server ids it leased for them. */
    public PollDispatcher(Executor executor, IntSupplier threads, IntFunction<List<Long>> claim, LongConsumer poll) {
        this(executor, threads, claim, () -> 0, free -> List.of(), poll);
    }

    /** With firstReadSlots more slots, filled by claimFirstReads (servers whose SEL was never read). */
    public PollDispatcher(Executor executor, IntSupplier threads, IntFunction<List<Long>> claim, IntSupplier firstReadSlots,
                          IntFunction<List<Long>> claimFirstReads, LongConsumer poll) {
        this.executor = executor;
        this.threads = threads;
        this.claim = claim;
        this.firstReadSlots = firstReadSlots;
        this.claimFirstReads = claimFirstReads;
        this.poll = poll;
    }

    /**
     * A tick: fills the free slots. Returns how many polls were started. Synchronized: two callers must not both
     * fill the same slot.
     */
    public synchronized int dispatch() {
        firstReadsWaiting = true; // servers may have been added since the last claim
        return fill();
    }

    private synchronized int fill() {
        if (stopped) {
            return 0;
        }
        int started = 0;
        int freeFirst = firstReadSlots.getAsInt() - runningFirstReads.get();
        if (freeFirst > 0 && firstReadsWaiting) {
            // a steady-state fleet has no first reads: without this flag every refill would ask for them in vain
            List<Long> first = claimFirstReads.apply(freeFirst);
            firstReadsWaiting = first.size() == freeFirst;
            started += start(first, runningFirstReads);
        }
        int free = threads.getAsInt() - running.get();
        if (free > 0) {
            started += start(claim.apply(free), running);
        }
        return started;
    }

    private int start(List<Long> due, AtomicInteger slots) {
        for (Long id : due) {
            slots.incrementAndGet();
            try {
                executor.execute(() -> run(id, slots));
            } catch (RuntimeException rejected) {
                slots.decrementAndGet();
                throw rejected;
            }
        }
        return due.size();
    }

    /** No claim after this returns (a claim under way when it is called ends first: both hold the lock). */
    public synchronized void stop() {
        stopped = true;
    }

    /** Polls under way, first reads in their own slots included. */
    public int running() {
        return running.get() + runningFirstReads.get();
    }

    private void run(long id, AtomicInteger slots) {
        try {
            poll.accept(id);
        } finally {
            slots.decrementAndGet();
            refill();
        }
    }

    private void refill() {
        try {
            fill();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "refilling a collector slot failed; the next tick retries", e);
        }
    }
}

package com.ipmimonitor.events.boundary;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a step once the current transaction has committed: read models kept in memory may only learn of a change that
 * others can already read (told before the commit, they would read the old rows again and keep them as new).
 */
final class AfterCommit implements Synchronization {

    private final Runnable step;

    private AfterCommit(Runnable step) {
        this.step = step;
    }

    static void run(TransactionSynchronizationRegistry transactions, Runnable step) {
        transactions.registerInterposedSynchronization(new AfterCommit(step));
    }

    @Override
    public void beforeCompletion() {
        // nothing is decided before the commit
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            step.run();
        }
    }
}

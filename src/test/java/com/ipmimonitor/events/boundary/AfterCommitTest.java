package com.ipmimonitor.events.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AfterCommitTest {

    private final List<Synchronization> registered = new ArrayList<>();
    private final AtomicInteger ran = new AtomicInteger();

    private final TransactionSynchronizationRegistry transactions = new TransactionSynchronizationRegistry() {
        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public Object getTransactionKey() {
            return "tx";
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public int getTransactionStatus() {
            return Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    };

    @Test
    void theStepRunsOnlyOnceTheTransactionCommitted() {
        AfterCommit.run(transactions, ran::incrementAndGet);
        assertEquals(0, ran.get(), "nothing runs while the transaction is open");
        registered.get(0).beforeCompletion();
        assertEquals(0, ran.get());
        registered.get(0).afterCompletion(Status.STATUS_COMMITTED);
        assertEquals(1, ran.get());
    }

    @Test
    void aRolledBackTransactionRunsNothing() {
        AfterCommit.run(transactions, ran::incrementAndGet);
        registered.get(0).afterCompletion(Status.STATUS_ROLLEDBACK);
        assertEquals(0, ran.get());
    }
}

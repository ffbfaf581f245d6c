package com.ipmimonitor.retention.control;

import com.ipmimonitor.retention.entity.RetainedTable;
import com.ipmimonitor.retention.entity.RetentionSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * Deletes old rows of one table batch after batch until a batch finds fewer rows than it may delete, or the batch
 * limit is reached. Each call of deleteBatch is expected to commit on its own: rows deleted by earlier batches
 * stay deleted when a later batch fails.
 */
public final class BatchedPurge {

    /** Waits between two batches; tests pass a recorder. */
    @FunctionalInterface
    public interface Pause {
        void between(Duration pause) throws InterruptedException;
    }

    private final int batchSize;
    private final int maxBatches;
    private final Duration pause;
    private final Pause waiter;

    public BatchedPurge(RetentionSettings settings, Pause waiter) {
        this.batchSize = settings.batchSize();
        this.maxBatches = settings.maxBatches();
        this.pause = settings.pause();
        this.waiter = waiter;
    }

    /** deleteBatch: batch size in, rows deleted out. */
    public TablePurge run(RetainedTable table, int keepDays, IntUnaryOperator deleteBatch) {
        long started = System.nanoTime();
        long deleted = 0;
        int batches = 0;
        boolean complete = false;
        try {
            while (batches < maxBatches) {
                if (batches > 0 && Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException(); // the app is stopping
                }
                if (batches > 0 && !pause.isZero()) {
                    waiter.between(pause);
                }
                int n = deleteBatch.applyAsInt(batchSize);
                batches++;
                deleted += n;
                if (n < batchSize) {
                    complete = true;
                    break;
                }
            }
            return new TablePurge(table.tableName(), keepDays, deleted, batches, complete, millisSince(started),
                    Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(table, keepDays, deleted, batches, started, "interrupted");
        } catch (RuntimeException e) {
            return failed(table, keepDays, deleted, batches, started, String.valueOf(e.getMessage()));
        }
    }

    private static TablePurge failed(RetainedTable table, int keepDays, long deleted, int batches, long started,
                                     String why) {
        return new TablePurge(table.tableName(), keepDays, deleted, batches, false, millisSince(started),
                Optional.of(why));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

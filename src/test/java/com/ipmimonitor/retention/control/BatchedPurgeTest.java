package com.ipmimonitor.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.retention.entity.RetainedTable;
import com.ipmimonitor.retention.entity.RetentionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchedPurgeTest {

    private final List<Duration> pauses = new ArrayList<>();

    /** A table holding `rows` old rows: each batch deletes up to its limit. */
    private static final class OldRows {
        int left;
        final List<Integer> limits = new ArrayList<>();

        OldRows(int rows) {
            left = rows;
        }

        int delete(int limit) {
            limits.add(limit);
            int n = Math.min(left, limit);
            left -= n;
            return n;
        }
    }

    private BatchedPurge purge(int batchSize, int maxBatches, long pauseMs) {
        return new BatchedPurge(new RetentionSettings(30, 0, 365, batchSize, maxBatches, Duration.ofMillis(pauseMs)), pauses::add);
    }

    @Test
    void deletesInBatchesOfTheBatchSizeUntilABatchFindsFewerRows() {
        OldRows table = new OldRows(12_345);
        TablePurge p = purge(5000, 100, 0).run(RetainedTable.SENSOR_READINGS, 30, table::delete);
        assertEquals(List.of(5000, 5000, 5000), table.limits);
        assertEquals(12_345, p.deleted());
        assertEquals(3, p.batches());
        assertTrue(p.complete());
        assertEquals(0, table.left);
        assertEquals("sensor_sample", p.table());
        assertEquals(Optional.empty(), p.error());
    }

    @Test
    void anExactMultipleNeedsOneMoreBatchThatFindsNothing() {
        OldRows table = new OldRows(10_000);
        TablePurge p = purge(5000, 100, 0).run(RetainedTable.POWER_READINGS, 30, table::delete);
        assertEquals(3, p.batches());
        assertEquals(10_000, p.deleted());
        assertTrue(p.complete());
    }

    @Test
    void nothingOldCostsOneBatch() {
        OldRows table = new OldRows(0);
        TablePurge p = purge(5000, 100, 20).run(RetainedTable.SEL_EVENTS, 365, table::delete);
        assertEquals(1, p.batches());
        assertEquals(0, p.deleted());
        assertTrue(p.complete());
        assertEquals(List.of(), pauses, "no pause before the first batch");
    }

    @Test
    void stopsAtTheBatchLimitAndLeavesTheRestForTheNextRun() {
        OldRows table = new OldRows(1_000_000);
        TablePurge p = purge(1000, 7, 0).run(RetainedTable.COLLECTION_RUNS, 30, table::delete);
        assertEquals(7, p.batches());
        assertEquals(7000, p.deleted());
        assertFalse(p.complete());
        assertEquals(1_000_000 - 7000, table.left);
    }

    @Test
    void pausesBetweenBatchesOnly() {
        OldRows table = new OldRows(2500);
        purge(1000, 100, 50).run(RetainedTable.SENSOR_READINGS, 30, table::delete);
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(50)), pauses, "3 batches, 2 pauses");
    }

    @Test
    void aFailingBatchEndsThisTableAndReportsWhatTheCommittedBatchesDeleted() {
        int[] calls = {0};
        TablePurge p = purge(100, 100, 0).run(RetainedTable.SENSOR_READINGS, 30, limit -> {
            if (++calls[0] == 3) {
                throw new IllegalStateException("connection refused");
            }
            return limit;
        });
        assertEquals(200, p.deleted());
        assertEquals(2, p.batches());
        assertFalse(p.complete());
        assertEquals(Optional.of("connection refused"), p.error());
    }

    @Test
    void anInterruptedPauseEndsThePurgeAndKeepsTheInterrupt() {
        BatchedPurge purge = new BatchedPurge(new RetentionSettings(30, 0, 365, 10, 100, Duration.ofMillis(5)), d -> {
            throw new InterruptedException();
        });
        TablePurge p = purge.run(RetainedTable.SENSOR_READINGS, 30, limit -> limit);
        assertEquals(1, p.batches());
        assertFalse(p.complete());
        assertTrue(Thread.interrupted(), "interrupt status restored (and cleared here)");
    }

    @Test
    void anInterruptWithoutPausesEndsThePurgeBeforeTheNextBatch() {
        TablePurge p = purge(10, 100, 0).run(RetainedTable.SENSOR_READINGS, 30, limit -> {
            Thread.currentThread().interrupt();
            return limit;
        });
        assertEquals(1, p.batches());
        assertEquals(Optional.of("interrupted"), p.error());
        assertTrue(Thread.interrupted(), "interrupt status kept (and cleared here)");
    }
}

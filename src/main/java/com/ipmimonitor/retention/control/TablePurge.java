package com.ipmimonitor.retention.control;

import java.util.Optional;

/**
 * What one purge did to one table. Not complete: the run stopped at the batch limit (or on an error) with old
 * rows left for the next run.
 */
public record TablePurge(String table, int keepDays, long deleted, int batches, boolean complete, long millis,
                         Optional<String> error) {
}

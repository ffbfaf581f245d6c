package com.ipmimonitor.redfish.entity;

import java.util.List;

/**
 * What one poll read of one log service: the entries new since its stored cursor (oldest first), whether the log
 * was cleared since (its stored newest entry is gone), and the cursor to store with them.
 */
public record LogBatch(LogService log, List<RedfishEvent> events, boolean cleared, LogCursor cursor) {
}

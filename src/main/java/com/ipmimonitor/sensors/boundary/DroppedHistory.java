package com.ipmimonitor.sensors.boundary;

/** What retention dropped of one sensor history table: whole daily partitions, and the readings (or rollup rows) in them. */
public record DroppedHistory(String table, int partitions, long rows, long millis) {
}

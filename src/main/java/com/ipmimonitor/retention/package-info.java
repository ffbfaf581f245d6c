/**
 * Retention: sensor, power and poll history older than SENSOR_RETENTION_DAYS and SEL events older than
 * EVENT_RETENTION_DAYS (off by default) are deleted hourly, in small batches that each commit on their own, so a
 * purge of a large table never holds a long transaction, locks or WAL while collection keeps storing.
 */
package com.ipmimonitor.retention;

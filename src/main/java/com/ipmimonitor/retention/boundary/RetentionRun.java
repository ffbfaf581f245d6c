package com.ipmimonitor.retention.boundary;

import com.ipmimonitor.retention.control.TablePurge;
import java.time.OffsetDateTime;
import java.util.List;

/** One purge of every retained table (tables kept forever are left out). */
public record RetentionRun(OffsetDateTime startedAt, OffsetDateTime finishedAt, List<TablePurge> tables) {
}

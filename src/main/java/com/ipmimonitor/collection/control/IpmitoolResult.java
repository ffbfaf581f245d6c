package com.ipmimonitor.collection.control;

import java.time.Duration;

/** What one ipmitool process produced. stdout and stderr are kept apart: vendors print noise on stderr. */
public record IpmitoolResult(int exitCode, String stdout, String stderr, Duration duration, boolean timedOut) {

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}

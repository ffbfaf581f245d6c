package com.ipmimonitor.collection.control;

import java.time.Duration;

/**
 * What one ipmitool process produced. stdout and stderr are kept apart: vendors print noise on stderr. gaveUp: killed
 * before its timeout because the BMC stopped answering (see BmcSilence); its output stops short of what was asked.
 */
public record IpmitoolResult(int exitCode, String stdout, String stderr, Duration duration, boolean timedOut,
                             boolean gaveUp) {

    public IpmitoolResult(int exitCode, String stdout, String stderr, Duration duration, boolean timedOut) {
        this(exitCode, stdout, stderr, duration, timedOut, false);
    }

    public boolean succeeded() {
        return !timedOut && !gaveUp && exitCode == 0;
    }
}

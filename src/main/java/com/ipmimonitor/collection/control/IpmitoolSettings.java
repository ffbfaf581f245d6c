package com.ipmimonitor.collection.control;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How ipmitool is run. home is the HOME given to the child: it holds a trimmed IANA enterprise-numbers
 * file, because ipmitool 1.8.19 otherwise parses the 4.7 MB system copy on every start (2x the CPU).
 */
public record IpmitoolSettings(String executable, Duration timeout, int sessionTimeoutSeconds, int retries,
                               Path home, Path workDir) {
}

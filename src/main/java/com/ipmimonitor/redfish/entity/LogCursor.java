package com.ipmimonitor.redfish.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the last read of one log ended, to be stored with the server: the newest entry seen, how many entries the
 * log had, in which order the service lists them, and whether $top/$skip proved to work on it.
 *
 * @param lastId       the newest entry's Id; empty when the log was empty
 * @param count        Members@odata.count at that read
 * @param newestFirst  the service lists the newest entry first (iDRAC's SEL does)
 * @param topSkipWorks false once the service was seen to ignore $top/$skip; then the reader scans pages
 */
public record LogCursor(Optional<String> lastId, Optional<Instant> lastCreated, int count, boolean newestFirst,
                        boolean topSkipWorks) {
}

package com.ipmimonitor.alerting.control;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A Redfish BMC that presents another HTTPS certificate than the one pinned at its first poll: not polled until an
 * admin accepts the new one. The fingerprints (SHA-256, hex) are what the alert tells; either may be unknown when
 * only the poll outcome said so.
 */
public record CertificateChange(Optional<String> pinnedSha256, Optional<String> presentedSha256,
                                Optional<OffsetDateTime> since) {
}

package com.ipmimonitor.redfish.entity;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The HTTPS certificate a Redfish BMC is trusted by (its SHA-256 fingerprint, pinned at the first successful poll),
 * and, while one is pending, the other certificate the BMC presented since: that BMC is not polled until an admin
 * accepts it. Fingerprints only: nothing here is secret.
 */
public record CertificatePin(String pinnedSha256, OffsetDateTime pinnedAt, Optional<String> presentedSha256,
                             Optional<OffsetDateTime> presentedAt) {

    /** A changed certificate waits for an admin. */
    public boolean pending() {
        return presentedSha256.isPresent();
    }

    /** "AB:CD:…", the form openssl and browsers show, for pages (stored as 64 lower-case hex digits). */
    public static String colons(String sha256) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sha256.length(); i += 2) {
            s.append(i == 0 ? "" : ":").append(sha256, i, Math.min(i + 2, sha256.length()));
        }
        return s.toString().toUpperCase(java.util.Locale.ROOT);
    }
}

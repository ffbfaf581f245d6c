package com.ipmimonitor.alerting.control;

import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.collection.entity.SelFill;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the rules know about one server's collection: its last poll, when it last worked, how full its SEL is, and
 * whether its Redfish BMC's certificate changed and waits for an admin.
 */
public record ServerHealth(long serverId, String serverName, String bmcIp, boolean enabled,
                           Optional<PollOutcome> lastOutcome, Optional<String> lastError,
                           Optional<OffsetDateTime> lastSuccessAt, OffsetDateTime createdAt, SelFill selFill,
                           Optional<CertificateChange> certificateChange) {

    public ServerHealth(long serverId, String serverName, String bmcIp, boolean enabled,
                        Optional<PollOutcome> lastOutcome, Optional<String> lastError,
                        Optional<OffsetDateTime> lastSuccessAt, OffsetDateTime createdAt, SelFill selFill) {
        this(serverId, serverName, bmcIp, enabled, lastOutcome, lastError, lastSuccessAt, createdAt, selFill,
                Optional.empty());
    }

    public ServerHealth(long serverId, String serverName, String bmcIp, boolean enabled,
                        Optional<PollOutcome> lastOutcome, Optional<String> lastError,
                        Optional<OffsetDateTime> lastSuccessAt, OffsetDateTime createdAt) {
        this(serverId, serverName, bmcIp, enabled, lastOutcome, lastError, lastSuccessAt, createdAt, SelFill.UNKNOWN);
    }

    /**
     * The answers that mean "we cannot talk to this BMC", as opposed to a BMC that talked and said something odd
     * (those fall behind and alert as stale). Something other than IPMI answering on the BMC's address (its address
     * given to another device, a NIC's ASF responder) is as good as no BMC; so is a Redfish BMC whose TLS handshake
     * fails (a CA bundle that does not sign its certificate). A changed certificate has an alert of its own.
     */
    public boolean unreachable() {
        return lastOutcome.map(o -> o == PollOutcome.UNREACHABLE || o == PollOutcome.AUTH_FAILED
                || o == PollOutcome.TIMEOUT || o == PollOutcome.PROTOCOL_ERROR || o == PollOutcome.TLS_FAILED)
                .orElse(false);
    }

    public String label() {
        return serverName + " (" + bmcIp + ")";
    }
}

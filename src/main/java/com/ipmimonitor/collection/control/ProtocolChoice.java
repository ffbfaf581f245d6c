package com.ipmimonitor.collection.control;

import com.ipmimonitor.fleet.entity.BmcProtocol;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How to read a server this poll: as the operator chose, or for auto as the probe found; auto probes
 * https://&lt;bmc&gt;/redfish/v1/ when it never did, and again a day after a probe that found no Redfish service (that
 * BMC is read over IPMI meanwhile). A probe that found Redfish is not repeated: the operator changes the protocol
 * to have it probed again (the database then forgets what was detected).
 */
public final class ProtocolChoice {

    public enum Read { IPMI, REDFISH, PROBE }

    static final Duration RETRY_PROBE = Duration.ofDays(1);

    private ProtocolChoice() {
    }

    public static Read of(BmcProtocol protocol, Optional<String> detected, Optional<OffsetDateTime> probedAt,
                          OffsetDateTime now) {
        return switch (protocol) {
            case IPMI -> Read.IPMI;
            case REDFISH -> Read.REDFISH;
            case AUTO -> auto(detected, probedAt, now);
        };
    }

    private static Read auto(Optional<String> detected, Optional<OffsetDateTime> probedAt, OffsetDateTime now) {
        if (detected.filter("redfish"::equals).isPresent()) {
            return Read.REDFISH;
        }
        boolean recent = probedAt.filter(at -> at.isAfter(now.minus(RETRY_PROBE))).isPresent();
        return detected.filter("ipmi"::equals).isPresent() && recent ? Read.IPMI : Read.PROBE;
    }

    /**
     * The HTTPS port of a Redfish BMC: 443, unless the server's port was set to something other than IPMI's 623,
     * which then is the HTTPS port (a BMC behind a port forward, or a simulator).
     */
    public static int httpsPort(int bmcPort) {
        return bmcPort == 623 ? 443 : bmcPort;
    }
}

package com.ipmimonitor.collection.control;

import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.redfish.entity.RedfishFailure;

/** A failed Redfish poll in the words of every poll: the same outcomes as IPMI, plus TLS's two. */
public final class RedfishOutcomes {

    private RedfishOutcomes() {
    }

    public static PollOutcome of(RedfishFailure failure) {
        return switch (failure) {
            case UNREACHABLE -> PollOutcome.UNREACHABLE;
            case TIMEOUT -> PollOutcome.TIMEOUT;
            case TLS_FAILED -> PollOutcome.TLS_FAILED;
            case CERTIFICATE_CHANGED -> PollOutcome.CERTIFICATE_CHANGED;
            case AUTH_FAILED -> PollOutcome.AUTH_FAILED;
            case PROTOCOL_ERROR -> PollOutcome.PROTOCOL_ERROR;
        };
    }
}

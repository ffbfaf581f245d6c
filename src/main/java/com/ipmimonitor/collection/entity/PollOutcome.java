package com.ipmimonitor.collection.entity;

/**
 * How one poll of a BMC ended. Everything but OK is a failure kind shown to operators and in metrics.
 * PROTOCOL_ERROR: something answered on the BMC's address, but not with IPMI; PARSE_ERROR: IPMI worked, but
 * ipmitool's output could not be read. TLS_FAILED and CERTIFICATE_CHANGED are Redfish's (HTTPS) own: a handshake
 * that failed, and a BMC whose certificate is not the one trusted on first use (not polled until an admin accepts).
 */
public enum PollOutcome {
    OK, UNREACHABLE, AUTH_FAILED, TIMEOUT, UNSUPPORTED, PROTOCOL_ERROR, PARSE_ERROR, TLS_FAILED, CERTIFICATE_CHANGED, ERROR
}

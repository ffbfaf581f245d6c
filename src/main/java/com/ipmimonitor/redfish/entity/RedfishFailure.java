package com.ipmimonitor.redfish.entity;

/**
 * Why talking to a Redfish service failed; the same kinds as for IPMI polls, plus the two ways TLS fails.
 * PROTOCOL_ERROR: something answered on the address, but not a usable Redfish answer (not Redfish, invalid
 * JSON, or a 5xx that persisted through the retries: the BMC's web service is up but broken).
 * CERTIFICATE_CHANGED: the BMC presented another certificate than the one trusted on first use.
 * TLS_FAILED: the handshake failed otherwise (no common protocol, a certificate the CA bundle does not sign).
 */
public enum RedfishFailure {
    UNREACHABLE, TIMEOUT, TLS_FAILED, CERTIFICATE_CHANGED, AUTH_FAILED, PROTOCOL_ERROR
}

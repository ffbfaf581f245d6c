package com.ipmimonitor.collection.entity;

/**
 * How one poll of a BMC ended. Everything but OK is a failure kind shown to operators and in metrics.
 * PROTOCOL_ERROR: something answered on the BMC's address, but not with IPMI; PARSE_ERROR: IPMI worked, but
 * ipmitool's output could not be read.
 */
public enum PollOutcome {
    OK, UNREACHABLE, AUTH_FAILED, TIMEOUT, UNSUPPORTED, PROTOCOL_ERROR, PARSE_ERROR, ERROR
}

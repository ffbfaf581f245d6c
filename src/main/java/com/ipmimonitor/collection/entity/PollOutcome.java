package com.ipmimonitor.collection.entity;

/** How one poll of a BMC ended. Everything but OK is a failure kind shown to operators and in metrics. */
public enum PollOutcome {
    OK, UNREACHABLE, AUTH_FAILED, TIMEOUT, UNSUPPORTED, PARSE_ERROR, ERROR
}

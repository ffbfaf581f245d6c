package com.ipmimonitor.collection.entity;

/** Why a poll of one BMC failed. TIMEOUT is set by the runner, PARSE_ERROR when stdout did not parse. */
public enum FailureKind {
    UNREACHABLE, AUTH_FAILED, TIMEOUT, UNSUPPORTED, PARSE_ERROR, ERROR
}

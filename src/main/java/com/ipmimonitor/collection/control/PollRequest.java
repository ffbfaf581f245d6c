package com.ipmimonitor.collection.control;

import java.util.Optional;

/**
 * What we know of a BMC before polling it. cipherFallback: the server has no cipher suite of its own, so
 * another suite may be tried when the BMC rejects ours. sdrSignature/sdrNamesStale decide whether sensor
 * names (and the SDR cache, the firmware identity) are read again. dcmiSupported: empty until the BMC was asked
 * once; then remembered until its firmware (as last read) changes. readSensors: this poll reads sensors
 * (SENSOR_POLL_MULTIPLIER).
 */
public record PollRequest(BmcTarget target, boolean cipherFallback, SelCursor cursor, Optional<String> sdrSignature,
                          boolean sdrNamesStale, Optional<Boolean> dcmiSupported, Optional<String> firmware,
                          boolean readSensors) {

    /** readDcmi false: the BMC said it has no DCMI; true: not asked yet. Sensors read, firmware unknown. */
    public PollRequest(BmcTarget target, boolean cipherFallback, SelCursor cursor, Optional<String> sdrSignature,
                       boolean sdrNamesStale, boolean readDcmi) {
        this(target, cipherFallback, cursor, sdrSignature, sdrNamesStale,
                readDcmi ? Optional.empty() : Optional.of(false), Optional.empty(), true);
    }
}

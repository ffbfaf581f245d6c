package com.ipmimonitor.collection.control;

import java.util.Optional;

/**
 * What we know of a BMC before polling it. cipherFallback: the server has no cipher suite of its own, so
 * another suite may be tried when the BMC rejects ours. sdrSignature/sdrNamesStale decide whether sensor
 * names are read again; readDcmi is false once the BMC said it has no DCMI power reading.
 */
public record PollRequest(BmcTarget target, boolean cipherFallback, SelCursor cursor, Optional<String> sdrSignature,
                          boolean sdrNamesStale, boolean readDcmi) {
}

package com.ipmimonitor.alerting.control;

import com.ipmimonitor.ipmi.Severity;
import java.time.OffsetDateTime;
import java.util.Optional;

/** An asserted SEL event stored after alerting first saw its server (so it is news, not history). */
public record NewSelEvent(long eventId, long serverId, Severity severity, String summary,
                          Optional<OffsetDateTime> eventTime, OffsetDateTime collectedAt) {
}

package com.ipmimonitor.alerting.control;

import com.ipmimonitor.alerting.entity.AlertRule;
import com.ipmimonitor.ipmi.Severity;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A condition the rules found that is not firing yet. The fingerprint names the condition, for dedup. */
public record AlertOpening(AlertRule rule, Severity severity, long serverId, String fingerprint,
                           Optional<Long> selEventId, String summary, String description, OffsetDateTime startedAt) {
}

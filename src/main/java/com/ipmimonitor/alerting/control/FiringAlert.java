package com.ipmimonitor.alerting.control;

import com.ipmimonitor.alerting.entity.AlertRule;
import java.util.Optional;

/** An alert that is firing now, as the rules need it to decide whether it still holds. */
public record FiringAlert(long id, AlertRule rule, long serverId, String fingerprint, Optional<Long> selEventId) {
}

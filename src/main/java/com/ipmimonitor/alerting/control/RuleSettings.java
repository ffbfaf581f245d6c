package com.ipmimonitor.alerting.control;

import com.ipmimonitor.ipmi.Severity;
import java.time.Duration;

/**
 * selMinSeverity: the least severe SEL event that alerts (WARNING: critical and warning). Collection is stale
 * after staleFactor poll intervals without a successful poll.
 */
public record RuleSettings(Severity selMinSeverity, Duration pollInterval, int staleFactor) {

    public Duration staleAfter() {
        return pollInterval.multipliedBy(Math.max(1, staleFactor));
    }
}

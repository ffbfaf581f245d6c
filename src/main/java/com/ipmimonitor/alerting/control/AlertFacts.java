package com.ipmimonitor.alerting.control;

import java.util.List;
import java.util.Set;

/**
 * Everything one evaluation looks at, read in one transaction: servers, SEL events newer than the watermark,
 * critical sensors of the newest readings, SEL events of firing alerts that are closed (deasserted or deleted),
 * and the alerts firing now.
 */
public record AlertFacts(List<ServerHealth> servers, List<NewSelEvent> newSelEvents, List<CriticalSensor> criticalSensors,
                         Set<Long> closedSelEvents, List<FiringAlert> firing) {
}

package com.ipmimonitor.alerting.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Everything one evaluation looks at, read in one transaction: servers, SEL events newer than the watermark,
 * critical sensors of the newest readings, SEL events of firing alerts that are closed (deasserted or deleted),
 * the alerts firing now, and since when this instance has been watching (its start: staleness is not counted
 * for the time the monitor itself was down).
 */
public record AlertFacts(List<ServerHealth> servers, List<NewSelEvent> newSelEvents, List<CriticalSensor> criticalSensors,
                         Set<Long> closedSelEvents, List<FiringAlert> firing, OffsetDateTime watchingSince) {
}

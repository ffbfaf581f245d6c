package com.ipmimonitor.redfish.entity;

import java.util.Optional;

/** One member of /redfish/v1/Systems. health is Status.Health, healthRollup Status.HealthRollup (OK/Warning/Critical). */
public record ComputerSystem(String uri, String id, String name, PowerState powerState, Optional<String> health,
                             Optional<String> healthRollup, Optional<String> logServices) {
}

package com.ipmimonitor.redfish.entity;

import java.util.Optional;

/** One member of /redfish/v1/Managers: the BMC itself (iDRAC, iLO, OpenBMC's bmc). */
public record ManagementController(String uri, String id, String name, Optional<String> firmwareVersion,
                                   Optional<String> health, Optional<String> logServices) {
}

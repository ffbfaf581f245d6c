package com.ipmimonitor.redfish.entity;

import java.util.Optional;

/** One member of /redfish/v1/Chassis with the links to its readings: Sensors (new style), Thermal/Power (legacy). */
public record Chassis(String uri, String id, String name, Optional<String> health, Optional<String> sensors,
                      Optional<String> thermal, Optional<String> power) {
}

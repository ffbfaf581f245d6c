package com.ipmimonitor.redfish.entity;

import java.util.OptionalDouble;

/** Power draw of a chassis: PowerControl[].PowerConsumedWatts (legacy Power resource). */
public record ChassisPower(String chassisId, double consumedWatts, OptionalDouble capacityWatts) {
}

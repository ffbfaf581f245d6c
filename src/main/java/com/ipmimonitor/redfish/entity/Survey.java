package com.ipmimonitor.redfish.entity;

import java.util.List;

/** Everything one pass over a Redfish service found: every System, Chassis (with its readings), Manager, log. */
public record Survey(ServiceRoot root, List<ComputerSystem> systems, List<ChassisReadings> chassis,
                     List<ManagementController> managers, List<LogService> logServices) {

    /** A chassis with its sensors and power draw. */
    public record ChassisReadings(Chassis chassis, List<RedfishReading> readings, List<ChassisPower> power) {
    }
}

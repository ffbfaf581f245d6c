package com.ipmimonitor.redfish.entity;

import java.util.List;
import java.util.Optional;

/**
 * Everything one successful poll of a Redfish service read: every System (power state, health), every Chassis with
 * its readings and power draw, the new entries of every log, and the SHA-256 fingerprint of the certificate it
 * presented (empty when a CA bundle vouched for it: nothing to pin). When sensorsRead is false (a steady poll
 * between sensor polls), chassis holds only the power draw and no readings: the stored sensors stay as they are.
 */
public record RedfishPoll(List<ComputerSystem> systems, List<Survey.ChassisReadings> chassis, List<LogBatch> logs,
                          Optional<String> certificate, boolean sensorsRead) {
}

package com.ipmimonitor.redfish.entity;

/**
 * The sensor condition a log entry asserts or clears, so that a clearing entry closes the entry that raised it, as
 * an IPMI deassertion closes its assertion: the same sensor (number, and its name where the log gives one) and the
 * same kind of condition (offset). iDRAC's SEL gives the IPMI SensorNumber; OpenBMC's threshold messages name the
 * sensor in MessageArgs[0], whose number here is derived from that name.
 */
public record EventCondition(String sensor, int number, int offset) {
}

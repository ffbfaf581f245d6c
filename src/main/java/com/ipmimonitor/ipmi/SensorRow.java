package com.ipmimonitor.ipmi;

import java.util.OptionalDouble;

/**
 * One row of {@code ipmitool sensor}. Thresholds follow ipmitool's column order lnr, lcr, lnc, unc, ucr, unr.
 * Discrete sensors have no numeric value; their state word ("0x0100") is in {@code discreteState} and
 * {@code status} is "".
 *
 * @param status ok, cr, nc, nr, ns or na for threshold sensors
 */
public record SensorRow(
        String name,
        OptionalDouble value,
        String unit,
        String status,
        boolean discrete,
        String discreteState,
        OptionalDouble lnr,
        OptionalDouble lcr,
        OptionalDouble lnc,
        OptionalDouble unc,
        OptionalDouble ucr,
        OptionalDouble unr) {
}

package com.ipmimonitor.ipmi;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One line of {@code sel elist} or {@code sel list}. For OEM records {@code sensorType} is "OEM record",
 * {@code description} is ipmitool's "OEM record c1" and {@code detail} the printed OEM data.
 *
 * @param timestamp  UTC wall time; empty for Pre-Init and non-timestamped OEM records
 * @param sensorName SDR name, "" when ipmitool could not resolve it (it then prints {@code #0x50})
 * @param asserted   empty when the line has no Asserted/Deasserted column (OEM records)
 * @param detail     the 7th column of threshold events ("Reading 400 < Threshold 500 RPM"), OEM data, or ""
 */
public record SelLine(
        int recordId,
        Optional<LocalDateTime> timestamp,
        boolean preInit,
        String sensorType,
        String sensorName,
        Optional<Integer> sensorNumber,
        String description,
        Optional<Boolean> asserted,
        String detail,
        String rawLine) {

    public static final String OEM_SENSOR_TYPE = "OEM record";

    public boolean isOem() {
        return OEM_SENSOR_TYPE.equals(sensorType);
    }
}

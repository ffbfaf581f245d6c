package com.ipmimonitor.ipmi;

import java.util.OptionalInt;

/**
 * One line of {@code sdr elist}.
 *
 * @param status     ok, lcr, ucr, lnc, unc, lnr, unr, ns, cr, nc or nr, as printed
 * @param entity     entity id and instance, e.g. "8.1"
 * @param reading    trimmed; "44 degrees C", comma-joined discrete states, or "" when nothing is asserted
 * @param sensorType the SDR's sensor type code (0x08 Power Supply, ...), when {@code sdr elist -v} said it
 */
public record SdrEntry(String name, int sensorNumber, String status, String entity, String reading,
                       OptionalInt sensorType) {

    public SdrEntry(String name, int sensorNumber, String status, String entity, String reading) {
        this(name, sensorNumber, status, entity, reading, OptionalInt.empty());
    }

    public SdrEntry withSensorType(OptionalInt type) {
        return new SdrEntry(name, sensorNumber, status, entity, reading, type);
    }
}

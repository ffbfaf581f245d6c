package com.ipmimonitor.ipmi;

import java.util.Optional;

/**
 * The column ipmitool's `sel elist` prints after the direction (or after "OEM record xx"): the trigger reading
 * and threshold of a threshold event, converted with its sensor's SDR; the manufacturer id and bytes of an OEM
 * record; the CPU and DIMM of a memory event that names them.
 */
public final class SelDetail {

    private static final int THRESHOLD = 0x01;
    private static final int SENSOR_SPECIFIC = 0x6F;
    private static final int MEMORY = 0x0C;
    private static final int PRESENT = 0x01;

    private SelDetail() {
    }

    /** sdr: the Full Sensor Record of the event's sensor number, if the SDR has one. */
    public static Optional<String> of(SelRecord r, Optional<SensorConversion> sdr) {
        if (r.isOem()) {
            return r.oemDetail();
        }
        if (r.eventTypeCode() == THRESHOLD) {
            return sdr.filter(s -> s.describes(r)).map(s -> thresholdText(r, s));
        }
        if (r.eventTypeCode() == SENSOR_SPECIFIC && r.sensorType() == MEMORY && r.sensorNumber() == 0
                && (r.data1() & 0x30) == 0x20) {
            // ipmitool's "break down memory ECC reporting": event data 3 names them (an OEM use of the byte)
            return Optional.of("CPU " + (r.data3() & 0x0F) + " DIMM " + (r.data3() >> 4 & 0x0F));
        }
        return Optional.empty();
    }

    /**
     * "Reading 10.68 < Threshold 10.80 Volts". As ipmitool 1.8.19: a reading that event data 2 does not hold
     * prints as 0, the comparison and unit only when event data 3 holds the threshold; "&gt;" for an asserted
     * going-high offset (odd) or a deasserted going-low one, "&lt;" for the others.
     */
    static String thresholdText(SelRecord r, SensorConversion s) {
        double reading = (r.data1() >> 6 & 0x3) == PRESENT ? s.convert(r.data2()) : 0.0;
        StringBuilder text = new StringBuilder("Reading ").append(SensorConversion.format(reading));
        if ((r.data1() >> 4 & 0x3) == PRESENT) {
            boolean above = r.offset() % 2 == 1 != r.deassertion();
            text.append(above ? " > " : " < ").append("Threshold ")
                    .append(SensorConversion.format(s.convert(r.data3()))).append(' ').append(s.unit());
        }
        return text.toString();
    }
}

package com.ipmimonitor.ipmi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the file `ipmitool sdr dump FILE` writes: every SDR record as the BMC holds it, a 5-byte header
 * (record id, SDR version, record type, length of the body) and the body. Only Full Sensor Records carry the
 * conversion factors that turn a threshold event's raw bytes into "Reading 10.68 < Threshold 10.80 Volts".
 */
public final class SdrDumpParser {

    private static final int HEADER = 5;

    private SdrDumpParser() {
    }

    public static List<SensorConversion> conversions(byte[] dump) {
        List<SensorConversion> found = new ArrayList<>();
        records(dump).forEach(r -> SensorConversion.fromRecord(r).ifPresent(found::add));
        return found;
    }

    /** The sensors of the Full and Compact Sensor Records, in SDR order. */
    public static List<SdrSensor> sensors(byte[] dump) {
        List<SdrSensor> found = new ArrayList<>();
        records(dump).forEach(r -> SdrSensor.fromRecord(r).ifPresent(found::add));
        return found;
    }

    private static List<byte[]> records(byte[] dump) {
        List<byte[]> found = new ArrayList<>();
        int at = 0;
        while (at + HEADER <= dump.length) {
            int end = at + HEADER + (dump[at + 4] & 0xFF);
            if (end > dump.length) {
                throw new IpmitoolParseException("an SDR record cut short at byte " + at + " of " + dump.length,
                        "sdr dump of " + dump.length + " bytes");
            }
            found.add(Arrays.copyOfRange(dump, at, end));
            at = end;
        }
        return found;
    }
}

package com.ipmimonitor.ipmi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the file `ipmitool sdr dump FILE` writes: every SDR record as the BMC holds it, a 5-byte header
 * (record id, SDR version, record type, length of the body) and the body. Only Full Sensor Records carry the
 * conversion factors that turn a threshold event's raw bytes into "Reading 10.68 < Threshold 10.80 Volts".
 */
public final class SdrDumpParser {

    private static final int HEADER = 5;
    private static final int SENSOR_TYPE_AT = 12;

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

    /**
     * Sensor number to sensor type, of the Full and Compact records: what {@code ipmitool -v sdr elist} prints as
     * "Sensor Type" for the records it lists (SdrTypesParser; `sdr elist` lists no other kind), so a first poll need
     * not run the verbose listing for it. The first record of a number wins, as there.
     */
    public static Map<Integer, Integer> sensorTypes(byte[] dump) {
        Map<Integer, Integer> types = new HashMap<>();
        for (byte[] r : records(dump)) {
            int type = r[3] & 0xFF;
            boolean listed = type == SensorConversion.FULL_SENSOR_RECORD || type == SdrSensor.COMPACT_SENSOR_RECORD;
            // byte 13 of both (IPMI 2.0 tables 43-1 and 43-2)
            if (listed && r.length > SENSOR_TYPE_AT) {
                types.putIfAbsent(r[7] & 0xFF, r[SENSOR_TYPE_AT] & 0xFF);
            }
        }
        return types;
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

package com.ipmimonitor.ipmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a reading of one sensor needs from its SDR record (Full or Compact, IPMI 2.0 tables 43-1 and 43-2) that a
 * plain {@code sdr elist} does not print: the sensor type (discrete states mean something only with it), whether
 * it is a threshold sensor, and the thresholds {@code ipmitool sensor} shows, converted as it converts them.
 *
 * @param thresholds lnr, lcr, lnc, unc, ucr, unr (the column order of {@code ipmitool sensor}), rounded to the 3
 *                   decimals it prints; empty for a threshold the record does not call readable, or without a
 *                   Full record to convert it with
 */
public record SdrSensor(int sensorNumber, int sensorType, int readingType, List<OptionalDouble> thresholds) {

    static final int COMPACT_SENSOR_RECORD = 0x02;
    static final int THRESHOLD_READING_TYPE = 0x01;
    /** Offsets (header included) of the readable threshold mask and of the sensor's type and reading type. */
    private static final int SENSOR_TYPE_AT = 12;
    private static final int READING_TYPE_AT = 13;
    private static final int READABLE_MASK_AT = 18;
    /** The readable-mask bit of lnr, lcr, lnc, unc, ucr, unr (bit 0 = lnc ... bit 5 = unr). */
    private static final int[] MASK_BIT = {2, 1, 0, 3, 4, 5};
    /** The record offset of lnr, lcr, lnc, unc, ucr, unr (36 = unr ... 41 = lnc). */
    private static final int[] VALUE_AT = {39, 40, 41, 38, 37, 36};

    /** Empty for other record types (locators, event-only) and records cut short. */
    public static Optional<SdrSensor> fromRecord(byte[] r) {
        int type = r.length > 3 ? r[3] & 0xFF : -1;
        if (type != SensorConversion.FULL_SENSOR_RECORD && type != COMPACT_SENSOR_RECORD || r.length <= READABLE_MASK_AT) {
            return Optional.empty();
        }
        int readingType = r[READING_TYPE_AT] & 0xFF;
        Optional<SensorConversion> conversion = SensorConversion.fromRecord(r);
        List<OptionalDouble> thresholds = new ArrayList<>();
        for (int i = 0; i < MASK_BIT.length; i++) {
            boolean readable = readingType == THRESHOLD_READING_TYPE && (r[READABLE_MASK_AT] >> MASK_BIT[i] & 1) != 0;
            thresholds.add(readable && conversion.isPresent() && r.length > VALUE_AT[i]
                    ? OptionalDouble.of(Math.round(conversion.get().convert(r[VALUE_AT[i]] & 0xFF) * 1000) / 1000.0)
                    : OptionalDouble.empty());
        }
        return Optional.of(new SdrSensor(r[7] & 0xFF, r[SENSOR_TYPE_AT] & 0xFF, readingType, List.copyOf(thresholds)));
    }

    public boolean threshold() {
        return readingType == THRESHOLD_READING_TYPE;
    }
}

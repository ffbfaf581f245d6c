package com.ipmimonitor.ipmi;

import java.util.Optional;

/**
 * A decoded 16-byte IPMI 2.0 SEL record. For OEM records (type 0xC0 and up) the sensor fields are 0 and the
 * description is ipmitool's "OEM record xx".
 *
 * @param timestamp epoch seconds as stored; seconds since BMC init when {@code preInit}; -1 for non-timestamped OEM
 */
public record SelRecord(
        int recordId,
        int recordType,
        long timestamp,
        boolean preInit,
        int generatorId,
        int sensorType,
        int sensorNumber,
        int eventTypeCode,
        boolean deassertion,
        int offset,
        int data1,
        int data2,
        int data3,
        String sensorTypeName,
        String description,
        String rawHex) {

    public static final int SYSTEM_EVENT = 0x02;
    public static final int FIRST_OEM_TIMESTAMPED = 0xC0;
    public static final int FIRST_OEM_NON_TIMESTAMPED = 0xE0;
    /** Non-timestamped OEM type the Linux kernel writes on a panic; ipmitool prints its text. */
    public static final int LINUX_KERNEL_PANIC = 0xF0;
    private static final int THRESHOLD = 0x01;
    private static final int PRESENT_IN_DATA = 0x01;

    public boolean isOem() {
        return recordType >= FIRST_OEM_TIMESTAMPED;
    }

    /** Non-timestamped OEM records (0xE0 - 0xFF) carry no time at all: their bytes 3 - 6 are OEM data. */
    public boolean hasTimestamp() {
        return recordType < FIRST_OEM_NON_TIMESTAMPED;
    }

    /** Threshold events only: the reading that triggered the event, when data 1 bits 7:6 say byte 2 holds it. */
    public Optional<Integer> triggerReading() {
        boolean present = eventTypeCode == THRESHOLD && !isOem() && (data1 >> 6 & 0x3) == PRESENT_IN_DATA;
        return present ? Optional.of(data2) : Optional.empty();
    }

    /** Threshold events only: the crossed threshold, when data 1 bits 5:4 say byte 3 holds it. */
    public Optional<Integer> triggerThreshold() {
        boolean present = eventTypeCode == THRESHOLD && !isOem() && (data1 >> 4 & 0x3) == PRESENT_IN_DATA;
        return present ? Optional.of(data3) : Optional.empty();
    }

    /**
     * What ipmitool prints after "OEM record xx": "mfgid | data" (manufacturer id as 6 hex digits, most significant
     * byte first) for timestamped OEM records, the 13 data bytes for non-timestamped ones.
     */
    public Optional<String> oemDetail() {
        if (recordType == LINUX_KERNEL_PANIC) {
            return Optional.empty(); // its text is the description
        }
        if (recordType >= FIRST_OEM_NON_TIMESTAMPED) {
            return Optional.of(rawHex.substring(6));
        }
        if (isOem()) {
            String mfg = rawHex.substring(18, 20) + rawHex.substring(16, 18) + rawHex.substring(14, 16);
            return Optional.of(mfg + " | " + rawHex.substring(20));
        }
        return Optional.empty();
    }
}

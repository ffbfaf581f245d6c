package com.ipmimonitor.ipmi;

import java.util.HexFormat;

/** Decodes the 16-byte SEL record returned by Get SEL Entry (IPMI 2.0 section 32). */
public final class SelRecordDecoder {

    // IPMI 2.0 32.1: 0x00000000-0x20000000 count seconds since BMC init, not since the epoch (ipmitool: "Pre-Init")
    private static final long LAST_PRE_INIT_TIMESTAMP = 0x20000000L;

    private SelRecordDecoder() {
    }

    public static SelRecord decode(byte[] record) {
        if (record == null || record.length != SelEntryResponse.RECORD_LENGTH) {
            String shown = record == null ? "null" : HexFormat.of().formatHex(record);
            throw new IpmitoolParseException("a SEL record has 16 bytes", shown);
        }
        int type = u8(record, 2);
        String rawHex = HexFormat.of().formatHex(record);
        if (type >= SelRecord.FIRST_OEM_NON_TIMESTAMPED) {
            return oem(record, type, -1, false, rawHex);
        }
        long timestamp = u32(record, 3);
        boolean preInit = timestamp <= LAST_PRE_INIT_TIMESTAMP;
        if (type >= SelRecord.FIRST_OEM_TIMESTAMPED) {
            return oem(record, type, timestamp, preInit, rawHex);
        }
        int sensorType = u8(record, 10);
        int eventType = u8(record, 12) & 0x7F;
        int data1 = u8(record, 13);
        int data2 = u8(record, 14);
        return new SelRecord(u16(record, 0), type, timestamp, preInit, u16(record, 7), sensorType, u8(record, 11),
                eventType, (u8(record, 12) & 0x80) != 0, data1 & 0x0F, data1, data2, u8(record, 15),
                SensorTypeNames.nameOf(sensorType),
                SelEventDescriptions.describe(sensorType, eventType, data1, data2),
                rawHex);
    }

    private static SelRecord oem(byte[] record, int type, long timestamp, boolean preInit, String rawHex) {
        String description = type == SelRecord.LINUX_KERNEL_PANIC ? "Linux kernel panic: " + panicText(record)
                : String.format("OEM record %02x", type);
        return new SelRecord(u16(record, 0), type, timestamp, preInit, 0, 0, 0, 0, false, 0, 0, 0, 0,
                SensorTypeNames.OEM_RESERVED, description, rawHex);
    }

    /** The Linux kernel's record (ipmi_msghandler's panic event): ipmitool prints bytes 5 to 15 as a C string. */
    private static String panicText(byte[] record) {
        int end = 5;
        while (end < record.length && record[end] != 0) {
            end++;
        }
        return new String(record, 5, end - 5, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static int u16(byte[] b, int i) {
        return u8(b, i) | u8(b, i + 1) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (long) u16(b, i) | (long) u16(b, i + 2) << 16;
    }
}

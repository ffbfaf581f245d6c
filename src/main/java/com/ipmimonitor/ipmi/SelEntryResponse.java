package com.ipmimonitor.ipmi;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One successful Get SEL Entry response: the next record id (0xFFFF after the last record) and the 16-byte record.
 */
public record SelEntryResponse(int nextRecordId, byte[] record) {

    public static final int LAST_RECORD = 0xFFFF;
    public static final int RECORD_LENGTH = 16;

    public SelEntryResponse {
        if (record == null || record.length != RECORD_LENGTH) {
            throw new IllegalArgumentException("a SEL record has 16 bytes");
        }
        record = record.clone();
    }

    @Override
    public byte[] record() {
        return record.clone();
    }

    public boolean isLast() {
        return nextRecordId == LAST_RECORD;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SelEntryResponse that
                && nextRecordId == that.nextRecordId
                && Arrays.equals(record, that.record);
    }

    @Override
    public int hashCode() {
        return 31 * nextRecordId + Arrays.hashCode(record);
    }

    @Override
    public String toString() {
        return "SelEntryResponse[next=" + nextRecordId + ", record=" + HexFormat.of().formatHex(record) + "]";
    }
}

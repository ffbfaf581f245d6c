package com.ipmimonitor.ipmi;

/**
 * One row of ipmitool's event text tables.
 *
 * @param code   event type code (generic table) or sensor type code (sensor-specific table)
 * @param offset event offset, the low nibble of event data 1
 * @param data   event data 2 value this text is specific to, or {@link #ANY_DATA}
 */
record EventText(int code, int offset, int data, String text) {

    static final int ANY_DATA = 0xFF;

    static EventText of(int code, int offset, String text) {
        return new EventText(code, offset, ANY_DATA, text);
    }

    static EventText of(int code, int offset, int data, String text) {
        return new EventText(code, offset, data, text);
    }
}

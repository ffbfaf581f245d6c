package com.ipmimonitor.ipmi;

/** Where an event sits in the IPMI tables: its sensor type, event/reading type code and offset. */
public record SelEventCode(int sensorType, int eventTypeCode, int offset) {
}

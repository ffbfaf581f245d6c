package com.ipmimonitor.ipmi;

import static com.ipmimonitor.ipmi.EventText.of;

import java.util.List;

/**
 * Texts for threshold (event type 0x01) and generic discrete (0x02-0x0C) events, worded as ipmitool 1.8.19 prints
 * them. ipmitool's own table ends the "going low" texts with a space; the parsers trim, so the texts here don't.
 */
final class GenericEventTexts {

    static final int THRESHOLD = 0x01;

    static final List<EventText> ALL = List.of(
            of(0x01, 0x00, "Lower Non-critical going low"),
            of(0x01, 0x01, "Lower Non-critical going high"),
            of(0x01, 0x02, "Lower Critical going low"),
            of(0x01, 0x03, "Lower Critical going high"),
            of(0x01, 0x04, "Lower Non-recoverable going low"),
            of(0x01, 0x05, "Lower Non-recoverable going high"),
            of(0x01, 0x06, "Upper Non-critical going low"),
            of(0x01, 0x07, "Upper Non-critical going high"),
            of(0x01, 0x08, "Upper Critical going low"),
            of(0x01, 0x09, "Upper Critical going high"),
            of(0x01, 0x0a, "Upper Non-recoverable going low"),
            of(0x01, 0x0b, "Upper Non-recoverable going high"),
            of(0x02, 0x00, "Transition to Idle"),
            of(0x02, 0x01, "Transition to Active"),
            of(0x02, 0x02, "Transition to Busy"),
            of(0x03, 0x00, "State Deasserted"),
            of(0x03, 0x01, "State Asserted"),
            of(0x04, 0x00, "Predictive Failure Deasserted"),
            of(0x04, 0x01, "Predictive Failure Asserted"),
            of(0x05, 0x00, "Limit Not Exceeded"),
            of(0x05, 0x01, "Limit Exceeded"),
            of(0x06, 0x00, "Performance Met"),
            of(0x06, 0x01, "Performance Lags"),
            of(0x07, 0x00, "Transition to OK"),
            of(0x07, 0x01, "Transition to Non-critical from OK"),
            of(0x07, 0x02, "Transition to Critical from less severe"),
            of(0x07, 0x03, "Transition to Non-recoverable from less severe"),
            of(0x07, 0x04, "Transition to Non-critical from more severe"),
            of(0x07, 0x05, "Transition to Critical from Non-recoverable"),
            of(0x07, 0x06, "Transition to Non-recoverable"),
            of(0x07, 0x07, "Monitor"),
            of(0x07, 0x08, "Informational"),
            of(0x08, 0x00, "Device Absent"),
            of(0x08, 0x01, "Device Present"),
            of(0x09, 0x00, "Device Disabled"),
            of(0x09, 0x01, "Device Enabled"),
            of(0x0a, 0x00, "Transition to Running"),
            of(0x0a, 0x01, "Transition to In Test"),
            of(0x0a, 0x02, "Transition to Power Off"),
            of(0x0a, 0x03, "Transition to On Line"),
            of(0x0a, 0x04, "Transition to Off Line"),
            of(0x0a, 0x05, "Transition to Off Duty"),
            of(0x0a, 0x06, "Transition to Degraded"),
            of(0x0a, 0x07, "Transition to Power Save"),
            of(0x0a, 0x08, "Install Error"),
            of(0x0b, 0x00, "Fully Redundant"),
            of(0x0b, 0x01, "Redundancy Lost"),
            of(0x0b, 0x02, "Redundancy Degraded"),
            of(0x0b, 0x03, "Non-Redundant: Sufficient from Redundant"),
            of(0x0b, 0x04, "Non-Redundant: Sufficient from Insufficient"),
            of(0x0b, 0x05, "Non-Redundant: Insufficient Resources"),
            of(0x0b, 0x06, "Redundancy Degraded from Fully Redundant"),
            of(0x0b, 0x07, "Redundancy Degraded from Non-Redundant"),
            of(0x0c, 0x00, "D0 Power State"),
            of(0x0c, 0x01, "D1 Power State"),
            of(0x0c, 0x02, "D2 Power State"),
            of(0x0c, 0x03, "D3 Power State"));

    private GenericEventTexts() {
    }
}

package com.ipmimonitor.ipmi;

/**
 * The change-detection tuple of {@code sel info}: compare (entries, lastAddEpoch, lastEraseEpoch) rather than
 * the add time alone, because several events often share one second.
 *
 * @param lastAddEpoch   epoch seconds UTC, -1 when ipmitool prints "Not Available" or omits the line
 * @param lastEraseEpoch epoch seconds UTC, -1 when not available
 * @param percentUsed    -1 when absent or unknown
 */
public record SelInfo(int entries, long lastAddEpoch, long lastEraseEpoch, boolean overflow, int percentUsed) {

    public static final long NOT_AVAILABLE = -1;
}

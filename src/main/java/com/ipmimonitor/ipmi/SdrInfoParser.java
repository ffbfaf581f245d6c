package com.ipmimonitor.ipmi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * `ipmitool sdr info`. Only what tells that the SDR repository changed matters to us: the record count and
 * the most recent addition and erase times (many BMCs, ipmi_sim among them, print "NA" for both).
 */
public final class SdrInfoParser {

    private SdrInfoParser() {
    }

    /** "27|NA|NA": equal signatures mean the sensor names read earlier are still valid. */
    public static String signature(String stdout) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String count = fields.get("Record Count");
        if (count == null) {
            throw new IpmitoolParseException("sdr info without a Record Count", stdout.strip());
        }
        return count + "|" + fields.getOrDefault("Most recent Addition", "NA") + "|"
                + fields.getOrDefault("Most recent Erase", "NA");
    }
}

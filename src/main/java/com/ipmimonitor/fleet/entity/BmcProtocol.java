package com.ipmimonitor.fleet.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * How a server's BMC is read. AUTO probes https://&lt;bmc&gt;/redfish/v1/ once and remembers what answered, for fleets
 * that mix BMCs with IPMI over LAN switched off (iLO 5/6, iDRAC 9, OpenBMC) and older ones.
 */
public enum BmcProtocol {
    IPMI, REDFISH, AUTO;

    /** The word used in the database, the API, INI/JSON files and forms. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Empty for anything but ipmi, redfish or auto (any case, surrounding blanks ignored). */
    public static Optional<BmcProtocol> findByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (BmcProtocol p : values()) {
            if (p.code().equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}

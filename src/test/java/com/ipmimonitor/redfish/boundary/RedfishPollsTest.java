package com.ipmimonitor.redfish.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.redfish.control.BmcTrust;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedfishPollsTest {

    private static final String A = "cf77f34d5ed0862884c6312da3b19a85c2b92bd00ea78a24a060837c5771101e";

    @Test
    void aKeptClientMustTrustExactlyWhatTheTableSays() {
        assertTrue(RedfishPolls.trusts(BmcTrust.onFirstUse(Optional.empty()), Optional.empty()), "a fresh one");
        assertTrue(RedfishPolls.trusts(BmcTrust.onFirstUse(Optional.of(A)), Optional.of(A.toUpperCase())));
        assertFalse(RedfishPolls.trusts(BmcTrust.onFirstUse(Optional.of(A)), Optional.of("ab" + A.substring(2))),
                "an admin accepted another certificate: a new client");
        assertFalse(RedfishPolls.trusts(BmcTrust.onFirstUse(Optional.of(A)), Optional.empty()),
                "saw a certificate that was never stored: starts again from first use");
    }

    @Test
    void ipv6AddressesGoInBrackets() {
        assertEquals("https://[fd00::1]:443", RedfishPolls.base("fd00::1", 443).toString());
        assertEquals("https://10.0.0.1:8443", RedfishPolls.base("10.0.0.1", 8443).toString());
    }
}

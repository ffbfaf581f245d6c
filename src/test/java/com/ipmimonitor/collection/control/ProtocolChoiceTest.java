package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.collection.control.ProtocolChoice.Read;
import com.ipmimonitor.collection.entity.PollOutcome;
import com.ipmimonitor.fleet.entity.BmcProtocol;
import com.ipmimonitor.redfish.entity.RedfishFailure;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtocolChoiceTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 2, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theOperatorsChoiceStandsWhateverWasDetected() {
        assertEquals(Read.IPMI, ProtocolChoice.of(BmcProtocol.IPMI, Optional.of("redfish"), Optional.empty(), NOW));
        assertEquals(Read.REDFISH, ProtocolChoice.of(BmcProtocol.REDFISH, Optional.of("ipmi"), Optional.of(NOW), NOW));
    }

    @Test
    void autoProbesOnceKeepsRedfishAndRetriesAFailedProbeADayLater() {
        assertEquals(Read.PROBE, ProtocolChoice.of(BmcProtocol.AUTO, Optional.empty(), Optional.empty(), NOW));
        assertEquals(Read.REDFISH, ProtocolChoice.of(BmcProtocol.AUTO, Optional.of("redfish"),
                Optional.of(NOW.minusDays(30)), NOW));
        assertEquals(Read.IPMI, ProtocolChoice.of(BmcProtocol.AUTO, Optional.of("ipmi"),
                Optional.of(NOW.minusHours(23)), NOW));
        assertEquals(Read.PROBE, ProtocolChoice.of(BmcProtocol.AUTO, Optional.of("ipmi"),
                Optional.of(NOW.minusHours(25)), NOW));
        assertEquals(Read.PROBE, ProtocolChoice.of(BmcProtocol.AUTO, Optional.of("ipmi"), Optional.empty(), NOW),
                "detected without a time (set before probes were timed): probe");
    }

    @Test
    void theHttpsPortIs443UnlessThePortIsNotIpmis() {
        assertEquals(443, ProtocolChoice.httpsPort(623));
        assertEquals(8443, ProtocolChoice.httpsPort(8443));
    }

    @Test
    void everyRedfishFailureIsThePollOutcomeOfTheSameName() {
        for (RedfishFailure f : RedfishFailure.values()) {
            assertEquals(f.name(), RedfishOutcomes.of(f).name());
        }
        assertEquals(PollOutcome.CERTIFICATE_CHANGED, RedfishOutcomes.of(RedfishFailure.CERTIFICATE_CHANGED));
    }
}

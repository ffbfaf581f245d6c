package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sensor types a first poll takes from the SDR dump are those `ipmitool -v sdr elist` prints for it. */
class SdrDumpTypesTest {

    private static final byte[] DUMP = HexFormat.of().parseHex(
            Fixtures.ipmitool("ipmi_sim/cached/sdr_dump.hex").replaceAll("\\s", ""));

    @Test
    void theTypesOfTheDumpEqualThoseOfTheVerboseListingOfTheSameSdr() {
        String verbose = SdrSensorReadings.listingIn(Fixtures.ipmitool("ipmi_sim/cached/probe_with_sensors.txt"));
        Map<Integer, Integer> listed = SdrTypesParser.parse(verbose);
        assertEquals(25, listed.size());
        assertEquals(listed, SdrDumpParser.sensorTypes(DUMP));
    }

    @Test
    void eventOnlyRecordsAreNotListedSoTheyHaveNoType() {
        // the fixture's record 2 is the watchdog's Event-Only record (sensor 0, type 0x23): `sdr elist` skips it
        assertEquals(java.util.Optional.empty(), java.util.Optional.ofNullable(SdrDumpParser.sensorTypes(DUMP).get(0)));
        // a Compact record (type 0x02): owner 0x20, lun 0, sensor 0x5a, entity 7.1, type 0x08 at byte 13
        byte[] compact = HexFormat.of().parseHex("0200510218" + "20005a0701" + "0000" + "08" + "6f"
                + "000000000000000000000000" + "c0" + "4142");
        assertEquals(Map.of(0x5a, 0x08), SdrDumpParser.sensorTypes(compact));
    }
}

package com.ipmimonitor.sensors.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.Fuzzing;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** GET /api/sensors/{bmc_ip}/history?sensor= hands the sensor name here as the client sent it. */
class SensorReadingsHistoryTest {

    /** No EntityManager is set: a query that reached the database would fail with a NullPointerException. */
    @Property(tries = 200, seed = Fuzzing.SEED)
    void aSensorNameWithNulHasNoHistoryWithoutAskingTheDatabase(@ForAll String before, @ForAll String after) {
        assertEquals(List.of(), new SensorReadings().historyOf(1, 24, before + "\0" + after));
    }
}

package com.ipmimonitor.ipmi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.ipmi.SensorCondition.Thresholds;
import org.junit.jupiter.api.Test;

class SensorConditionTest {

    // the simulator's fans: lnr 300, lc 500, lnc 700 RPM, no upper thresholds
    private static final Thresholds FAN = new Thresholds(300.0, 500.0, 700.0, null, null, null);
    // its CPU temperature: unc 85, uc 90, unr 95
    private static final Thresholds CPU = new Thresholds(null, null, null, 85.0, 90.0, 95.0);
    private static final Thresholds NONE = new Thresholds(null, null, null, null, null, null);

    @Test
    void valuesInsideTheThresholdsAreOk() {
        assertEquals(SensorCondition.OK, SensorCondition.of("ok", 8400.0, FAN));
        assertEquals(SensorCondition.OK, SensorCondition.of("ok", 45.0, CPU));
    }

    @Test
    void crossingANonCriticalThresholdWarns() {
        assertEquals(SensorCondition.WARNING, SensorCondition.of("ok", 650.0, FAN));
        assertEquals(SensorCondition.WARNING, SensorCondition.of("ok", 85.0, CPU));
    }

    @Test
    void crossingACriticalOrNonRecoverableThresholdIsCritical() {
        assertEquals(SensorCondition.CRITICAL, SensorCondition.of("ok", 400.0, FAN));
        assertEquals(SensorCondition.CRITICAL, SensorCondition.of("ok", 200.0, FAN));
        assertEquals(SensorCondition.CRITICAL, SensorCondition.of("ok", 96.0, CPU));
    }

    @Test
    void theBmcStatusCountsEvenWhenTheValueLooksFine() {
        assertEquals(SensorCondition.CRITICAL, SensorCondition.of("cr", 45.0, CPU));
        assertEquals(SensorCondition.CRITICAL, SensorCondition.of("nr", 45.0, NONE));
        assertEquals(SensorCondition.WARNING, SensorCondition.of("nc", 45.0, NONE));
    }

    @Test
    void theWorseOfStatusAndValueWins() {
        assertEquals(SensorCondition.CRITICAL, SensorCondition.of("nc", 400.0, FAN));
    }

    @Test
    void noReadingIsUnknownNotOk() {
        assertEquals(SensorCondition.UNKNOWN, SensorCondition.of("ns", null, FAN));
        assertEquals(SensorCondition.UNKNOWN, SensorCondition.of(null, null, NONE));
        assertEquals(SensorCondition.OK, SensorCondition.of("na", 12.0, NONE), "a value without thresholds is fine");
    }

    @Test
    void cssClassesAreTheLowerCaseNames() {
        assertEquals("critical", SensorCondition.CRITICAL.cssClass());
    }

    @org.junit.jupiter.api.Test
    void discreteStatesAreColouredByWhatTheyMean() {
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.OK, SensorCondition.ofStates("Presence detected"));
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.OK, SensorCondition.ofStates(""), "nothing asserted");
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.CRITICAL,
                SensorCondition.ofStates("Presence detected, Failure detected"));
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.CRITICAL,
                SensorCondition.ofStates("Presence detected, Power Supply AC lost"));
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.WARNING,
                SensorCondition.ofStates("Presence detected, Predictive failure"));
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.WARNING, SensorCondition.ofStates("Correctable ECC"));
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.CRITICAL, SensorCondition.ofStates("Drive Present, Drive Fault"));
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.WARNING,
                SensorCondition.ofStates("Presence detected, AC out-of-range, but present"), "a state with a comma in it");
        org.junit.jupiter.api.Assertions.assertEquals(SensorCondition.UNKNOWN, SensorCondition.ofStates(null), "not decoded");
    }
}

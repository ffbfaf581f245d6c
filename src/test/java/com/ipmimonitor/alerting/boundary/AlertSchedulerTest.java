package com.ipmimonitor.alerting.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipmimonitor.alerting.control.DispatchPlan;
import jakarta.ejb.Schedule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertSchedulerTest {

    @Test
    void theSafetyNetClaimIsRareAndItsTimerSaysSo() throws Exception {
        Schedule schedule = AlertScheduler.class.getDeclaredMethod("deliver").getAnnotation(Schedule.class);
        assertEquals("*/" + DispatchPlan.SAFETY_NET.toSeconds(), schedule.second());
        assertTrue(DispatchPlan.SAFETY_NET.compareTo(Duration.ofSeconds(15)) >= 0,
                "not a claim every few seconds that wakes an idle JVM");
    }
}

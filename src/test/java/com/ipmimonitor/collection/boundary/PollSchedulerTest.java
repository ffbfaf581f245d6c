package com.ipmimonitor.collection.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.Schedule;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {

    @Test
    void aServerIsDueHalfATickBeforeItsIntervalEnds() {
        assertEquals(Duration.ofMillis(57_500), PollScheduler.dueAfter(Duration.ofSeconds(60)));
        assertEquals(57.5, PollLeases.seconds(PollScheduler.dueAfter(Duration.ofSeconds(60))), "the fraction reaches SQL");
    }

    @Test
    void theTickIsTheScheduleOfTheTimer() throws Exception {
        Schedule schedule = PollScheduler.class.getDeclaredMethod("tick").getAnnotation(Schedule.class);
        assertEquals("*/" + PollScheduler.TICK.toSeconds(), schedule.second());
        assertTrue(schedule.minute().equals("*") && schedule.hour().equals("*"));
    }
}

package com.ipmimonitor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class OrderlyStopTest {

    @Test
    void theFeaturesStopBeforeTheDatabaseEachOnceAndAFailingStepStopsNoOther() {
        List<String> ran = new CopyOnWriteArrayList<>();
        // registered in the order a start happens to give: the database first
        OrderlyStop.whenTheDatabaseStops("test database", () -> ran.add("database"));
        OrderlyStop.beforeTheDatabaseStops("test failing", () -> {
            ran.add("failing");
            throw new IllegalStateException("the step broke");
        });
        OrderlyStop.beforeTheDatabaseStops("test collection", () -> ran.add("collection"));
        OrderlyStop.beforeTheDatabaseStops("test undeployed", () -> ran.add("undeployed"));
        OrderlyStop.forget("test undeployed");

        OrderlyStop.run();
        OrderlyStop.run(); // the JVM hook after an undeploy ran the steps already

        assertEquals(List.of("failing", "collection", "database"), ran);
    }
}

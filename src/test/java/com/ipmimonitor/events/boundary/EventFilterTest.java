package com.ipmimonitor.events.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    @Test
    void nulInTheTextOrServerIsAProblemNotAQueryPostgresRefuses() {
        List<String> problems = new ArrayList<>();

        EventFilter.parse(null, "bmc\0", "ECC\0", null, null, null, 100, problems);

        assertEquals(List.of("q must not contain a NUL character (%00)", "server must not contain a NUL character (%00)"),
                problems);
    }
}

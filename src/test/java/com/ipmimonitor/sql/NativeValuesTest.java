package com.ipmimonitor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NativeValuesTest {

    @Test
    void aTimestampIsTheSameInstantInUtc() {
        Instant at = Instant.parse("2026-11-24T22:50:05.119563Z");
        assertEquals(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), NativeValues.time(Timestamp.from(at)));
    }

    @Test
    void anOffsetDateTimeAndNullPassThrough() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-24T23:50:05+01:00");
        assertEquals(at, NativeValues.time(at));
        assertNull(NativeValues.time(null));
    }
}

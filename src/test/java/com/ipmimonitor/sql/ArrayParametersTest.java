package com.ipmimonitor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayParametersTest {

    @Test
    void quotesEveryElementAndEscapesQuotesAndBackslashes() {
        assertEquals("{}", ArrayParameters.literal(List.of()));
        assertEquals("{\"1\",NULL,\"true\"}", ArrayParameters.literal(Arrays.asList(1L, null, true)));
        assertEquals("{\"a \\\"b\\\" {c},d\\\\e\"}", ArrayParameters.literal(List.of("a \"b\" {c},d\\e")));
        assertEquals("{\"NULL\"}", ArrayParameters.literal(List.of("NULL")));   // the text NULL stays text
    }

    @Test
    void doublesAsJavaPrintsThemWhichPostgresqlReadsBack() {
        assertEquals("{\"400.0\",\"1.0E-5\",\"NaN\",\"-Infinity\"}",
                ArrayParameters.literal(List.of(400.0, 1.0e-5, Double.NaN, Double.NEGATIVE_INFINITY)));
    }

    @Test
    void timesAreIso8601WithTheirOffset() {
        assertEquals("{\"2026-11-01T12:00Z\",\"2026-11-01T12:00:01.500+02:00\"}", ArrayParameters.literal(List.of(
                OffsetDateTime.of(2026, 11, 1, 12, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 11, 1, 12, 0, 1, 500_000_000, ZoneOffset.ofHours(2)))));
    }
}

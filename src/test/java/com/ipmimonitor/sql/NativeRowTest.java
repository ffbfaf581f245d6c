package com.ipmimonitor.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeRowTest {

    enum Kind { FIRE, RESOLVE }

    private static NativeRow row(Object... labelsAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            map.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return NativeRow.of(map);
    }

    @Test
    void readsColumnsByNameWhateverTheirOrder() {
        NativeRow asWritten = row("id", 7L, "bmc_ip", "10.0.0.1", "reachable", true);
        NativeRow reordered = row("reachable", true, "bmc_ip", "10.0.0.1", "id", 7L);
        for (NativeRow r : new NativeRow[] {asWritten, reordered}) {
            assertEquals(7L, r.longValue("id"));
            assertEquals("10.0.0.1", r.string("bmc_ip"));
            assertTrue(r.bool("reachable"));
        }
    }

    @Test
    void aRenamedOrMissingColumnFailsWithItsName() {
        NativeRow r = row("id", 7L, "server_ip", "10.0.0.1");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.string("bmc_ip"));
        assertTrue(e.getMessage().contains("bmc_ip"), e.getMessage());
    }

    @Test
    void anUnaliasedDuplicateLabelFailsInsteadOfHidingAColumn() {
        // PostgreSQL labels both count(*) columns "count"
        Map<Object, Object> map = new java.util.IdentityHashMap<>();
        map.put(new String("count"), 1L);
        map.put(new String("count"), 2L);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> NativeRow.of(map));
        assertTrue(e.getMessage().contains("count"), e.getMessage());
    }

    @Test
    void aValueOfAnotherTypeFailsWithTheColumnsName() {
        NativeRow r = row("bmc_port", "623");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> r.intValue("bmc_port"));
        assertTrue(e.getMessage().contains("bmc_port"), e.getMessage());
    }

    @Test
    void aRowByPositionIsRefused() {
        assertThrows(IllegalStateException.class, () -> NativeRow.of(new Object[] {7L, "10.0.0.1"}));
    }

    @Test
    void readsEveryIntegerTypeThePostgresqlDriverReturns() {
        NativeRow r = row("a", 1, "b", 2L, "c", BigInteger.valueOf(3), "d", new BigDecimal("4.5"), "e", (short) 5);
        assertEquals(1L, r.longValue("a"));
        assertEquals(2, r.intValue("b"));
        assertEquals(3L, r.longValue("c"));
        assertEquals(4.5, r.decimal("d"));
        assertEquals(5, r.integer("e"));
    }

    @Test
    void aRealIsReadAsTheShortestDecimalOfItsFloat() {
        for (double v : new double[] {12.18, 0.1, 3.314, 1.000001, -40.5, 9_999_999, 1e-7}) {
            assertEquals(v, row("value", (float) v).real("value"), String.valueOf(v));
        }
        // float8 and numeric stay as they are
        assertEquals(12.180000000000001, row("value", 12.180000000000001).real("value"));
        assertEquals(4.5, row("value", new BigDecimal("4.5")).real("value"));
        assertEquals(7.0, row("value", 7L).real("value"));
        assertNull(row("value", null).real("value"));
        // decimal, for comparison, widens the float as it is
        assertEquals(12.180000305175781, row("value", 12.18f).decimal("value"));
    }

    @Test
    void aRealOfAnotherTypeOrAMissingRealFailsWithTheColumnsName() {
        IllegalStateException wrongType = assertThrows(IllegalStateException.class, () -> row("value", "12.18").real("value"));
        assertTrue(wrongType.getMessage().contains("value"), wrongType.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> row("val", 12.18f).real("value"));
        assertTrue(missing.getMessage().contains("value"), missing.getMessage());
    }

    @Test
    void nullsAreEmptyWhereAllowedAndLoudWhereNot() {
        NativeRow r = row("sel_entries", null, "enabled", null, "sent_at", null);
        assertNull(r.integer("sel_entries"));
        assertEquals(java.util.Optional.empty(), r.findLong("sel_entries"));
        assertNull(r.nullableBool("enabled"));
        assertNull(r.time("sent_at"));
        assertThrows(IllegalStateException.class, () -> r.bool("enabled"));
        assertThrows(IllegalStateException.class, () -> r.longValue("sel_entries"));
    }

    @Test
    void labelsAreComparedInLowerCaseAsPostgresqlFoldsThem() {
        NativeRow r = row("BMC_IP", "10.0.0.1");
        assertEquals("10.0.0.1", r.string("bmc_ip"));
    }

    @Test
    void readsTimestampsAndEnums() {
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        NativeRow r = row("sent_at", Timestamp.from(at), "kind", "RESOLVE");
        assertEquals(OffsetDateTime.ofInstant(at, ZoneOffset.UTC), r.time("sent_at"));
        assertEquals(Kind.RESOLVE, r.enumValue("kind", Kind.class));
    }
}

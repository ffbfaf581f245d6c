package com.ipmimonitor.collection.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelFillTest {

    @Test
    void theRatioIsPercentUsedAndAnOverflowedSelCountsAsFull() {
        assertEquals(Optional.of(0.42), new SelFill(42, false).usedRatio());
        assertEquals(Optional.of(1.0), new SelFill(35, true).usedRatio(), "events were lost, whatever was deleted since");
        assertEquals(Optional.of(1.0), new SelFill(null, true).usedRatio());
        assertEquals(Optional.empty(), SelFill.UNKNOWN.usedRatio());
        assertEquals(Optional.of(1.0), new SelFill(250, false).usedRatio(), "a BMC's nonsense stays within 0..1");
    }

    @Test
    void fullFromNinetyPercentOrOnOverflow() {
        assertFalse(new SelFill(89, false).full());
        assertTrue(new SelFill(90, false).full());
        assertTrue(new SelFill(0, true).full());
        assertFalse(SelFill.UNKNOWN.full());
    }

    @Test
    void describedForTheCards() {
        assertEquals("SEL 93 % used", new SelFill(93, false).describe());
        assertEquals("SEL full, events lost", new SelFill(100, true).describe());
        assertEquals("", SelFill.UNKNOWN.describe());
    }
}

package com.ipmimonitor.observability.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapPressureTest {

    private static final long MAX = 1000;

    @Test
    void aHeapFullAfterSeveralCollectionsInARowIsExhausted() {
        HeapPressure heap = new HeapPressure(0.95, 3);
        heap.collected(960, MAX);
        heap.collected(990, MAX);
        assertFalse(heap.exhausted(), "two full collections are not yet three");
        heap.collected(950, MAX);
        assertTrue(heap.exhausted());
        assertEquals(95, heap.percentUsed());
        assertEquals(3, heap.fullCollectionsInARow());
    }

    @Test
    void oneCollectionThatFreesTheHeapStartsTheCountAgain() {
        HeapPressure heap = new HeapPressure(0.95, 3);
        heap.collected(990, MAX);
        heap.collected(990, MAX);
        heap.collected(400, MAX);
        heap.collected(990, MAX);
        heap.collected(990, MAX);
        assertFalse(heap.exhausted());
        heap.collected(990, MAX);
        assertTrue(heap.exhausted());
        heap.collected(100, MAX);
        assertFalse(heap.exhausted(), "recovered");
        assertEquals(10, heap.percentUsed());
    }

    @Test
    void beforeTheFirstCollectionAllIsWell() {
        HeapPressure heap = new HeapPressure(0.95, 1);
        assertFalse(heap.exhausted());
        assertEquals(0, heap.percentUsed());
        heap.collected(10, 0);
        assertFalse(heap.exhausted(), "an unknown maximum is never full");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HeapPressure(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new HeapPressure(1.5, 3));
        assertThrows(IllegalArgumentException.class, () -> new HeapPressure(0.9, 0));
    }
}

package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelCursorTest {

    private static final SelCursor KNOWN = new SelCursor(40, 1_793_407_123L, 1_793_000_000L, Optional.of(40));

    @Test
    void sameEntriesAddTimeAndEraseTimeIsUnchanged() {
        assertTrue(KNOWN.unchanged(40, 1_793_407_123L, 1_793_000_000L));
    }

    @Test
    void anyDifferingPartOfTheTupleIsAChange() {
        // several events may share one second of Last Add Time: a new entry alone is a change
        assertFalse(KNOWN.unchanged(41, 1_793_407_123L, 1_793_000_000L));
        assertFalse(KNOWN.unchanged(40, 1_793_407_124L, 1_793_000_000L));
        assertFalse(KNOWN.unchanged(40, 1_793_407_123L, 1_793_000_001L));
    }

    @Test
    void unknownCursorIsNeverUnchangedAndAlwaysNeedsResync() {
        assertFalse(SelCursor.UNKNOWN.unchanged(0, 0, 0));
        assertTrue(SelCursor.UNKNOWN.needsResync(-1, -1));
        assertTrue(SelCursor.UNKNOWN.needsResync(10, 1_793_000_000L));
    }

    @Test
    void newEntriesWithTheSameEraseTimeNeedNoResync() {
        assertFalse(KNOWN.needsResync(40, 1_793_000_000L));
        assertFalse(KNOWN.needsResync(45, 1_793_000_000L));
    }

    @Test
    void fewerEntriesMeanAClearWrapOrDeleteAndNeedAResync() {
        assertTrue(KNOWN.needsResync(39, 1_793_000_000L));
        assertTrue(KNOWN.needsResync(0, 1_793_000_000L));
    }

    @Test
    void changedEraseTimeNeedsAResyncEvenWithMoreEntries() {
        assertTrue(KNOWN.needsResync(50, 1_793_500_000L));
    }

    @Test
    void noKnownLastRecordNeedsAResync() {
        SelCursor noRecord = new SelCursor(0, 1_793_407_123L, 1_793_000_000L, Optional.empty());

        assertTrue(noRecord.needsResync(0, 1_793_000_000L));
        assertTrue(noRecord.unchanged(0, 1_793_407_123L, 1_793_000_000L));
    }
}

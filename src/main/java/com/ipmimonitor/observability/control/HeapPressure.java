package com.ipmimonitor.observability.control;

/**
 * Whether garbage collection can still free the heap: a heap that stays nearly full after several collections in a
 * row is an application about to fail with OutOfMemoryError, or already failing requests with it (answering 500
 * while its readiness, a database query, still passes). One full reading is not enough: a young collection leaves
 * the old generation's garbage in place until the next mixed one.
 */
public final class HeapPressure {

    private final double fullRatio;
    private final int inARow;
    private int fullCollections;
    private long lastUsed;
    private long lastMax;

    public HeapPressure(double fullRatio, int inARow) {
        if (fullRatio <= 0 || fullRatio > 1 || inARow < 1) {
            throw new IllegalArgumentException("heap pressure needs 0 < ratio <= 1 and at least one collection");
        }
        this.fullRatio = fullRatio;
        this.inARow = inARow;
    }

    /** What one collection left: bytes in use after it, of the heap's maximum. */
    public synchronized void collected(long usedAfter, long max) {
        lastUsed = usedAfter;
        lastMax = max;
        fullCollections = max > 0 && usedAfter >= fullRatio * max ? fullCollections + 1 : 0;
    }

    public synchronized boolean exhausted() {
        return fullCollections >= inARow;
    }

    /** Percent of the maximum in use after the last collection (0 before the first one). */
    public synchronized int percentUsed() {
        return lastMax <= 0 ? 0 : (int) Math.round(100.0 * lastUsed / lastMax);
    }

    public synchronized int fullCollectionsInARow() {
        return fullCollections;
    }
}

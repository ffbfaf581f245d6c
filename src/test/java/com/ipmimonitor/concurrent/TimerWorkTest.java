package com.ipmimonitor.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimerWorkTest {

    private final List<Runnable> queued = new ArrayList<>();

    @Test
    void aTickWhileTheLastRunIsBusyIsSkipped() {
        AtomicInteger runs = new AtomicInteger();
        TimerWork work = new TimerWork("test", runs::incrementAndGet);
        work.start(queued::add);
        work.start(queued::add);
        assertEquals(1, queued.size(), "one run at a time");
        queued.remove(0).run();
        work.start(queued::add);
        assertEquals(1, queued.size(), "the next tick starts again once the run ended");
        queued.remove(0).run();
        assertEquals(2, runs.get());
    }

    @Test
    void aFailingRunNeitherThrowsIntoTheExecutorNorBlocksTheNextTick() {
        TimerWork work = new TimerWork("test", () -> {
            throw new IllegalStateException("database down");
        });
        work.start(queued::add);
        queued.remove(0).run();
        work.start(queued::add);
        assertEquals(1, queued.size());
    }

    @Test
    void aRefusedStartDoesNotBlockTheNextTick() {
        TimerWork work = new TimerWork("test", () -> { });
        work.start(task -> {
            throw new RejectedExecutionException("shutting down");
        });
        work.start(queued::add);
        assertEquals(1, queued.size());
    }

    @Test
    void requestsWhileARunIsUnderWayMakeExactlyOneMoreRun() {
        AtomicInteger runs = new AtomicInteger();
        TimerWork[] work = new TimerWork[1];
        work[0] = new TimerWork("test", () -> {
            if (runs.incrementAndGet() == 1) {
                // what a finished send and an evaluation ask for while the claim runs
                work[0].request(queued::add);
                work[0].request(queued::add);
            }
        });
        work[0].request(queued::add);
        assertEquals(1, queued.size(), "one run at a time");
        queued.remove(0).run();
        assertEquals(2, runs.get(), "the requests during the first run were served by one more run, not dropped");
        assertEquals(0, queued.size());
    }

    @Test
    void aTickWhileARunIsUnderWayIsStillSkipped() {
        AtomicInteger runs = new AtomicInteger();
        TimerWork[] work = new TimerWork[1];
        work[0] = new TimerWork("test", () -> {
            if (runs.incrementAndGet() == 1) {
                work[0].start(queued::add);
            }
        });
        work[0].request(queued::add);
        queued.remove(0).run();
        assertEquals(1, runs.get());
        assertEquals(0, queued.size());
    }

    @Test
    void aFailedRunServesTheRequestsMadeMeanwhile() {
        AtomicInteger runs = new AtomicInteger();
        TimerWork[] work = new TimerWork[1];
        work[0] = new TimerWork("test", () -> {
            if (runs.incrementAndGet() == 1) {
                work[0].request(queued::add);
                throw new IllegalStateException("database down");
            }
        });
        work[0].request(queued::add);
        queued.remove(0).run();
        assertEquals(2, runs.get());
        work[0].request(queued::add);
        assertEquals(1, queued.size(), "not left busy");
    }
}

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
}

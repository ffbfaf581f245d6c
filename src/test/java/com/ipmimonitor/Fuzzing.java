package com.ipmimonitor;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Shared settings of the property-based tests. The seed is fixed so that a CI run is repeatable: a property that
 * fails once fails again with the same sample. To explore, run with another seed in the {@code @Property}.
 */
public final class Fuzzing {

    public static final String SEED = "20261124";

    /** One try of any input is far below this; only a loop that never ends (or a regex that backtracks) reaches it. */
    public static final Duration DEADLINE = Duration.ofSeconds(2);

    // one daemon thread for all tries (a thread per call would cost more than most calls it watches), replaced
    // when a call overran, since that call may never give its thread back
    private static ExecutorService watched = newWatcher();

    private Fuzzing() {
    }

    /**
     * Runs the call with {@link #DEADLINE}; its exceptions are rethrown as they are, so a property can tell a
     * documented parse error from a crash. A call past the deadline fails the try with AssertionError.
     */
    public static synchronized <T> T withinDeadline(Callable<T> call) throws Exception {
        Future<T> result = watched.submit(call);
        try {
            return result.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            watched.shutdownNow();
            watched = newWatcher();
            throw new AssertionError("no answer within " + DEADLINE + ": a loop that never ends?");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    private static ExecutorService newWatcher() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzzing-deadline");
            t.setDaemon(true);
            return t;
        });
    }
}

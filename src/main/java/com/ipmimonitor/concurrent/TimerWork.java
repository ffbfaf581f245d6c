package com.ipmimonitor.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work an EJB timer starts but does not run itself: Payara expunges a calendar timer after two failed
 * deliveries, and a delivery whose database calls fail counts as failed even when the exception is caught (found
 * by DatabaseOutageIT: ten seconds without PostgreSQL stopped collection until a restart). The timer callback
 * only calls start(); the work runs on the executor, one run at a time (a tick while the last run is still busy
 * is skipped), and its failures are logged, never thrown. Work that must not miss a request (it announces
 * something new the run under way may have looked for too early) uses request() instead.
 */
public final class TimerWork {

    private static final Logger LOG = Logger.getLogger(TimerWork.class.getName());

    private final String name;
    private final Runnable work;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public TimerWork(String name, Runnable work) {
        this.name = name;
        this.work = work;
    }

    /** A tick: runs the work unless a run is under way. */
    public void start(Executor executor) {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::runWhileRequested);
        } catch (RuntimeException e) {
            busy.set(false);
            LOG.log(Level.WARNING, name + " not started", e);
        }
    }

    /** Runs the work, or once more after the run under way (however many requests came meanwhile). */
    public void request(Executor executor) {
        requested.set(true);
        start(executor);
    }

    private void runWhileRequested() {
        do {
            try {
                do {
                    requested.set(false);
                    runOnce();
                } while (requested.get());
            } finally {
                busy.set(false);
            }
            // a request between the last look and busy=false found this run busy: it is this run's to serve
        } while (requested.get() && busy.compareAndSet(false, true));
    }

    private void runOnce() {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " failed", e);
        }
    }
}

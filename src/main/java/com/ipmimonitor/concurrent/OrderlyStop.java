package com.ipmimonitor.concurrent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the app does when its JVM is asked to stop (SIGTERM from a service manager or `docker stop`), in order:
 * first the steps of the features (collection hands back its leases), then the database's (the embedded
 * PostgreSQL stops). Payara Micro answers SIGTERM from a JVM shutdown hook of its own, without undeploying the
 * app, so no {@code @PreDestroy} runs then; and separate hooks would run at the same time, letting the database
 * go before the features are done with it. On an undeploy (Payara Server) a feature runs its step from
 * {@code @PreDestroy} and takes it back with {@link #forget}.
 */
public final class OrderlyStop {

    private static final Logger LOG = Logger.getLogger(OrderlyStop.class.getName());
    private static final Map<String, Runnable> FEATURES = new LinkedHashMap<>();
    private static final Map<String, Runnable> DATABASE = new LinkedHashMap<>();
    private static boolean hooked;

    private OrderlyStop() {
    }

    public static synchronized void beforeTheDatabaseStops(String name, Runnable step) {
        FEATURES.put(name, step);
        hook();
    }

    public static synchronized void whenTheDatabaseStops(String name, Runnable step) {
        DATABASE.put(name, step);
        hook();
    }

    public static synchronized void forget(String name) {
        FEATURES.remove(name);
        DATABASE.remove(name);
    }

    /** Runs every step once, features first; a failing step is logged and the next one still runs. */
    static synchronized void run() {
        List<Map.Entry<String, Runnable>> steps = new ArrayList<>(FEATURES.entrySet());
        steps.addAll(DATABASE.entrySet());
        FEATURES.clear();
        DATABASE.clear();
        for (Map.Entry<String, Runnable> step : steps) {
            try {
                step.getValue().run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "stopping: " + step.getKey() + " failed", e);
            }
        }
    }

    private static void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(OrderlyStop::run, "orderly-stop"));
            hooked = true;
        }
    }
}

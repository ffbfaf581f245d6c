package com.ipmimonitor.database.control;

import com.ipmimonitor.concurrent.OrderlyStop;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The PostgreSQL the app runs itself when db.url is left at its built-in default. One per JVM:
 * started before the persistence unit connects, stopped with the application.
 */
public final class EmbeddedDatabase {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/ipmimon";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());
    private static PostgresCluster running;
    /** Payara re-creates the persistence unit while shutting down; that must not start PostgreSQL again. */
    private static boolean stopped;

    private EmbeddedDatabase() {
    }

    /** config maps a property name (db.url, db.user, db.password, data.dir) to its value. */
    public static synchronized void startIfDefault(UnaryOperator<String> config) {
        String url = config.apply("db.url");
        if (running != null || stopped || !DEFAULT_URL.equals(url)) {
            return;
        }
        PostgresCluster cluster = new PostgresCluster(Path.of(config.apply("data.dir"), "postgres"),
                URI.create(url.substring("jdbc:".length())).getPort(), config.apply("db.user"), config.apply("db.password"));
        if (cluster.isListening()) {
            LOG.info("a PostgreSQL already listens on " + url + "; using it");
            return;
        }
        LOG.info("no DB_URL configured: starting the embedded PostgreSQL in " + config.apply("data.dir"));
        cluster.start(URI.create(url.substring("jdbc:".length())).getPath().substring(1), "");
        running = cluster;
        OrderlyStop.whenTheDatabaseStops("embedded PostgreSQL", EmbeddedDatabase::stop);
    }

    public static synchronized void stop() {
        Optional.ofNullable(running).ifPresent(PostgresCluster::stop);
        running = null;
        stopped = true;
    }
}

package com.ipmimonitor.database.control;

import com.ipmimonitor.concurrent.OrderlyStop;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The PostgreSQL the app runs itself when db.url is left at its built-in default. One per JVM:
 * started before the persistence unit connects, stopped with the application. It belongs to DATA_DIR: one already
 * running is used only when it is that directory's own (a start after a crash); any other on the port stops the start.
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
        String dataDir = config.apply("data.dir");
        int port = URI.create(url.substring("jdbc:".length())).getPort();
        PostgresCluster cluster = new PostgresCluster(Path.of(dataDir, "postgres"), port, config.apply("db.user"),
                config.apply("db.password"));
        if (cluster.isListening() && !cluster.isOwnServerListening()) {
            throw new IllegalStateException(taken(dataDir, port));
        }
        LOG.info(cluster.isListening()
                ? "the embedded PostgreSQL of DATA_DIR=" + dataDir + " already runs (left by an earlier start); using it"
                : "no DB_URL configured: starting the embedded PostgreSQL in DATA_DIR=" + dataDir);
        cluster.start(URI.create(url.substring("jdbc:".length())).getPath().substring(1), "");
        running = cluster;
        OrderlyStop.whenTheDatabaseStops("embedded PostgreSQL", EmbeddedDatabase::stop);
    }

    /**
     * The embedded database belongs to its DATA_DIR. A second instance on the host (a DATA_DIR of its own, no DB_URL)
     * used to find the first one's PostgreSQL on the port and use it: it showed and polled the other fleet.
     */
    static String taken(String dataDir, int port) {
        return "no DB_URL is set, and 127.0.0.1:" + port + ", where the embedded PostgreSQL of DATA_DIR=" + dataDir
                + " listens, is taken by another PostgreSQL (another IPMI Monitor's, or any other): set DB_URL (and"
                + " DB_USER, DB_PASSWORD) to the database this instance should use, or stop what listens there";
    }

    public static synchronized void stop() {
        Optional.ofNullable(running).ifPresent(PostgresCluster::stop);
        running = null;
        stopped = true;
    }
}

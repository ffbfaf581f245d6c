package com.ipmimonitor.database.boundary;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells an exception caused by the database being out of reach (stopped, restarting, the network gone) from
 * one that is a bug: the first is a 503 "try again", the second a 500. Either way nothing of it is shown.
 */
public final class DatabaseOutage {

    // SQLSTATE class 08 is "connection exception"; 57P01-57P03 are PostgreSQL shutting down or starting up
    private static final String CONNECTION_CLASS = "08";
    private static final String SHUTDOWN_CLASS = "57P0";
    // Payara's pool says so when it cannot open a connection at all; its exception is not on our class path
    private static final String POOL_REFUSAL = "Error in allocating a connection";
    private static final int MAX_DEPTH = 64;

    private DatabaseOutage() {
    }

    public static boolean isCauseOf(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.size() < MAX_DEPTH && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || isConnectionState(t)
                    || String.valueOf(t.getMessage()).contains(POOL_REFUSAL)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionState(Throwable t) {
        if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        return sql.getSQLState().startsWith(CONNECTION_CLASS) || sql.getSQLState().startsWith(SHUTDOWN_CLASS);
    }
}

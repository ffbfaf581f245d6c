package com.ipmimonitor.it;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A server of a test's own, written straight into the shared app's database and disabled, so never polled: for the
 * tests of what the database stores and answers (SensorHistoryIT, PowerHistoryIT), with the SQL they run there.
 */
final class UnpolledServer {

    private static final ItEnvironment env = ItEnvironment.get();

    private UnpolledServer() {
    }

    /** Adds it (after one a broken run left behind); returns its id. */
    static long add(String bmcIp, String name) throws SQLException {
        execute("delete from server where bmc_ip = '" + bmcIp + "'");
        return number("insert into server (bmc_ip, server_name, enabled) values ('" + bmcIp + "', '" + name
                + "', false) returning id");
    }

    static void remove(long serverId) throws SQLException {
        execute("delete from server where id = " + serverId);
    }

    /** The first column of the first row. */
    static long number(String sql) throws SQLException {
        try (Connection db = env.appDatabase(); var st = db.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(String sql) throws SQLException {
        try (Connection db = env.appDatabase(); var st = db.createStatement()) {
            st.execute(sql);
        }
    }
}

package com.ipmimonitor.database.control;

import java.util.Optional;

/**
 * What a PostgreSQL server writes into its data directory while it runs (postmaster.pid): line 1 its pid, line 2
 * the data directory, line 4 the port. Read to tell this DATA_DIR's own server from any other PostgreSQL that
 * listens on the port.
 */
record PostmasterPid(long pid, String dataDir, int port) {

    /** Empty when the text is not a postmaster.pid (too short, or a line that does not parse). */
    static Optional<PostmasterPid> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostmasterPid(Long.parseLong(lines[0].strip()), lines[1].strip(),
                    Integer.parseInt(lines[3].strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

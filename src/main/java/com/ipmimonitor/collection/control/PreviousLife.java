package com.ipmimonitor.collection.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who polled for this DATA_DIR before this start. A lease names its owner (pid@host), which changes with every
 * start, so after a kill -9 the servers whose polls were under way waited out their leases (9 minutes by default)
 * although nobody polled them. The owner name of each start is written into DATA_DIR/collector-owner; the next start
 * takes the leases of that owner back at once, unless that owner is a process still alive on this host (a second
 * instance wrongly given the same DATA_DIR: its polls are left alone and its leases expire as before).
 */
public final class PreviousLife {

    static final String FILE = "collector-owner";
    private static final Logger LOG = Logger.getLogger(PreviousLife.class.getName());

    private PreviousLife() {
    }

    /** The owner whose leases to take back, if any; records me as the owner from now on either way. */
    public static Optional<String> takeOver(Path dataDir, String me) {
        Path file = dataDir.resolve(FILE);
        Optional<String> previous = read(file).filter(owner -> owner.equals(me) || !aliveHere(owner));
        try {
            Files.createDirectories(dataDir);
            Files.writeString(file, me + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warning("cannot record the collector's owner name in " + file + " (" + e.getMessage()
                    + "); after a crash its leases expire instead of being taken back at once");
        }
        return previous;
    }

    /** pid@host, as the JVM names itself: alive when the host is this one and a process with that pid runs. */
    static boolean aliveHere(String owner) {
        int at = owner.indexOf('@');
        if (at <= 0 || !owner.substring(at + 1).equals(thisHost())) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String thisHost() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        return name.substring(name.indexOf('@') + 1);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

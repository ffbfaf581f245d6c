package com.ipmimonitor.database.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which server on the port is this data directory's own: a listener stands in for PostgreSQL. */
class PostgresClusterTest {

    @TempDir
    Path dataDir;
    private ServerSocket listener;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    @Test
    void aServerWhosePidFileNamesALiveProcessThisDirectoryAndPortIsOurs() throws IOException {
        pidFile(ProcessHandle.current().pid(), dataDir, listener.getLocalPort());
        assertTrue(cluster().isOwnServerListening());
    }

    @Test
    void anotherServerOnThePortIsNotOurs() throws IOException {
        assertFalse(cluster().isOwnServerListening(), "no pid file: someone else listens");
        pidFile(deadPid(), dataDir, listener.getLocalPort());
        assertFalse(cluster().isOwnServerListening(), "a pid file left by a crash");
        pidFile(ProcessHandle.current().pid(), dataDir.resolveSibling("another-data-dir"), listener.getLocalPort());
        assertFalse(cluster().isOwnServerListening(), "another directory's server");
        pidFile(ProcessHandle.current().pid(), dataDir, listener.getLocalPort() == 65535 ? 65534 : listener.getLocalPort() + 1);
        assertFalse(cluster().isOwnServerListening(), "ours, but on another port");
    }

    private PostgresCluster cluster() {
        return new PostgresCluster(dataDir, listener.getLocalPort(), "ipmimon", "ipmimon");
    }

    private void pidFile(long pid, Path dir, int port) throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + dir + "\n1765049011\n" + port + "\n" + dir
                + "\n127.0.0.1\n  5432001    753664\nready   \n");
    }

    private static long deadPid() throws IOException {
        Process gone = new ProcessBuilder("true").start();
        try {
            gone.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return gone.pid();
    }
}

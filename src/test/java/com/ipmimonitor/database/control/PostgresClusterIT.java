package com.ipmimonitor.database.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's port taken for a moment by somebody's outgoing connection (ports above 32767 are Linux's ephemeral
 * range, and CI once failed to start a test cluster on 55436 that way): the cluster starts once the port is free.
 */
class PostgresClusterIT {

    private static final int PORT = 55461;
    private final Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ipmimon-it-pg-" + PORT);
    private final PostgresCluster cluster = new PostgresCluster(dir.resolve("data"), PORT, "ipmimon", "ipmimon");

    @AfterEach
    void stop() throws IOException {
        cluster.stop();
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int refusals(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log).split("Address already in use", -1).length - 1 : 0;
    }

    @Test
    void aPortHeldByAClientConnectionForAMomentDelaysTheStartInsteadOfFailingIt() throws Exception {
        cluster.stop();
        try (ServerSocket far = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            // what the kernel does when it picks PORT as the local end of an outgoing connection
            client.bind(new InetSocketAddress("127.0.0.1", PORT));
            client.connect(far.getLocalSocketAddress());
            CompletableFuture<Void> started = CompletableFuture.runAsync(() -> cluster.start("taken_it", "-c fsync=off"));
            // two refusals in the log: the first was retried rather than failing the start
            Path log = dir.resolve("data/server.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (refusals(log) < 2 && !started.isDone() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertTrue(refusals(log) >= 2, "PostgreSQL was not refused the held port twice within 90 s");
            assertTrue(!started.isDone(), "PostgreSQL started while the port was held (or failed at once)");
            client.setSoLinger(true, 0); // the connection ends (reset: no FIN_WAIT/TIME_WAIT left behind to wait out)
            client.close();
            started.get(90, TimeUnit.SECONDS);
        }
        assertTrue(cluster.isListening());
        assertTrue(Files.readString(dir.resolve("data/server.log")).contains("Address already in use"),
                "the port was not taken after all");
    }
}

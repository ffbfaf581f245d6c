package com.ipmimonitor.database.control;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A real PostgreSQL server from Debian's packages, run from a data directory of ours on 127.0.0.1.
 * Used by the app when no database is configured, and by the integration tests for a throwaway cluster.
 * PostgreSQL refuses to run as root, so under root every server command runs as the "postgres" user.
 */
public class PostgresCluster {

    private static final Logger LOG = Logger.getLogger(PostgresCluster.class.getName());
    /** 20 tries 3 s apart: a minute for a connection that holds the port to end. */
    private static final int PORT_TAKEN_ATTEMPTS = 20;
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path dataDir;
    private final int port;
    private final String superuser;
    private final String password;
    private final Path binDir;

    public PostgresCluster(Path dataDir, int port, String superuser, String password) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.superuser = superuser;
        this.password = password;
        this.binDir = findBinDir();
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the cluster if missing, starts it unless running, and creates the database if missing. */
    public void start(String database, String extraServerOptions) {
        try {
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initdb();
            }
            if (!isListening()) {
                startServer(extraServerOptions);
            }
            createDatabaseIfMissing(database);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * pg_ctl start, again while the port is taken by someone's outgoing connection: our ports lie in Linux's
     * ephemeral range (32768 - 60999), so a client socket (any connection on a busy machine) can hold 127.0.0.1:port
     * for a moment, and PostgreSQL then refuses to start ("could not bind IPv4 address: Address already in use",
     * seen once in CI). A PostgreSQL already listening there was ruled out by isListening.
     */
    private void startServer(String extraServerOptions) throws IOException {
        Path log = dataDir.resolve("server.log");
        for (int attempt = 1; ; attempt++) {
            long logSize = Files.exists(log) ? Files.size(log) : 0;
            try {
                run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", log.toString(),
                        "-w", "-t", "60", "-o", serverOptions(extraServerOptions), "start"));
                return;
            } catch (IOException e) {
                if (attempt >= PORT_TAKEN_ATTEMPTS || !portWasTaken(log, logSize) || isListening()) {
                    throw e;
                }
                LOG.warning("port " + port + " is taken by another socket; starting PostgreSQL again in 3 s");
                sleep(Duration.ofSeconds(3));
            }
        }
    }

    private static boolean portWasTaken(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        byte[] all = Files.readAllBytes(log);
        String written = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                StandardCharsets.UTF_8);
        return written.contains("Address already in use");
    }

    private static void sleep(Duration pause) throws IOException {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for port", e);
        }
    }

    public void stop() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "30", "stop"));
            }
        } catch (IOException e) {
            LOG.warning("stopping PostgreSQL in " + dataDir + " failed: " + e.getMessage());
        }
    }

    /**
     * Whether the server listening on our port is this data directory's own: its postmaster.pid names a live
     * process, this directory and this port. Anything else on the port (another instance's embedded PostgreSQL, a
     * system one) is not ours to use.
     */
    public boolean isOwnServerListening() {
        return ownServer().filter(server -> server.port() == port).isPresent() && isListening();
    }

    private Optional<PostmasterPid> ownServer() {
        Path file = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return PostmasterPid.parse(Files.readString(file, StandardCharsets.UTF_8))
                    .filter(server -> ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false))
                    .filter(server -> sameDirectory(Path.of(server.dataDir())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private boolean sameDirectory(Path other) {
        try {
            return Files.isSameFile(other, dataDir);
        } catch (IOException e) {
            return other.toAbsolutePath().normalize().equals(dataDir.normalize());
        }
    }

    public boolean isListening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String serverOptions(String extra) {
        // loopback only; the socket lives in the data dir so no system directory has to be writable
        return "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dataDir
                + (extra == null || extra.isBlank() ? "" : " " + extra);
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDir);
        if (runningAsRoot() && !reachableByServerUser(dataDir.getParent())) {
            throw new IOException("the postgres user cannot reach " + dataDir.getParent()
                    + "; set DATA_DIR to a directory it can traverse, e.g. /var/lib/ipmi-monitor");
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        Path pwFile = dataDir.resolveSibling(dataDir.getFileName() + ".pw");
        Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
        chownToServerUser(pwFile);
        chownToServerUser(dataDir);
        try {
            run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", superuser, "--pwfile=" + pwFile,
                    "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"));
        } finally {
            Files.deleteIfExists(pwFile);
        }
        LOG.info("created PostgreSQL cluster in " + dataDir);
    }

    private void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsupported database name: " + database);
        }
        var login = new Properties();
        login.setProperty("user", superuser);
        login.setProperty("password", password);
        // the driver itself, not DriverManager: inside the container it only sees drivers of its own class loader
        try (var c = new org.postgresql.Driver().connect(jdbcUrl("postgres"), login);
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean reachableByServerUser(Path dir) {
        try {
            Process p = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-x", dir.toString()).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void chownToServerUser(Path path) throws IOException {
        if (runningAsRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", path.toString()));
        }
    }

    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (runningAsRoot() && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("pgcmd", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException(command.get(0) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private String bin(String name) {
        return binDir.resolve(name).toString();
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Debian installs each major version side by side; take the newest. */
    private static Path findBinDir() {
        Path root = Path.of("/usr/lib/postgresql");
        String[] versions = root.toFile().list();
        if (versions == null || versions.length == 0) {
            throw new IllegalStateException("PostgreSQL server binaries not found under " + root
                    + " (apt-get install postgresql)");
        }
        return Arrays.stream(versions).filter(v -> v.matches("\\d+"))
                .max(Comparator.comparingInt(Integer::parseInt))
                .map(v -> root.resolve(v).resolve("bin"))
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL version under " + root));
    }
}

package com.ipmimonitor.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway OpenLDAP server (Debian's slapd) of the test's own: slapd.conf and an mdb database in a temp
 * directory, seeded offline with slapadd, listening on 127.0.0.1 only (ldap:// and ldaps:// with a
 * self-signed certificate for IP 127.0.0.1 made by openssl), run as the current user in the foreground (-d 0)
 * so that killing the process ends it. Passwords are stored as {SSHA} hashes computed here, so none appears
 * on a command line.
 */
final class Slapd implements AutoCloseable {

    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Path SLAPADD = Path.of("/usr/sbin/slapadd");
    private static final Path SCHEMA = Path.of("/etc/ldap/schema");

    private final Path dir;
    private final Process process;

    private Slapd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts slapd for suffix on 127.0.0.1:port (ldap) and :ldapsPort (ldaps) with the entries of seed (LDIF), in a fresh dir. */
    static Slapd start(Path dir, int port, int ldapsPort, String suffix, String seed) throws IOException {
        if (!Files.isExecutable(SLAPD) || !Files.isExecutable(SLAPADD)) {
            throw new IllegalStateException("slapd is not installed (apt-get install slapd ldap-utils, see scripts/setup.sh)");
        }
        stopLeftOver(dir);
        for (int p : new int[] {port, ldapsPort}) {
            if (listening(p)) {
                throw new IllegalStateException("something already listens on 127.0.0.1:" + p);
            }
        }
        deleteRecursively(dir);
        Files.createDirectories(dir.resolve("db"));
        Path config = dir.resolve("slapd.conf");
        // no passphrase on the key: nothing secret has to be handed to openssl or slapd
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", dir.resolve("key.pem").toString(),
                "-out", dir.resolve("cert.pem").toString()), dir.resolve("openssl.log"));
        Files.writeString(config, config(dir, suffix));
        Path ldif = dir.resolve("seed.ldif");
        Files.writeString(ldif, seed, StandardCharsets.UTF_8);
        run(List.of(SLAPADD.toString(), "-f", config.toString(), "-l", ldif.toString()), dir.resolve("slapadd.log"));
        Process process = new ProcessBuilder(SLAPD.toString(),
                "-h", "ldap://127.0.0.1:" + port + "/ ldaps://127.0.0.1:" + ldapsPort + "/",
                "-f", config.toString(), "-d", "0")
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        Slapd slapd = new Slapd(dir, process);
        // a test JVM that is killed skips @AfterAll; slapd in the foreground would outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "slapd-stop"));
        slapd.awaitListening(port);
        slapd.awaitListening(ldapsPort);
        return slapd;
    }

    /** The slapd of an earlier run that died before its teardown: known by the pid file in our own directory. */
    private static void stopLeftOver(Path dir) throws IOException {
        Path pidFile = dir.resolve("slapd.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String config = dir.resolve("slapd.conf").toString();
        ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                .filter(p -> p.info().commandLine().orElse("").contains(config))
                .ifPresent(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(20, TimeUnit.SECONDS).join();
                });
    }

    private static String config(Path dir, String suffix) {
        return """
                include %1$s/core.schema
                include %1$s/cosine.schema
                include %1$s/inetorgperson.schema
                pidfile %2$s/slapd.pid
                TLSCertificateFile %2$s/cert.pem
                TLSCertificateKeyFile %2$s/key.pem
                argsfile %2$s/slapd.args
                # like the most permissive servers (AD among them): a DN with an empty password binds as anonymous,
                # so the app must refuse empty passwords itself
                allow bind_anon_dn
                modulepath /usr/lib/ldap
                moduleload back_mdb
                database mdb
                maxsize 10485760
                suffix "%3$s"
                directory %2$s/db
                # as a real directory would: passwords only for binding, entries only for signed-in users
                access to attrs=userPassword by anonymous auth by * none
                access to * by users read by * none
                """.formatted(SCHEMA, dir, suffix);
    }

    /** The userPassword value slapd checks a simple bind against. */
    static String ssha(String password) {
        try {
            byte[] salt = new byte[8];
            new SecureRandom().nextBytes(salt);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            sha1.update(salt);
            byte[] digest = sha1.digest();
            byte[] hashAndSalt = new byte[digest.length + salt.length];
            System.arraycopy(digest, 0, hashAndSalt, 0, digest.length);
            System.arraycopy(salt, 0, hashAndSalt, digest.length, salt.length);
            return "{SSHA}" + Base64.getEncoder().encodeToString(hashAndSalt);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGSTOP: the socket stays open and accepts, but nothing answers (a hung directory). */
    void freeze() throws IOException {
        run(List.of("kill", "-STOP", String.valueOf(process.pid())), dir.resolve("kill.log"));
    }

    void thaw() throws IOException {
        run(List.of("kill", "-CONT", String.valueOf(process.pid())), dir.resolve("kill.log"));
    }

    Path log() {
        return dir.resolve("slapd.log");
    }

    @Override
    public void close() throws IOException {
        try {
            thaw(); // a stopped process would not act on SIGTERM until continued
        } catch (IOException e) {
            // it may be gone already
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // the directory stays for a look after a failure; the next start replaces it
    }

    /** The server's certificate (PEM), for a trust store. */
    Path certificate() {
        return dir.resolve("cert.pem");
    }

    private void awaitListening(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited: " + Files.readString(log()));
            }
            if (listening(port)) {
                return;
            }
            ItEnvironment.sleep(200);
        }
        close();
        throw new IllegalStateException("slapd did not listen on 127.0.0.1:" + port + " within 30 s");
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

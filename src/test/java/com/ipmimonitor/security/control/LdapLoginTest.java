package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a sign-in does before and without a working directory: empty passwords and names never reach it,
 * and a server that does not answer costs the read timeout, not a hung request. (The directory itself is
 * exercised against a real slapd in LdapIT.)
 */
class LdapLoginTest {

    private static LdapLogin loginAt(int port) {
        Map<String, String> config = Map.of("ldap.url", "ldap://127.0.0.1:" + port,
                "ldap.user.base", "ou=people,dc=x", "ldap.group.base", "ou=groups,dc=x", "ldap.admin.groups", "admins",
                "ldap.connect.timeout", "1", "ldap.read.timeout", "1");
        return new LdapLogin(LdapSettings.from(name -> Optional.ofNullable(config.get(name))).orElseThrow());
    }

    @Test
    void emptyPasswordsAndNamesAreRejectedWithoutAskingTheDirectory() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        LdapLogin login = loginAt(closedPort);
        // an LDAP bind with an empty password "succeeds" as anonymous: it must never be tried
        assertEquals(Optional.empty(), login.authenticate("alice", ""));
        assertEquals(Optional.empty(), login.authenticate("alice", null));
        assertEquals(Optional.empty(), login.authenticate("", "secret"));
        assertEquals(Optional.empty(), login.authenticate("  ", "secret"));
        assertEquals(Optional.empty(), login.authenticate(null, "secret"));
        // a real attempt does go to the (closed) port: the rejections above did not only fail by accident
        assertThrows(LdapUnavailableException.class, () -> login.authenticate("alice", "secret"));
    }

    @Test
    @Timeout(10)
    void aServerThatAcceptsButNeverAnswersCostsTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket ignored = silent.accept()) {
                    Thread.sleep(30_000);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();
            var e = assertThrows(LdapUnavailableException.class, () -> loginAt(silent.getLocalPort()).authenticate("alice", "secret"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofMillis(900)) > 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                    "took " + took + ": " + e.getMessage());
            acceptor.interrupt();
        }
    }
}

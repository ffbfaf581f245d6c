package com.ipmimonitor.collection.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipmimonitor.fleet.entity.Server;
import org.junit.jupiter.api.Test;

class DefaultCredentialsTest {

    private static final DefaultCredentials DEFAULTS = new DefaultCredentials("ADMIN", "fleet-pass", "NvidiaPass16chars", 17);

    @Test
    void serverWithoutOwnCredentialsGetsTheFleetLoginAndDefaultCipher() {
        Server s = new Server("10.0.0.5", "node5");

        assertEquals(new BmcTarget("10.0.0.5", 623, "ADMIN", "fleet-pass", 17), DEFAULTS.targetFor(s));
    }

    @Test
    void perServerUserPasswordPortAndCipherWin() {
        Server s = new Server("bmc7.example.com", "node7");
        s.setBmcPort(6230);
        s.setIpmiUser("operator");
        s.setIpmiPassword("own-pass");
        s.setCipherSuite(3);

        assertEquals(new BmcTarget("bmc7.example.com", 6230, "operator", "own-pass", 3), DEFAULTS.targetFor(s));
    }

    @Test
    void perServerPasswordWinsOverTheNvidiaPasswordToo() {
        Server s = new Server("10.0.0.8", "dgx8");
        s.setNvidia(true);
        s.setIpmiPassword("own-pass");

        assertEquals("own-pass", DEFAULTS.targetFor(s).password());
    }

    @Test
    void blankUserAndEmptyPasswordOfAServerFallBackToTheDefaults() {
        Server s = new Server("10.0.0.9", "node9");
        s.setIpmiUser("  ");
        s.setIpmiPassword("");

        BmcTarget t = DEFAULTS.targetFor(s);

        assertEquals("ADMIN", t.user());
        assertEquals("fleet-pass", t.password());
    }

    @Test
    void nvidiaServerUsesTheNvidiaPasswordWhenOneIsSet() {
        Server s = new Server("10.0.0.10", "dgx10");
        s.setNvidia(true);

        assertEquals(new BmcTarget("10.0.0.10", 623, "ADMIN", "NvidiaPass16chars", 17), DEFAULTS.targetFor(s));
    }

    @Test
    void nvidiaServerFallsBackToIpmiPassWhenNoNvidiaPasswordIsSet() {
        DefaultCredentials noNvidia = new DefaultCredentials("ADMIN", "fleet-pass", "", 17);
        Server s = new Server("10.0.0.11", "dgx11");
        s.setNvidia(true);

        assertEquals("fleet-pass", noNvidia.targetFor(s).password());
    }

    @Test
    void nonNvidiaServerIgnoresTheNvidiaPassword() {
        Server s = new Server("10.0.0.12", "node12");
        s.setNvidia(false);

        assertEquals("fleet-pass", DEFAULTS.targetFor(s).password());
    }

    @Test
    void cipherSuiteZeroOfAServerIsKeptNotReplacedByTheDefault() {
        Server s = new Server("10.0.0.13", "old13");
        s.setCipherSuite(0);

        assertEquals(0, DEFAULTS.targetFor(s).cipherSuite());
    }
}

package com.ipmimonitor.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServerInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "192.168.100.254", "0.0.0.0", "255.255.255.255", "127.77.0.1"})
    void acceptsDottedIpv4(String address) {
        assertTrue(ServerInput.isAddress(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1..2.3", "1.2.3.4."})
    void rejectsMalformedIpv4(String address) {
        assertFalse(ServerInput.isAddress(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bmc01", "bmc-01.example.com", "BMC7.Rack3.dc1.example", "a", "x1-2-3.io"})
    void acceptsHostNames(String address) {
        assertTrue(ServerInput.isAddress(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-bmc", "bmc-", "under_score.example", "two words", "bmc..example", "http://bmc01", "bmc01/",
            "ä.example"})
    void rejectsInvalidHostNames(String address) {
        assertFalse(ServerInput.isAddress(address), address);
    }

    @Test
    void rejectsHostNameLongerThan253Characters() {
        String label = "a".repeat(63);
        String ok = String.join(".", label, label, label, "a".repeat(61)); // 253
        String tooLong = ok + "a";

        assertEquals(253, ok.length());
        assertTrue(ServerInput.isAddress(ok));
        assertFalse(ServerInput.isAddress(tooLong));
        assertFalse(ServerInput.isAddress("a".repeat(64)), "a label has at most 63 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "fe80::1", "2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.1",
            "FE80::ABCD"})
    void acceptsIpv6(String address) {
        assertTrue(ServerInput.isAddress(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1:623", "fe80::1%eth0", "gggg::1", "[::1]", "fe80::1/64"})
    void rejectsWhatIsNotIpv6(String address) {
        assertFalse(ServerInput.isAddress(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {":::", "1:2:3", "::1::2", "1.2.3.4::", "1:2:3:4:5:6:7:8:9"})
    void rejectsColonSequencesThatAreNotIpv6(String address) {
        assertFalse(ServerInput.isAddress(address), address);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blankIsNoAddress(String address) {
        assertFalse(ServerInput.isAddress(address));
    }

    @Test
    void validFieldsHaveNoProblems() {
        assertEquals(List.of(), ServerInput.problems("10.0.0.1", 623, "node1", "10.0.1.1"));
        assertEquals(List.of(), ServerInput.problems("bmc1.example.com", null, null, null));
        assertEquals(List.of(), ServerInput.problems("::1", 1, "n", " "));
        assertEquals(List.of(), ServerInput.problems("::1", 65535, "x".repeat(255), ""));
    }

    @Test
    void portOutsideOneTo65535IsAProblem() {
        assertEquals(List.of("port must be between 1 and 65535, got 0"), ServerInput.problems("10.0.0.1", 0, "n", null));
        assertEquals(List.of("port must be between 1 and 65535, got 65536"), ServerInput.problems("10.0.0.1", 65536, "n", null));
        assertEquals(List.of("port must be between 1 and 65535, got -1"), ServerInput.problems("10.0.0.1", -1, "n", null));
    }

    @Test
    void everyProblemIsListedWithTheOffendingValue() {
        List<String> problems = ServerInput.problems("999.1.1.1", 70000, "n".repeat(256), "not an address");

        assertEquals(List.of(
                "bmc_ip must be an IPv4/IPv6 address or host name, got '999.1.1.1'",
                "port must be between 1 and 65535, got 70000",
                "server_name is longer than 255 characters",
                "server_ip must be an address or host name, got 'not an address'"), problems);
    }

    @Test
    void missingBmcAddressIsAProblem() {
        assertEquals(List.of("bmc_ip must be an IPv4/IPv6 address or host name, got nothing"),
                ServerInput.problems(null, 623, "n", null));
        assertEquals(List.of("bmc_ip must be an IPv4/IPv6 address or host name, got ''"),
                ServerInput.problems("", 623, "n", null));
    }

    @Test
    void settingsWithinLimitsHaveNoProblems() {
        assertEquals(List.of(), ServerInput.settingProblems("u".repeat(64), "p".repeat(128), 17, "n".repeat(4000)));
        assertEquals(List.of(), ServerInput.settingProblems(null, null, null, null));
    }

    @Test
    void settingsTheDatabaseOrIpmitoolCannotTakeAreProblems() {
        assertEquals(List.of("ipmi_user is longer than 64 characters", "cipher_suite must be between 0 and 17, got 18",
                        "ipmi_pass must not contain a NUL character (\\u0000)"),
                ServerInput.settingProblems("u".repeat(65), "p\0", 18, null));
        assertEquals(List.of("cipher_suite must be between 0 and 17, got -1",
                        "ipmi_user must not contain a NUL character (\\u0000)",
                        "notes must not contain a NUL character (\\u0000)"),
                ServerInput.settingProblems("\0", null, -1, "\0"));
    }

    @Test
    void aNameWithNulIsAProblem() {
        assertEquals(List.of("server_name must not contain a NUL character (\\u0000)"),
                ServerInput.problems("10.0.0.1", null, "a\0b", null));
    }

    /** A real PEM certificate (the test certificate of BmcTrustTest). */
    static String pem() {
        try (var in = ServerInputTest.class.getResourceAsStream("/redfish/tls/bmc-a.crt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void protocolIsIpmiRedfishOrAutoAndTheMessageNamesTheField() {
        assertEquals(List.of(), ServerInput.protocolProblems(null, null));
        for (String ok : List.of("ipmi", "redfish", "auto", " Redfish ")) {
            assertEquals(List.of(), ServerInput.protocolProblems(ok, null), ok);
        }
        assertEquals(List.of("protocol must be ipmi, redfish or auto, got 'snmp'"),
                ServerInput.protocolProblems("snmp", null));
        assertEquals(1, ServerInput.protocolProblems("", null).size());
    }

    @Test
    void aCaBundleMustHoldPemCertificatesOrBeBlank() {
        assertEquals(List.of(), ServerInput.protocolProblems(null, pem()));
        assertEquals(List.of(), ServerInput.protocolProblems(null, ""), "blank removes the bundle");
        String refused = "ca_bundle must hold PEM certificates (-----BEGIN CERTIFICATE----- ...)";
        assertEquals(List.of(refused), ServerInput.protocolProblems(null, "not a certificate"));
        assertEquals(List.of(refused), ServerInput.protocolProblems(null,
                "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"));
        assertEquals(List.of("ca_bundle is longer than 65536 characters"),
                ServerInput.protocolProblems(null, pem().repeat(100)));
    }
}

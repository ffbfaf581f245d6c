package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Groups claim to admin role, caller names, and the checks made before the provider is asked anything. */
class OidcLoginTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static OidcSettings settings(String provider) {
        return new OidcSettings(URI.create(provider), "ipmi-monitor", "secret", Set.of("ipmi-admins", "/ops/leads"),
                "groups", "preferred_username", "openid", Optional.empty());
    }

    private static OidcCaller caller(String claims) {
        try (var reader = Json.createReader(new java.io.StringReader(claims))) {
            return OidcLogin.caller(reader.readObject(), settings("https://idp.example.org"));
        }
    }

    @Test
    void aGroupsClaimHoldingAnAdminGroupMakesTheAdmin() {
        assertEquals(new OidcCaller("alice", true), caller("{\"sub\":\"1\",\"preferred_username\":\"alice\",\"groups\":[\"x\",\"ipmi-admins\"]}"));
        assertEquals(new OidcCaller("lead", true), caller("{\"sub\":\"2\",\"preferred_username\":\"lead\",\"groups\":\"/ops/leads\"}"));
    }

    @Test
    void otherGroupsOrNoneMakeAnOrdinaryUser() {
        assertEquals(new OidcCaller("bob", false), caller("{\"sub\":\"3\",\"preferred_username\":\"bob\",\"groups\":[\"ops\"]}"));
        assertEquals(new OidcCaller("bob", false), caller("{\"sub\":\"3\",\"preferred_username\":\"bob\"}"));
        // compared exactly: group names are the provider's identifiers
        assertEquals(new OidcCaller("bob", false), caller("{\"sub\":\"3\",\"preferred_username\":\"bob\",\"groups\":[\"IPMI-Admins\",1]}"));
    }

    @Test
    void withoutTheCallerClaimTheSubjectIsTheName() {
        assertEquals(new OidcCaller("2f1c-77", false), caller("{\"sub\":\"2f1c-77\"}"));
        assertEquals(new OidcCaller("2f1c-77", false), caller("{\"sub\":\"2f1c-77\",\"preferred_username\":\" \"}"));
    }

    @Test
    void staleOrForeignAnswersFailBeforeTheProviderIsAsked() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        // the provider does not exist: any request to it would fail with "unreachable"
        OidcLogin login = new OidcLogin(settings("http://127.0.0.1:" + closedPort), clock);
        OidcLoginAttempt attempt = login.begin(URI.create("http://127.0.0.1:18187/login/oidc/callback"), "/");
        assertTrue(assertThrows(OidcException.class, () -> login.complete(attempt, "forged", "code")).getMessage().contains("state"));
        assertTrue(assertThrows(OidcException.class, () -> login.complete(attempt, null, "code")).getMessage().contains("state"));
        assertTrue(assertThrows(OidcException.class, () -> login.complete(attempt, attempt.state(), "")).getMessage().contains("code"));
        OidcLogin later = new OidcLogin(settings("http://127.0.0.1:" + closedPort), Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));
        assertTrue(assertThrows(OidcException.class, () -> later.complete(attempt, attempt.state(), "code")).getMessage().contains("longer"));
        // and a real attempt does go to the provider
        assertTrue(assertThrows(OidcException.class, () -> login.complete(attempt, attempt.state(), "code")).getMessage().contains("unreachable"));
    }
}

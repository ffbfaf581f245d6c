package com.ipmimonitor.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OIDC_* settings: off without OIDC_PROVIDER_URI, loud about settings that cannot work. */
class OidcSettingsTest {

    private final Map<String, String> config = new HashMap<>(Map.of(
            "oidc.provider.uri", "https://idp.example.org/realms/ops/",
            "oidc.client.id", "ipmi-monitor",
            "oidc.client.secret", "client-secret-never-shown",
            "oidc.admin.groups", "ipmi-admins, /ops/leads"));

    private Optional<OidcSettings> read() {
        return OidcSettings.from(name -> Optional.ofNullable(config.get(name)));
    }

    private String failure() {
        return assertThrows(OidcConfigurationException.class, this::read).getMessage();
    }

    @Test
    void withoutProviderOidcIsOff() {
        config.remove("oidc.provider.uri");
        assertEquals(Optional.empty(), read());
    }

    @Test
    void settingsAndDefaults() {
        OidcSettings settings = read().orElseThrow();
        assertEquals(URI.create("https://idp.example.org/realms/ops"), settings.providerUri(), "trailing slash dropped");
        assertEquals(Set.of("ipmi-admins", "/ops/leads"), settings.adminGroups());
        assertEquals("groups", settings.groupsClaim());
        assertEquals("preferred_username", settings.callerClaim());
        assertEquals("openid profile email", settings.scope());
        assertEquals(Optional.empty(), settings.redirectUri());
        config.putAll(Map.of("oidc.groups.claim", "roles", "oidc.caller.claim", "email", "oidc.scope", "openid groups",
                "oidc.redirect.uri", "https://ipmi.example.org/login/oidc/callback"));
        settings = read().orElseThrow();
        assertEquals("roles", settings.groupsClaim());
        assertEquals("email", settings.callerClaim());
        assertEquals("openid groups", settings.scope());
        assertEquals(Optional.of(URI.create("https://ipmi.example.org/login/oidc/callback")), settings.redirectUri());
    }

    @Test
    void theLogLineNeverShowsTheSecret() {
        String line = read().orElseThrow().toString();
        assertFalse(line.contains("client-secret-never-shown"), line);
        assertTrue(line.contains("ipmi-monitor") && line.contains("ipmi-admins"), line);
    }

    @Test
    void clientAndGroupsAreRequired() {
        config.remove("oidc.client.secret");
        assertTrue(failure().contains("OIDC_CLIENT_SECRET"));
        config.put("oidc.client.secret", "s");
        config.remove("oidc.client.id");
        assertTrue(failure().contains("OIDC_CLIENT_ID"));
        config.put("oidc.client.id", "c");
        config.put("oidc.admin.groups", " , ");
        assertTrue(failure().contains("OIDC_ADMIN_GROUPS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://idp.example.org", "ftp://idp.example.org", "idp.example.org", "http://10.0.0.1:8080"})
    void onlyHttpsOrLoopbackHttpProviders(String uri) {
        config.put("oidc.provider.uri", uri);
        assertTrue(failure().contains("OIDC_PROVIDER_URI"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:38991", "http://localhost:8080/realms/x", "https://idp.example.org"})
    void httpsAndLoopbackProvidersAreAccepted(String uri) {
        config.put("oidc.provider.uri", uri);
        assertTrue(read().isPresent());
    }

    @Test
    void theRedirectUriMustBeHttpsToo() {
        config.put("oidc.redirect.uri", "http://ipmi.example.org/login/oidc/callback");
        assertTrue(failure().contains("OIDC_REDIRECT_URI"));
    }

    @Test
    void theScopeMustAskForAnIdToken() {
        config.put("oidc.scope", "profile email");
        assertTrue(failure().contains("OIDC_SCOPE"));
    }
}
